import type { Tx } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session-user";

/**
 * Called inside the transaction that records attendance: when the young person's unexcused absences not
 * yet covered by a sanction reach the threshold, a sanction is proposed under the ladder in force at the
 * date of the fact. Returns the id of the proposal created, if any.
 */
export async function proposeSanctionIfDue(_tx: Tx, _user: SessionUser, _input: { jeuneId: string; structureId: string }): Promise<string | null> {
  return null;
}
