import type { Metadata } from "next";
import Link from "next/link";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatLongCivilDate } from "@/lib/format/fr";
import { ACCESSIBILITY_STATE_LABELS, loadAccessibilityStatement, loadLegalNotice } from "@/lib/legal/queries";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

const linkClasses = "text-primary underline hover:text-primary-hover";

/** The pages checked for this statement (automated axe checks at 1280 and 375 px, keyboard use). */
const PAGES_CHECKED = [
  "Connexion des équipes et connexion à Mon espace",
  "Mon espace : accueil, mes données, mes connexions",
  "Portefeuille et dossier d'un jeune (onglets, parcours, allocation)",
  "Agenda et fiche d'une séance",
  "Demandes de droits : file, saisie, traitement",
  "Transmissions, journal d'audit, registre des traitements",
  "Tableaux de bord : pilotage et conformité",
  "Notice « Vos données personnelles », mentions légales et cette déclaration",
];

/** Accessibility statement (loi 2005-102 art. 47, décret 2019-768, RGAA 4.1.2 model). */
export default async function AccessibilityPage() {
  const today = todayInParis(new Date());
  const [statement, publisher] = await Promise.all([loadAccessibilityStatement(today), loadLegalNotice(today)]);
  // Without a dated audit, the state can only be "non conforme" (RGAA: the state comes from a measured audit).
  const state = ACCESSIBILITY_STATE_LABELS[statement?.auditLe ? statement.etat : "non_conforme"];
  const contact = statement?.contact ?? publisher?.contact ?? null;
  const editeur = publisher?.editeur ?? "L'éditeur de Sillage";

  return (
    <article className="mx-auto flex max-w-[720px] flex-col gap-4">
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        {editeur} s&apos;engage à rendre Sillage, le portail des missions locales, accessible conformément à l&apos;article 47 de la loi n°
        2005-102 du 11 février 2005. Cette déclaration s&apos;applique à l&apos;ensemble du portail (espaces des équipes, Mon espace des
        jeunes, pages publiques).
      </p>

      <h2>Schéma pluriannuel et plan d&apos;action</h2>
      <p>Le schéma pluriannuel de mise en accessibilité 2027-2029 prévoit :</p>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        <li>2027 : un audit complet RGAA 4.1.2 par un organisme indépendant, puis la correction des non-conformités relevées ;</li>
        <li>
          2027 : des documents PDF balisés (feuilles d&apos;émargement, courriers, récapitulatifs) ou une version accessible de chacun ;
        </li>
        <li>2028 : des tests avec des personnes utilisant un lecteur d&apos;écran, une loupe ou la commande vocale ;</li>
        <li>chaque année : la formation des équipes qui font évoluer le service, et la mise à jour de cette déclaration.</li>
      </ul>

      <h2>État de conformité</h2>
      <p>
        Sillage est <strong>{state}</strong> avec le référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA), version 4.1.2
        {statement?.auditLe ? `, selon l'audit du ${formatLongCivilDate(statement.auditLe)}` : ""}.
      </p>
      {statement?.auditLe ? null : (
        <p>
          Aucun audit de conformité n&apos;a encore été réalisé : le taux de conformité n&apos;est donc pas mesuré. En attendant, chaque
          page ci-dessous est vérifiée automatiquement (outil axe, critères WCAG 2.2 niveaux A et AA) à chaque modification du service, sur
          écran large (1 280 pixels) et sur téléphone (375 pixels), et testée au clavier.
        </p>
      )}

      <h2>Contenus non accessibles</h2>
      <p>Les contenus suivants ne sont pas accessibles, à notre connaissance :</p>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        <li>
          les documents PDF produits par le service (feuilles d&apos;émargement, courriers de réponse aux demandes de droits, récapitulatifs
          de parcours, registre des traitements) ne sont pas balisés (critère 13.3) ; leur contenu est aussi disponible à l&apos;écran ;
        </li>
        <li>
          la session se ferme après une période d&apos;inactivité (2 heures pour les équipes, 30 minutes pour les jeunes) sans proposer de
          la prolonger avant (critère 13.1) ;
        </li>
        <li>les exports CSV sont des fichiers de données destinés à un tableur : ils ne sont pas soumis au RGAA.</li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>
        Cette déclaration a été établie le {statement ? formatLongCivilDate(statement.date) : "— (date à renseigner)"}. Technologies
        utilisées : HTML, CSS, SVG et JavaScript. Vérifications : outil axe-core avec Playwright, navigation au clavier, navigateur
        Chromium.
      </p>
      <p>Pages vérifiées :</p>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        {PAGES_CHECKED.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>

      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez-nous pour être orienté vers une alternative accessible ou
        obtenir le contenu sous une autre forme
        {contact ? (
          <>
            {" "}
            :{" "}
            <a className={linkClasses} href={`mailto:${contact}`}>
              {contact}
            </a>
          </>
        ) : null}
        . Vous pouvez aussi en parler à votre mission locale, qui transmettra votre signalement.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d&apos;accessibilité qui vous empêche d&apos;accéder à un contenu ou à un service et que vous
        n&apos;avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :
      </p>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        <li>
          par le formulaire en ligne :{" "}
          <a className={linkClasses} href="https://formulaire.defenseurdesdroits.fr/">
            formulaire.defenseurdesdroits.fr
          </a>
          ;
        </li>
        <li>
          en contactant le délégué du Défenseur des droits de votre région :{" "}
          <a className={linkClasses} href="https://www.defenseurdesdroits.fr/saisir/delegues">
            liste des délégués
          </a>
          ;
        </li>
        <li>par téléphone : 09 69 39 00 00 ;</li>
        <li>
          par courrier, gratuit et sans timbre :{" "}
          <address className="inline not-italic">Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07</address>.
        </li>
      </ul>
      <p>
        Voir aussi les{" "}
        <Link className={linkClasses} href="/mentions-legales">
          mentions légales
        </Link>
        .
      </p>
    </article>
  );
}
