import { and, count, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { jeunes, users } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { COMPTE_NOT_FOUND, LAST_ADMIN_REFUSED } from "./rules";

export const STALE_COMPTE = "Ce compte a été modifié pendant que vous le consultiez : rechargez la page. Rien n'a été enregistré.";

/** The account, locked for the rest of the transaction, and checked against the version the form was loaded with. */
export async function lockAccount(tx: Tx, id: string, version: number) {
  const [row] = await tx
    .select({
      id: users.id,
      role: users.role,
      structureId: users.structureId,
      antenneId: users.antenneId,
      active: users.active,
      anonymisedAt: users.anonymisedAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  if (!row) throw new DomainError("not_found", { message: COMPTE_NOT_FOUND });
  return { ...row, matches: row.updatedAt.getTime() === version };
}

/** Refuses a stale form; called once the caller is known to be allowed, so a refusal reveals nothing. */
export function assertFresh(row: { matches: boolean }): void {
  if (!row.matches) throw new DomainError("conflict", { message: STALE_COMPTE });
}

/**
 * The platform keeps one active admin at least: the other active admins are locked, so two admins demoting
 * each other at the same time cannot both succeed.
 */
export async function assertNotLastAdmin(tx: Tx, target: { id: string; role: string; active: boolean }): Promise<void> {
  if (target.role !== "admin" || !target.active) return;
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, target.id)))
    .for("update");
  if (others.length === 0) throw new DomainError("conflict", { message: LAST_ADMIN_REFUSED });
}

/** The account's titular young people whose file is active (jeunes.conseiller_id). */
export async function titularActiveCount(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(jeunes)
    .where(and(eq(jeunes.conseillerId, userId), eq(jeunes.statut, "actif")));
  return row?.n ?? 0;
}
