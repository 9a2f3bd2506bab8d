import "server-only";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertMayManage } from "@/lib/comptes/rules";
import { isDomainError } from "@/lib/errors/domain-error";
import { type SessionView, toSessionView } from "./labels";
import { type OpenSession, openSessionsOf } from "./store";

export interface SessionRow extends OpenSession {
  /** The browser this page is shown in. */
  current: boolean;
}

/** The caller's own open sessions, this browser's marked (and listed first). */
export async function listOwnSessions(user: SessionUser, now = new Date()): Promise<SessionRow[]> {
  const rows = await openSessionsOf(await getDb(), user, now);
  return rows.map((r) => ({ ...r, current: r.id === user.sessionId })).sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * The open sessions of an account the caller manages (lib/comptes/rules.ts: the admin any staff account,
 * a director their structure's counsellors); null when the caller may not act on it.
 */
export async function listAccountSessions(user: SessionUser, compteId: string, now = new Date()): Promise<OpenSession[] | null> {
  if (!z.uuid().safeParse(compteId).success) return null;
  const db = await getDb();
  const [account] = await db
    .select({ id: users.id, role: users.role, structureId: users.structureId })
    .from(users)
    .where(eq(users.id, compteId));
  if (!account) return null;
  try {
    assertMayManage(user, account);
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
  return openSessionsOf(db, account, now);
}

/** The caller's own sessions, worded for the page (shared by /compte and /mon-espace/connexions). */
export async function ownSessionsView(user: SessionUser, now = new Date()): Promise<SessionView[]> {
  return (await listOwnSessions(user, now)).map((r) => toSessionView(r, now));
}

/** An account's open sessions, worded for its page; null when the caller may not act on it. */
export async function accountSessionsView(user: SessionUser, compteId: string, now = new Date()): Promise<SessionView[] | null> {
  const rows = await listAccountSessions(user, compteId, now);
  return rows ? rows.map((r) => toSessionView(r, now)) : null;
}
