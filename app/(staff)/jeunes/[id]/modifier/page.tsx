import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { jeunes } from "@/db/schema";
import { JeuneForm } from "@/components/jeunes/jeune-form";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { checkDossierAccess, recordConsultation } from "@/lib/consultations/access";
import { assignmentOptions } from "@/lib/jeunes/form-options";
import { displayName } from "@/lib/jeunes/labels";
import { maskedStoredNir } from "@/lib/jeunes/nir-reveal";
import { fieldHashes, formValuesOfRow } from "@/lib/jeunes/save";
import { structureConditions } from "@/lib/jeunes/scope";

export const metadata: Metadata = { title: "Modifier un dossier jeune" };

const idSchema = z.uuid();

export default async function ModifierJeunePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("jeunes.write");
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();

  const db = await getDb();
  const today = todayInParis(new Date());
  const access = await checkDossierAccess(db, user, id, today);
  if (access.kind === "not_found") notFound();
  // Outside the portfolio: the dossier page asks for the reason first, then links back here.
  if (access.kind === "reason_required") redirect(`/jeunes/${id}`);

  const [row] = await db.select().from(jeunes).where(and(eq(jeunes.id, id), ...structureConditions(user)));
  if (!row) notFound();
  // The form shows identity, situation, health and justice data: the opening is a consultation.
  await recordConsultation(db, user, {
    jeuneId: row.id,
    structureId: row.structureId,
    onglet: "modification",
    horsPortefeuille: access.kind === "break_glass",
  });
  const options = await assignmentOptions(db, row.structureId, row.conseillerId);

  return (
    <>
      <p className="mb-4">
        <TextLink href={`/jeunes/${row.id}`}>Retour au dossier</TextLink>
      </p>
      <PageHeader
        title={`Modifier le dossier de ${displayName(row)}`}
        description={
          row.statut === "archive"
            ? "Ce dossier est archivé. Vos modifications sont enregistrées dans son historique."
            : "Vos modifications sont enregistrées dans l'historique du dossier (les champs modifiés, jamais leur contenu)."
        }
      />
      <JeuneForm
        mode="update"
        initial={formValuesOfRow(row)}
        antennes={options.antennes}
        conseillers={options.conseillers}
        cancelHref={`/jeunes/${row.id}`}
        jeuneId={row.id}
        version={row.version}
        etatInitial={fieldHashes(row)}
        nirMasked={maskedStoredNir(row.nirEncrypted)}
        today={today}
      />
    </>
  );
}
