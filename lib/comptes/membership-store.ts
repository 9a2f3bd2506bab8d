import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, userSessions } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import type { RevokeReason } from "@/lib/auth/sessions";
import { needsStructure } from "./rules";

/**
 * Keeps memberships true after a role change: every membership takes the new role, an admin (who belongs to
 * no structure) keeps none, and the home structure always has one.
 */
export async function syncMembershipRoles(
  tx: Tx,
  account: { id: string; structureId: string | null },
  role: Role,
  grantedBy: string,
): Promise<void> {
  if (!needsStructure(role) || !account.structureId) {
    await tx.delete(memberships).where(eq(memberships.userId, account.id));
    return;
  }
  await tx.update(memberships).set({ role }).where(eq(memberships.userId, account.id));
  await tx
    .insert(memberships)
    .values({ userId: account.id, structureId: account.structureId, role, createdBy: grantedBy })
    .onConflictDoNothing();
}

/**
 * The home membership follows a move to another structure. When the account was already a member of the
 * structure it moves to, that membership becomes the home one and the old home membership goes.
 */
export async function moveHomeMembership(
  tx: Tx,
  account: { id: string; role: Role; from: string | null; to: string },
  grantedBy: string,
): Promise<void> {
  if (account.from) {
    await tx.delete(memberships).where(and(eq(memberships.userId, account.id), eq(memberships.structureId, account.from)));
  }
  await tx
    .insert(memberships)
    .values({ userId: account.id, structureId: account.to, role: account.role, createdBy: grantedBy })
    .onConflictDoNothing();
}

/** Ends the open sessions of an account that work in a structure it no longer belongs to; says how many. */
export async function revokeSessionsIn(
  tx: Tx,
  userId: string,
  structureId: string,
  reason: RevokeReason = "revoked",
  now = new Date(),
): Promise<number> {
  const rows = await tx
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), eq(userSessions.structureId, structureId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length;
}
