import type { Metadata } from "next";
import { ContratSummary } from "@/components/parcours/contrat-summary";
import { AddPhaseForm } from "@/components/parcours/phase-forms";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { addDays, compare } from "@/lib/calendar/civil-date";
import { openContratPage } from "@/lib/parcours/page";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Ajouter une phase" };

export default async function AddPhasePage({ params }: { params: Promise<{ id: string; contratId: string }> }) {
  const user = await requireCapability("parcours.write");
  const { id, contratId } = await params;
  const page = await openContratPage(user, id, contratId);
  const c = page.contrat;
  const last = c.phases.at(-1);
  // The next phase starts the day after the last one; the first is the diagnostic from the contract's start.
  const debut = last ? addDays(last.fin, 1) : c.debut;
  const defaults = {
    type: last ? "accompagnement" : "diagnostic",
    debut: compare(debut, c.finPrevue) <= 0 ? debut : "",
    fin: "",
    objectifs: "",
  };
  return (
    <>
      <p className="mb-2">
        <TextLink href={page.backHref}>
          Retour au parcours de <PersonName>{page.nom}</PersonName>
        </TextLink>
      </p>
      <PageHeader title="Ajouter une phase au PACEA" description={<PersonName>{page.nom}</PersonName>} />
      <ContratSummary contrat={c} />
      {c.type !== "PACEA" ? (
        <Alert tone="info">Les phases ne concernent que le PACEA.</Alert>
      ) : c.finReelle === null ? (
        <AddPhaseForm contratId={c.id} defaults={defaults} period={{ debut: c.debut, fin: c.finPrevue }} cancelHref={page.backHref} />
      ) : null}
    </>
  );
}
