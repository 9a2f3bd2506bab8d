import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { writeAudit } from "@/lib/audit/write";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatDate } from "@/lib/format/fr";
import { DISPOSITIF_LABELS, displayName } from "@/lib/jeunes/labels";
import { getDossier } from "@/lib/jeunes/dossier";
import { ageOn } from "@/lib/jeunes/rules";

export const metadata: Metadata = { title: "Dossier jeune" };

const idSchema = z.uuid();

export default async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("jeunes.read");
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const dossier = await getDossier(user, id);
  if (!dossier) notFound();
  const { jeune } = dossier;

  // The fact of the view is recorded (who, when, which dossier), never the data seen.
  await writeAudit(await getDb(), user, {
    action: "jeune.consultation",
    targetType: "jeune",
    targetId: jeune.id,
    jeuneId: jeune.id,
    structureId: jeune.structureId,
    meta: { onglet: "identite" },
  });

  const today = todayInParis(new Date());
  return (
    <>
      <PageHeader
        title={displayName(jeune)}
        description={`${ageOn(jeune.dateNaissance, today)} ans · né(e) le ${formatDate(jeune.dateNaissance)}`}
      />
      <dl className="grid gap-4 rounded-lg border border-border p-6 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-sm text-ink-2">Dispositif</dt>
          <dd className="font-bold">
            {jeune.dispositif === "aucun" ? "Aucun" : <Badge tone="info">{DISPOSITIF_LABELS[jeune.dispositif]}</Badge>}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-ink-2">Conseiller</dt>
          <dd className="font-bold">{dossier.conseiller ?? "Non attribué"}</dd>
        </div>
        <div>
          <dt className="text-sm text-ink-2">Antenne</dt>
          <dd className="font-bold">{dossier.antenne ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-ink-2">Commune</dt>
          <dd className="font-bold">{jeune.commune ?? "—"}</dd>
        </div>
      </dl>
    </>
  );
}
