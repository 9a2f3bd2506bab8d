import type { Metadata } from "next";
import { DecisionForm } from "@/components/allocation/decision-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { formatMonth } from "@/lib/format/fr";
import { addToMonth, monthOf } from "@/lib/calendar/months";
import { contractTypesBetween } from "@/lib/allocation/queries";
import { openDossierPage } from "@/lib/dossier/page";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Nouvelle décision d'allocation" };

/** Months offered: the coming month, this month and the eleven before. */
const MONTHS_BACK = 11;

export default async function NouvelleDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("parcours.write");
  const { id: rawId } = await params;
  const { db, jeune, today, jeuneId } = await openDossierPage(user, rawId, "parcours");

  const current = monthOf(today);
  const latest = addToMonth(current, 1);
  const earliest = addToMonth(current, -MONTHS_BACK);
  const types = await contractTypesBetween(db, user, jeuneId, earliest, latest);
  const months = Array.from({ length: MONTHS_BACK + 2 }, (_, i) => addToMonth(latest, -i)).map((m) => ({
    value: m,
    label: formatMonth(m),
  }));
  const back = `/jeunes/${jeuneId}?onglet=parcours#allocation`;

  return (
    <>
      <p className="mb-2">
        <TextLink href={back}>
          Retour au parcours de <PersonName>{displayName(jeune)}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title="Nouvelle décision d'allocation"
        description={
          <>
            <PersonName>{displayName(jeune)}</PersonName> · le montant est calculé avec les règles en vigueur au 1er du mois choisi, puis
            les sanctions décidées qui couvrent ce mois. Vous le voyez avant de confirmer.
          </>
        }
      />
      {types.length === 0 ? (
        <EmptyState
          title="Aucun contrat CEJ ou PACEA sur la période"
          action={
            <ButtonLink variant="secondary" href={back}>
              Aller au parcours
            </ButtonLink>
          }
        >
          Une allocation se décide pour un mois où un contrat est en vigueur. Enregistrez d&apos;abord le contrat du jeune.
        </EmptyState>
      ) : (
        <DecisionForm jeuneId={jeuneId} months={months} defaultMonth={current} types={types} />
      )}
    </>
  );
}
