import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ContratSummary } from "@/components/parcours/contrat-summary";
import { BilanForm, EditPhaseForm } from "@/components/parcours/phase-forms";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { PHASE_TYPE_LABELS } from "@/lib/parcours/labels";
import { openContratPage } from "@/lib/parcours/page";
import { contractPeriod } from "@/lib/parcours/periodes";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Phase du PACEA" };

export default async function PhasePage({ params }: { params: Promise<{ id: string; contratId: string; phaseId: string }> }) {
  const user = await requireCapability("parcours.write");
  const { id, contratId, phaseId } = await params;
  if (!z.uuid().safeParse(phaseId).success) notFound();
  const page = await openContratPage(user, id, contratId);
  const c = page.contrat;
  const index = c.phases.findIndex((p) => p.id === phaseId);
  const phase = c.phases[index];
  if (!phase) notFound();
  const period = contractPeriod(c);
  return (
    <>
      <p className="mb-2">
        <TextLink href={page.backHref}>
          Retour au parcours de <PersonName>{page.nom}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title={`Phase ${index + 1} : ${PHASE_TYPE_LABELS[phase.type].toLowerCase()}`}
        description={<PersonName>{page.nom}</PersonName>}
      />
      <ContratSummary contrat={c} />
      <div className="flex flex-col gap-12">
        <section aria-labelledby="titre-bilan">
          <h2 id="titre-bilan" className="mb-4">
            Bilan de la phase
          </h2>
          <BilanForm
            phaseId={phase.id}
            version={phase.version}
            bilan={phase.bilan}
            bilanLe={phase.bilanLe}
            today={page.today}
            debut={phase.debut}
            cancelHref={page.backHref}
          />
        </section>
        {c.finReelle === null ? (
          <section aria-labelledby="titre-modifier-phase">
            <h2 id="titre-modifier-phase" className="mb-4">
              Modifier la phase
            </h2>
            <EditPhaseForm
              phaseId={phase.id}
              version={phase.version}
              defaults={{ type: phase.type, debut: phase.debut, fin: phase.fin, objectifs: phase.objectifs }}
              period={{ debut: period.start, fin: period.end }}
              cancelHref={page.backHref}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
