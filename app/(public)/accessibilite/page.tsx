import type { Metadata } from "next";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilityPage() {
  return (
    <article className="mx-auto flex max-w-[720px] flex-col gap-4">
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        Sillage s&apos;engage à rendre son service accessible à toutes et à tous, conformément à l&apos;article 47 de la loi n° 2005-102 du
        11 février 2005 et au référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA 4.1).
      </p>
      <h2>État de conformité</h2>
      <p>
        Sillage est <strong>partiellement conforme</strong> au RGAA : aucun audit complet n&apos;a encore été réalisé. Chaque page est
        vérifiée automatiquement (outil axe, critères WCAG 2.2 niveaux A et AA) à chaque modification du service, et testée au clavier.
      </p>
      <h2>Signaler un problème</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service, parlez-en à votre mission locale : elle vous orientera vers une
        alternative accessible et transmettra votre signalement.
      </p>
      <h2>Voie de recours</h2>
      <p>
        Si vous n&apos;obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits (formulaire en ligne, délégué de
        votre région ou courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07).
      </p>
    </article>
  );
}
