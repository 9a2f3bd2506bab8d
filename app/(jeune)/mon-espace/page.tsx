import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { consultedLabel } from "@/lib/consultations/onglets";
import { MOTIF_LABELS } from "@/lib/consultations/motifs";
import { STATUT_LABELS, TYPE_PLAIN } from "@/lib/droits/labels";
import { FINALITIES } from "@/lib/data-map/finalities";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { listMyConsultations, listMyDemandes, listMyTransmissions } from "@/lib/espace/queries";
import { NOTICE_KINDS } from "@/lib/transmissions/kinds";
import { KIND_FALC, fieldLabels } from "@/lib/transmissions/labels";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { getOwnDossier } from "@/lib/jeunes/dossier";
import { PersonName } from "@/components/ui/person-name";
import { EspaceCards } from "@/components/espace/espace-cards";
import { isMinor } from "@/lib/espace/informations";
import { DemandeDocuments } from "@/components/espace/demande-documents";
import { listMyDocumentSlots } from "@/lib/droits/document-queries";

/** After the invitation's link: what this page is, in plain words; under 18, who can help. */
function Welcome({ minor }: { minor: boolean }) {
  return (
    <Alert tone="info" title="Bienvenue dans Mon espace" titleAs="h2">
      <p>Ici, vous voyez ce que la mission locale sait de vous.</p>
      <p>Vous voyez aussi à qui vos informations sont envoyées, et pourquoi.</p>
      <p>Vous avez une question ? Vous pouvez la poser sur chaque ligne.</p>
      {minor ? (
        <>
          <p>Vous avez moins de 18 ans.</p>
          <p>
            Vous pouvez lire cette page avec un adulte de confiance. Par exemple votre représentant légal : un parent, ou la personne qui
            s&apos;occupe de vous.
          </p>
        </>
      ) : null}
      <p>Pour partir, appuyez sur « Se déconnecter ». Sur un téléphone prêté, c&apos;est important.</p>
    </Alert>
  );
}

export const metadata: Metadata = { title: "Mon espace" };

const DISPOSITIF_FALC = {
  CEJ: "Vous êtes en contrat d'engagement jeune (CEJ). C'est un accompagnement intensif vers l'emploi.",
  PACEA: "Vous êtes en PACEA. C'est un parcours d'accompagnement vers l'emploi et l'autonomie.",
  aucun: "Vous êtes accompagné par la mission locale.",
} as const;

