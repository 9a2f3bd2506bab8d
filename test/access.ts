import type { DbOrTx } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { decideDossierAccess } from "@/lib/dossier/gate";

/** The gate's verdict on a file for a page, as a kind: "portfolio", "break_glass", "reason_required", "not_found"… */
export async function accessKind(db: DbOrTx, user: SessionUser, jeuneId: string, today?: CivilDate, now?: Date) {
  const result = await decideDossierAccess(db, user, jeuneId, "page", { onglet: "identite", states: ["archive", "anonymise"], today, now });
  return result.ok ? { kind: result.dossier.ground } : { kind: result.refusal };
}
