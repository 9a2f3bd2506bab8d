import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SanctionDetails } from "@/components/sanctions/sanction-details";
import { DecideForm, LiftForm, ResponseForm } from "@/components/sanctions/sanction-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import { formatMonth, formatDate } from "@/lib/format/fr";
import { addToMonth, monthOf, monthsBetween } from "@/lib/calendar/months";
import { openDossierPage } from "@/lib/dossier/page";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { displayName } from "@/lib/jeunes/labels";
import { RUNGS } from "@/lib/sanctions/bareme";
import { effectBounds, readDecidedEffect } from "@/lib/sanctions/effet";
import { SANCTION_STATUTS } from "@/lib/sanctions/labels";
import { getSanction, rungDescription } from "@/lib/sanctions/queries";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Manquement et sanction" };

const CONFIRMATIONS: Record<string, string> = {
  proposee: "Le manquement est enregistré. Notez la réponse du jeune, puis la direction décidera.",
  contradictoire: "La réponse du jeune est enregistrée. La direction peut maintenant décider.",
  decision: "La décision est enregistrée.",
  levee: "La suspension est levée.",
};

export default async function SanctionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; sanctionId: string }>;
  searchParams: SearchParams;
}) {
  const user = await requireCapability("jeunes.read");
  const { id: rawId, sanctionId } = await params;
  if (!z.uuid().safeParse(sanctionId).success) notFound();
  const { db, jeune, today, jeuneId } = await openDossierPage(user, rawId, "parcours");
  const sanction = await getSanction(db, user, jeuneId, sanctionId);
  if (!sanction) notFound();

  const etape = firstString((await searchParams).etape, 20);
  const open = sanction.statut === "proposee" || sanction.statut === "contradictoire";
  const statut = SANCTION_STATUTS[sanction.statut];
  const proposed = RUNGS[sanction.palier]?.effect ?? {
    kind: "a_preciser" as const,
    percent: null,
    months: null,
    liftedOnCompliance: false,
    endsContract: false,
  };
  const bounds = effectBounds(proposed);
  const firstMonth = monthOf(sanction.dateFait);
  const lastMonth = addToMonth(monthOf(today), 2);
  const months = Array.from({ length: Math.max(0, monthsBetween(firstMonth, lastMonth)) + 1 }, (_, i) => addToMonth(firstMonth, i)).map(
    (m) => ({ value: m, label: formatMonth(m) }),
  );
  // biome-ignore lint/complexity/useMathMinMax: months are "YYYY-MM" strings, compared as text.
  const defaultMonth = monthOf(today) < firstMonth ? firstMonth : monthOf(today);
  const effet = readDecidedEffect(sanction.effet);
  const canRespond = open && can(user.role, "sanctions.propose");
  const canDecide = open && can(user.role, "sanctions.decide");
  const canLift = sanction.statut === "decidee" && !!effet?.leveeSiRemobilisation && !effet.leveeLe && can(user.role, "sanctions.decide");
  const hasSide = open || canLift;

  return (
    <>
      <p className="mb-2">
        <TextLink href={`/jeunes/${jeuneId}?onglet=parcours#sanctions`}>
          Retour au parcours de <PersonName>{displayName(jeune)}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title={`Manquement du ${formatDate(sanction.dateFait)}`}
        description={
          <span className="flex flex-wrap items-center gap-3">
            <PersonName>{displayName(jeune)}</PersonName> <Badge tone={statut.tone}>{statut.label}</Badge>
          </span>
        }
      />
      {CONFIRMATIONS[etape] ? (
        <div className="mb-6">
          <Alert tone="success" live="polite">
            {CONFIRMATIONS[etape]}
          </Alert>
        </div>
      ) : null}
      <div className={hasSide ? "grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]" : "max-w-3xl"}>
        <section aria-labelledby="titre-dossier-sanction" className="flex flex-col gap-4 rounded-sm border border-border p-4 sm:p-6">
          <h2 id="titre-dossier-sanction" className="text-xl">
            Le manquement et la règle
          </h2>
          <SanctionDetails sanction={sanction} />
        </section>
        {hasSide ? (
          <div className="flex flex-col gap-6">
            {canRespond ? (
              <ResponseForm
                sanctionId={sanction.id}
                version={sanction.version}
                today={today}
                earliest={sanction.dateFait}
                current={{ reponseJeune: sanction.reponseJeune, reponseLe: sanction.reponseLe }}
              />
            ) : null}
            {canDecide ? (
              <DecideForm
                sanctionId={sanction.id}
                version={sanction.version}
                canApply={sanction.statut === "contradictoire"}
                bounds={{ pourcentage: bounds.pourcentage, mois: bounds.mois }}
                months={months}
                defaultMonth={defaultMonth}
                proposedText={rungDescription(sanction.palier)}
              />
            ) : null}
            {open && !can(user.role, "sanctions.decide") ? (
              <Alert tone="info">La décision appartient à la direction de la mission locale.</Alert>
            ) : null}
            {canLift ? <LiftForm sanctionId={sanction.id} version={sanction.version} today={today} earliest={sanction.dateFait} /> : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
