import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userSessions } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { sessionLimits } from "@/lib/auth/sessions";

export interface OpenSession {
  id: string;
  device: string;
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/**
 * The sessions of an account that still carry requests: not revoked, not past their absolute end, not idle
 * longer than the role allows (the conditions of loadSession, lib/auth/session-account.ts). Most recent first.
 */
export async function openSessionsOf(db: DbOrTx, account: { id: string; role: Role }, now: Date): Promise<OpenSession[]> {
  const idleSince = new Date(now.getTime() - sessionLimits(account.role).idleMs);
  const rows = await db
    .select({
      id: userSessions.id,
      device: userSessions.device,
      method: userSessions.method,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, account.id),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, now),
        gt(userSessions.lastSeenAt, idleSince),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.id));
  return rows.map((r) => ({ ...r, device: r.device ?? "Navigateur inconnu" }));
}

/** How long an ended session row stays (the account's "last activity" and an investigation's trail), then goes. */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** Deletes the session rows that ended (revoked, or past their absolute end) more than 30 days ago. */
export async function purgeEndedSessions(db: DbOrTx, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ENDED_SESSION_RETENTION_MS);
  const rows = await db
    .delete(userSessions)
    .where(or(lt(userSessions.revokedAt, before), lt(userSessions.expiresAt, before)))
    .returning({ id: userSessions.id });
  return rows.length;
}
