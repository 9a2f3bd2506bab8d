import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CloseActionForm, EditActionForm, QualifyActionForm, StatutForm } from "@/components/actions-jeune/action-forms";
import { InfoList } from "@/components/dossier/info-list";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { dureeInputValue } from "@/lib/actions-jeune/duree";
import { CATEGORIE_LABELS, STATUT_LABELS, STATUT_TONES } from "@/lib/actions-jeune/labels";
import { getAction } from "@/lib/actions-jeune/queries";
import { requireCapability } from "@/lib/auth/session";
import { compare } from "@/lib/calendar/civil-date";
import { formatHeures } from "@/lib/cej/heures";
import { openDossierPage } from "@/lib/dossier/page";
import { dossierHref } from "@/lib/consultations/onglets";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Action du jeune" };

const CONFIRMATIONS: Record<string, string> = {
  modification: "Les modifications de l'action sont enregistrées.",
  statut: "Le nouveau statut de l'action est enregistré.",
  cloture: "L'action est terminée. Qualifiez-la quand vous avez vérifié qu'elle a eu lieu : ses heures compteront alors comme validées.",
  qualification: "L'action est qualifiée : ses heures comptent comme validées dans la jauge du CEJ.",
};

export default async function ActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; actionId: string }>;
  searchParams: SearchParams;
}) {
  const user = await requireCapability("parcours.write");
  const { id: rawId, actionId } = await params;
  if (!z.uuid().safeParse(actionId).success) notFound();
  const { db, jeune, today, jeuneId } = await openDossierPage(user, rawId, "actions");
  const action = await getAction(db, user, jeuneId, actionId);
  if (!action) notFound();
  const confirmation = CONFIRMATIONS[firstString((await searchParams).fait, 20)];
  const qualifiee = action.qualifieeLe !== null;
  const open = action.statut === "a_faire" || action.statut === "en_cours";

  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <TextLink href={dossierHref(jeuneId, "actions")}>
          Retour aux actions de <PersonName>{displayName(jeune)}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title={action.libelle}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PersonName>{displayName(jeune)}</PersonName> · {CATEGORIE_LABELS[action.categorie]}
            <Badge tone={STATUT_TONES[action.statut]}>{STATUT_LABELS[action.statut]}</Badge>
            {qualifiee ? (
              <Badge tone="success">Qualifiée</Badge>
            ) : action.statut === "terminee" ? (
              <Badge tone="warning">À qualifier</Badge>
            ) : null}
          </span>
        }
      />
      {confirmation ? (
        <div className="mb-6">
          <Alert tone="success" live="polite">
            {confirmation}
          </Alert>
        </div>
      ) : null}
      <div className="flex flex-col gap-6">
        <section aria-labelledby="resume-titre" className="rounded-sm border border-border p-4 sm:p-6">
          <h2 id="resume-titre" className="mb-3 text-xl">
            En bref
          </h2>
          <InfoList
            items={[
              { label: "Début", value: formatDate(action.debut) },
              { label: "Fin", value: action.fin ? formatDate(action.fin) : "Non précisée" },
              { label: "Durée", value: action.dureeMinutes !== null ? formatHeures(action.dureeMinutes) : "Non précisée" },
              {
                label: "Qualification",
                value: qualifiee ? (
                  <>
                    Qualifiée le {formatDateTime(action.qualifieeLe!)}
                    {action.qualifieeParNom ? (
                      <>
                        {" "}
                        par <PersonName>{action.qualifieeParNom}</PersonName>
                      </>
                    ) : null}
                  </>
                ) : (
                  "Pas encore qualifiée"
                ),
              },
              {
                label: "Contrat",
                value: action.contratId
                  ? "Rattachée au contrat en cours lors de sa création"
                  : "Aucun contrat en cours lors de sa création",
              },
            ]}
          />
        </section>
        {open && compare(action.debut, today) <= 0 ? (
          <CloseActionForm
            key={`cloture-${action.version}`}
            actionId={action.id}
            version={action.version}
            today={today}
            earliest={action.debut}
          />
        ) : null}
        {open && compare(action.debut, today) > 0 ? (
          <Alert tone="info">
            L&apos;action commence le {formatDate(action.debut)} : vous pourrez la terminer à partir de ce jour. Si elle a eu lieu plus tôt,
            corrigez d&apos;abord sa date de début.
          </Alert>
        ) : null}
        {action.statut === "terminee" && !qualifiee ? (
          <QualifyActionForm
            key={`qualifier-${action.version}`}
            actionId={action.id}
            version={action.version}
            categorie={action.categorie}
          />
        ) : null}
        {!qualifiee ? (
          <StatutForm
            key={`statut-${action.version}`}
            actionId={action.id}
            version={action.version}
            current={action.statut}
            today={today}
          />
        ) : null}
        <EditActionForm
          key={`modifier-${action.version}`}
          actionId={action.id}
          version={action.version}
          qualifiee={qualifiee}
          values={{
            libelle: action.libelle,
            categorie: action.categorie,
            debut: action.debut,
            fin: action.fin ?? "",
            duree: dureeInputValue(action.dureeMinutes),
            commentaire: action.commentaire ?? "",
          }}
        />
      </div>
    </div>
  );
}
