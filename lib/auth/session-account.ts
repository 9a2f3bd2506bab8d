import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, structures, userMfa, userSessions, users } from "@/db/schema";
import { type MfaStep, mfaStep } from "./mfa-gate";
import type { Role } from "./roles";
import { sessionEnded, touchSession } from "./sessions";
import { toSessionUser, type SessionUser } from "./session-user";

/** What a session cookie claims about its account (lib/auth/auth.config.ts puts it in the JWT). */
export interface SessionClaims {
  id: string;
  role: Role;
  sessionVersion: number;
  /** The user_sessions row of this browser. */
  sessionId: string;
}

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
export async function loadSession(db: DbOrTx, claims: SessionClaims, now: Date = new Date()): Promise<LoadedSession | null> {
  const [row] = await db
    .select({ user: users, session: userSessions, mfaConfirmedAt: userMfa.confirmedAt })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(userMfa, eq(userMfa.userId, userSessions.userId))
    .where(and(eq(userSessions.id, claims.sessionId), eq(userSessions.userId, claims.id)));
  if (!row?.user.active) return null;
  if (row.user.sessionVersion !== claims.sessionVersion || row.user.role !== claims.role) return null;
  if (sessionEnded(row.session, row.user.role, now)) return null;

  let structureId = row.user.structureId;
  if (row.session.structureId && row.session.structureId !== structureId) {
    const [member] = await db
      .select({ structureId: memberships.structureId })
      .from(memberships)
      .where(and(eq(memberships.userId, row.user.id), eq(memberships.structureId, row.session.structureId)));
    if (member) structureId = member.structureId;
  }
  const [structure] = structureId
    ? await db.select({ name: structures.name, mfaRequired: structures.mfaRequired }).from(structures).where(eq(structures.id, structureId))
    : [];
  await touchSession(db, row.session.id, now);
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
