import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { structures } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { writeAudit } from "@/lib/audit/write";
import { todayInParis } from "@/lib/calendar/civil-date";
import { checkDossierAccess, recordConsultation } from "@/lib/consultations/access";
import { ageOn } from "@/lib/jeunes/rules";
import { getContrat, getJeuneForParcours } from "./queries";
import { renderRecapitulatifPdf, type Recapitulatif } from "./recapitulatif-pdf";

export type RecapitulatifDownload = { kind: "ok"; filename: string; pdf: Uint8Array } | { kind: "not_found" } | { kind: "reason_required" };

/**
 * The summary PDF of one contract of a young person the caller may open (same checks as the dossier:
 * structure, portfolio or a reason already given). Each download is audited (no field values) and
 * recorded as a consultation of the Parcours tab, in one transaction.
 */
export async function downloadRecapitulatif(
  db: Db,
  user: SessionUser,
  jeuneId: string,
  contratId: string,
  requestId?: string,
): Promise<RecapitulatifDownload> {
  const now = new Date();
  const today = todayInParis(now);
  const access = await checkDossierAccess(db, user, jeuneId, today, now);
  if (access.kind === "not_found") return { kind: "not_found" };
  if (access.kind === "reason_required") return { kind: "reason_required" };
  const [jeune, contrat, [structure]] = await Promise.all([
    getJeuneForParcours(db, user, jeuneId),
    getContrat(db, user, jeuneId, contratId),
    db.select().from(structures).where(eq(structures.id, access.structureId)),
  ]);
  if (!jeune || !contrat || !structure) return { kind: "not_found" };
  const precedent = contrat.precedentContratId ? await getContrat(db, user, jeuneId, contrat.precedentContratId) : null;

  const model: Recapitulatif = {
    structure: { name: structure.name, commune: structure.commune, siret: structure.siret },
    jeune: {
      nom: (jeune.nomUsage ?? jeune.nomNaissance).toUpperCase(),
      prenoms: jeune.prenoms,
      dateNaissance: jeune.dateNaissance,
      mineurALaSignature: ageOn(jeune.dateNaissance, contrat.signeLe) < 18,
    },
    conseiller: contrat.conseillerNom,
    contrat: {
      type: contrat.type,
      signeLe: contrat.signeLe,
      debut: contrat.debut,
      finPrevue: contrat.finPrevue,
      finReelle: contrat.finReelle,
      motifSortie: contrat.motifSortie,
      prolongationMotif: contrat.prolongationMotif,
      basculeMotif: contrat.basculeMotif,
      precedent: precedent ? { type: precedent.type, debut: precedent.debut } : null,
    },
    phases: contrat.phases.map((p) => ({
      type: p.type,
      debut: p.debut,
      fin: p.fin,
      objectifs: p.objectifs,
      bilan: p.bilan,
      bilanLe: p.bilanLe,
    })),
    editeLe: today,
  };
  const pdf = await renderRecapitulatifPdf(model);
  await db.transaction(async (tx) => {
    await writeAudit(
      tx,
      user,
      {
        action: "contrat.recapitulatif",
        targetType: "contrat",
        targetId: contrat.id,
        jeuneId,
        structureId: access.structureId,
        fields: ["nom", "prenoms", "dateNaissance", "contrat", "phases"],
        meta: { type: contrat.type, document: "recapitulatif" },
      },
      requestId,
    );
    await recordConsultation(tx, user, {
      jeuneId,
      structureId: access.structureId,
      onglet: "parcours",
      horsPortefeuille: access.kind === "break_glass",
    });
  });
  // No name in the file name: downloads folders and mail attachments are seen by others.
  return { kind: "ok", filename: `recapitulatif-${contrat.type.toLowerCase()}-${contrat.debut}.pdf`, pdf };
}
