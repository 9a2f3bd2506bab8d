import type { Metadata } from "next";
import Link from "next/link";
import { todayInParis } from "@/lib/calendar/civil-date";
import { loadLegalNotice } from "@/lib/legal/queries";

export const metadata: Metadata = { title: "Mentions légales" };

const linkClasses = "text-primary underline hover:text-primary-hover";

/** Legal notice (loi 2004-575 pour la confiance dans l'économie numérique, art. 6 III), from the dated settings. */
export default async function MentionsLegalesPage() {
  const notice = await loadLegalNotice(todayInParis(new Date()));
  return (
    <article className="mx-auto flex max-w-[720px] flex-col gap-4">
      <h1>Mentions légales</h1>
      {notice === null ? (
        <p>Les mentions légales sont en cours de mise à jour. Pour toute question, adressez-vous à votre mission locale.</p>
      ) : (
        <>
          <h2>Éditeur</h2>
          <address className="not-italic">
            {notice.editeur}
            <br />
            {notice.editeurAdresse}
            <br />
            SIRET : {notice.editeurSiret}
            <br />
            Contact :{" "}
            <a className={linkClasses} href={`mailto:${notice.contact}`}>
              {notice.contact}
            </a>
          </address>
          <h2>Directeur ou directrice de la publication</h2>
          <p>{notice.directeurPublication}</p>
          <h2>Hébergeur</h2>
          <address className="not-italic">
            {notice.hebergeur}
            <br />
            {notice.hebergeurAdresse}
            <br />
            Téléphone : {notice.hebergeurTelephone}
          </address>
        </>
      )}
      <h2>Données personnelles</h2>
      <p>
        Ce que les missions locales font de vos données, qui les reçoit, combien de temps elles sont gardées et comment exercer vos droits :{" "}
        <Link className={linkClasses} href="/notice">
          vos données personnelles
        </Link>
        .
      </p>
      <h2>Accessibilité</h2>
      <p>
        L&apos;état de conformité du service au référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA) et les moyens de nous
        signaler un problème :{" "}
        <Link className={linkClasses} href="/accessibilite">
          déclaration d&apos;accessibilité
        </Link>
        .
      </p>
    </article>
  );
}
