import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SeanceForm } from "@/components/agenda/seance-form";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { parisWallClock } from "@/lib/calendar/paris-time";
import { animateurOptions, defaultJeuneOptions, getSeanceDetail } from "@/lib/agenda/queries";
import { frozenReason, isCollective } from "@/lib/agenda/rules";
import { requireCapability } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Modifier la séance" };

export default async function ModifierSeancePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("agenda.write");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const detail = await getSeanceDetail(user, id);
  if (!detail) notFound();
  const { seance, participants } = detail;
  const frozen = frozenReason(seance);
  const jeuneId = isCollective(seance.type) ? "" : (participants[0]?.jeuneId ?? "");
  const [animateurs, jeuneOptions] = await Promise.all([animateurOptions(user), defaultJeuneOptions(user, jeuneId ? [jeuneId] : [])]);
  const debut = parisWallClock(seance.debut);

  return (
    <>
      <p className="mb-2">
        <TextLink href={`/agenda/${id}`}>Retour à la séance</TextLink>
      </p>
      <PageHeader title="Modifier la séance" description={seance.titre} />
      {frozen ? (
        <Alert tone="info">{frozen}</Alert>
      ) : (
        <SeanceForm
          mode="edit"
          seanceId={seance.id}
          version={seance.version}
          lockedKind={isCollective(seance.type) ? "collectif" : "individuel"}
          animateurs={animateurs}
          jeunes={jeuneOptions}
          initial={{
            type: seance.type,
            titre: seance.titre,
            date: debut.date,
            heureDebut: debut.time,
            heureFin: parisWallClock(seance.fin).time,
            lieu: seance.lieu ?? "",
            animateurId: seance.animateurId ?? "",
            capacite: seance.capacite === null ? "" : String(seance.capacite),
            jeuneId,
          }}
        />
      )}
    </>
  );
}
