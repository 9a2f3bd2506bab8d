import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, structures, userMfa, userSessions, users } from "@/db/schema";
import { type MfaStep, mfaStep } from "./mfa-gate";
import { sessionEnded, touchDue, touchSession } from "./sessions";
import { toSessionUser, type SessionUser } from "./session-user";

import type { SessionClaims } from "./session-token";

export type { SessionClaims };

export interface LoadedSession {
  user: SessionUser;
  session: { id: string; method: string; mfaAt: Date | null; acr: string | null; amr: string[] | null };
  /** Where the session stands with the second factor (lib/auth/mfa-gate.ts): only "open" reaches the app. */
  mfa: { step: MfaStep; enrolled: boolean };
}

/**
 * The account a session stands for, reloaded from the database: null when it was deactivated, its role
 * changed, its session version bumped, or this browser's session row revoked, expired or idle too long.
 * The structure is the session's working structure when the account is a member of it, else its own.
 */
function sessionQuery(db: DbOrTx) {
  return db
    .select({
      user: users,
      session: userSessions,
      mfaConfirmedAt: userMfa.confirmedAt,
      memberStructureId: memberships.structureId,
      structureName: structures.name,
      structureMfaRequired: structures.mfaRequired,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(userMfa, eq(userMfa.userId, userSessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, userSessions.userId), eq(memberships.structureId, userSessions.structureId)))
    .leftJoin(structures, eq(structures.id, sql`coalesce(${memberships.structureId}, ${users.structureId})`))
    .where(and(eq(userSessions.id, sql.placeholder("sessionId")), eq(userSessions.userId, sql.placeholder("userId"))))
    .limit(1)
    .prepare("session_load");
}

/**
 * The session query, built and named once per database handle: every request runs it, and its five
 * joins cost more to build and to plan than to run.
 */
const preparedSessionQueries = new WeakMap<DbOrTx, ReturnType<typeof sessionQuery>>();

export async function loadSession(db: DbOrTx, claims: SessionClaims, now: Date = new Date()): Promise<LoadedSession | null> {
  // One round trip: the account, its second factor, the membership of the session's working structure and
  // that structure come in one joined select; the touch below is sent only when it would write.
  let query = preparedSessionQueries.get(db);
  if (!query) {
    query = sessionQuery(db);
    preparedSessionQueries.set(db, query);
  }
  const [row] = await query.execute({ sessionId: claims.sessionId, userId: claims.id });
  if (!row?.user.active) return null;
  if (row.user.sessionVersion !== claims.sessionVersion || row.user.role !== claims.role) return null;
  if (sessionEnded(row.session, row.user.role, now)) return null;

  const structureId = row.memberStructureId ?? row.user.structureId;
  const structure =
    structureId && row.structureName !== null ? { name: row.structureName, mfaRequired: row.structureMfaRequired ?? false } : undefined;
  if (touchDue(row.session.lastSeenAt, now)) await touchSession(db, row.session.id, now);
  const { id, method, mfaAt, acr, amr } = row.session;
  const enrolled = Boolean(row.mfaConfirmedAt);
  return {
    user: { ...toSessionUser(row.user, structure?.name ?? null, id), structureId },
    session: { id, method, mfaAt, acr, amr },
    mfa: { step: mfaStep({ role: row.user.role, structureMfaRequired: structure?.mfaRequired ?? false, enrolled, mfaAt }), enrolled },
  };
}

/** The SessionUser of a session, or null (see loadSession) — also while its second factor is still to check. */
export async function loadSessionAccount(db: DbOrTx, claims: SessionClaims, now?: Date): Promise<SessionUser | null> {
  return openSessionUser(await loadSession(db, claims, now));
}

/** A loaded session's account once nothing is left to check, else null (a pending second factor). */
export function openSessionUser(loaded: LoadedSession | null): SessionUser | null {
  return loaded?.mfa.step === "open" ? loaded.user : null;
}
