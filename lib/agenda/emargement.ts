import "server-only";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { writeAudit } from "@/lib/audit/write";
import { renderEmargementPdf } from "./emargement-pdf";
import { getSeanceDetail } from "./queries";

/**
 * The sign-in sheet of a séance of the caller's structure (agenda.read), audited as a download (which
 * séance, how many names: no names in the trail). null when the séance is missing or elsewhere.
 */
export async function emargementFor(user: SessionUser, seanceId: string, requestId?: string): Promise<Uint8Array | null> {
  if (!can(user.role, "agenda.read") || !user.structureId) return null;
  const detail = await getSeanceDetail(user, seanceId);
  if (!detail) return null;
  const generatedAt = new Date();
  const bytes = await renderEmargementPdf({
    structureName: detail.structureName ?? "Mission locale",
    seance: detail.seance,
    animateurName: detail.animateurName,
    participants: detail.participants.map((p) => ({ name: p.name, presence: p.presence })),
    generatedAt,
  });
  const db = await getDb();
  await writeAudit(
    db,
    user,
    {
      action: "agenda.emargement",
      targetType: "seance",
      targetId: detail.seance.id,
      structureId: detail.seance.structureId,
      fields: ["participants.nom", ...(detail.seance.clotureeLe ? ["participants.presence"] : [])],
      meta: { type: detail.seance.type, participants: detail.participants.length, cloturee: detail.seance.clotureeLe !== null },
    },
    requestId,
  );
  return bytes;
}