export default async function MonEspacePage({ searchParams }: { searchParams: Promise<{ bienvenue?: string | string[] }> }) {
  const { bienvenue } = await searchParams;
  const user = await requireRole("jeune");
  const dossier = await getOwnDossier(user);
  if (!dossier) {
    return (
      <>
        <h1 className="mb-4">Mon espace</h1>
        <Alert tone="info">Votre compte n&apos;est pas encore relié à un dossier. Parlez-en à votre conseiller.</Alert>
      </>
    );
  }
  const [vues, demandes, envois, documents] = await Promise.all([
    listMyConsultations(user),
    listMyDemandes(user),
    listMyTransmissions(user),
    listMyDocumentSlots(user),
  ]);
  const today = todayInParis(new Date());
  const minor = isMinor(dossier.dateNaissance, today);

  return (
    <div className="flex flex-col gap-8">
      <h1>
        Bonjour <PersonName>{dossier.prenoms}</PersonName>
      </h1>
      {bienvenue === "1" ? <Welcome minor={minor} /> : null}
      <section aria-labelledby="titre-accompagnement" className="rounded-lg border border-border p-5">
        <h2 id="titre-accompagnement" className="mb-3">
          Votre accompagnement
        </h2>
        <p className="mb-2">{DISPOSITIF_FALC[dossier.dispositif]}</p>
        <p>
          Votre mission locale : <strong>{dossier.structure}</strong>
          {dossier.antenne ? `, ${dossier.antenne}` : ""}.
        </p>
        {dossier.conseiller ? (
          <p>
            La personne qui vous accompagne :{" "}
            <strong>
              <PersonName>{dossier.conseiller}</PersonName>
            </strong>
            .
          </p>
        ) : null}
      </section>

      <EspaceCards />

      <section aria-labelledby="titre-demandes">
        <h2 id="titre-demandes" className="mb-3">
          Vos demandes sur vos données
        </h2>
        <p className="mb-3">
          <Link href="/mon-espace/demande" className={buttonClasses("primary")}>
            Faire une demande sur mes données
          </Link>
        </p>
        {demandes.length === 0 ? (
          <p>
            Vous n&apos;avez fait aucune demande. Vous pouvez demander à voir, corriger ou effacer vos données avec le bouton ci-dessus.
          </p>
        ) : (
          <ul className="flex flex-col gap-4">
            {demandes.map((d) => (
              <li key={d.id} className="rounded-lg border border-border p-4">
                <h3 className="mb-1 text-lg">Demande n° {d.numero}</h3>
                <p className="mb-2">Vous avez demandé à {TYPE_PLAIN[d.type]}.</p>
                <p className="mb-2 flex flex-wrap items-center gap-2">
                  <Badge tone={d.statut === "close" || d.statut === "repondue" ? "success" : "info"}>{STATUT_LABELS[d.statut]}</Badge>
                  {d.echeance && d.statut !== "close" && d.statut !== "repondue" ? (
                    d.echeance < today ? (
                      <span>
                        <strong>Nous sommes en retard.</strong> La réponse était attendue le {formatDate(d.echeance)}. Vous pouvez en parler
                        à votre conseiller ou contacter la CNIL.
                      </span>
                    ) : (
                      <span>Réponse au plus tard le {formatDate(d.echeance)}.</span>
                    )
                  ) : null}
                </p>
                <ol className="flex flex-col gap-1 border-l-4 border-border pl-3">
                  {d.etapes.map((e, i) => (
                    <li key={i}>
                      <span className="text-sm text-ink-2">{formatDateTime(e.at)}</span>
                      <span className="block">{e.message}</span>
                    </li>
                  ))}
                </ol>
                <DemandeDocuments demandeId={d.id} numero={d.numero} slot={documents.get(d.id)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="titre-envois">
        <h2 id="titre-envois" className="mb-1">
          À qui vos données ont été envoyées
        </h2>
        <p className="mb-3 text-ink-2">Chaque envoi est noté ici : à qui, quand, quelles informations et pourquoi.</p>
        {envois.length === 0 ? (
          <p>Aucune donnée n&apos;a été envoyée pour l&apos;instant.</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {envois.map((e) => (
              <li key={e.id} className="rounded-lg border border-border p-3">
                <span className="block text-sm text-ink-2">{formatDateTime(e.createdAt)}</span>
                <span className="block">
                  {e.status === "accusee" || e.status === "envoyee"
                    ? "Envoyé à "
                    : e.status === "retenue"
                      ? "Pas encore envoyé (vos données sont gelées) à "
                      : e.status === "annulee"
                        ? "Envoi annulé pour "
                        : "Envoi en préparation pour "}
                  <strong>{RECIPIENTS[e.recipient].falc}</strong>.
                </span>
                <span className="block">Quelles informations : {fieldLabels(e.fieldNames).join(", ").toLowerCase()}.</span>
                <span className="block">Pourquoi : {FINALITIES[e.finality].falc.title.toLowerCase()}.</span>
                {e.kind === "rectification" || e.kind === "demande_transmise" || NOTICE_KINDS.has(e.kind) ? (
                  <span className="block">C&apos;est : {KIND_FALC[e.kind].toLowerCase()}.</span>
                ) : null}
                <Link
                  href={`/mon-espace/demande?transmission=${e.id}`}
                  className="mt-1 inline-block font-medium text-primary underline underline-offset-4 hover:decoration-2"
                >
                  J&apos;ai une question sur cet envoi
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="titre-vues">
        <h2 id="titre-vues" className="mb-1">
          Qui a ouvert votre dossier
        </h2>
        <p className="mb-3 text-ink-2">Chaque fois qu&apos;une personne ouvre votre dossier, c&apos;est noté ici.</p>
        {vues.length === 0 ? (
          <p>Personne n&apos;a encore ouvert votre dossier.</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {vues.map((v) => (
              <li key={v.id} className="rounded-lg bg-alt p-3">
                <span className="block text-sm text-ink-2">{formatDateTime(v.at)}</span>
                <span className="block">
                  <strong>{v.qui ?? "Un membre de l'équipe"}</strong> ({ROLE_LABELS[v.role].toLowerCase()}, {v.structure}) a regardé :{" "}
                  {consultedLabel(v.onglet).toLowerCase()}.
                </span>
                {v.horsPortefeuille && v.motif ? <span className="block text-sm">Raison donnée : {MOTIF_LABELS[v.motif]}.</span> : null}
              </li>
            ))}
          </ol>
        )}
        <p className="mt-4 text-sm">
          Pour aller plus loin : <TextLink href="/notice">ce que fait la mission locale avec vos données</TextLink>.
        </p>
      </section>
    </div>
  );
}
