import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { can, type Capability } from "./permissions";
import type { Role } from "./roles";
import { MFA_PATH } from "./mfa-gate";
import { type LoadedSession, loadSession, openSessionUser } from "./session-account";
import type { SessionUser } from "./session-user";
import { readSessionClaims } from "./session-token";

/**
 * The session of the cookie, reloaded from the database once per request, whether or not its second factor
 * is checked yet. Only the second-factor page and its actions (lib/mfa/actions.ts) use it directly.
 */
export const getPendingSession = cache(async (): Promise<LoadedSession | null> => {
  const claims = await sessionCookie();
  if (!claims?.sessionId) return null;
  return loadSession(await getDb(), claims);
});

/** The claims of the request's session cookie (decrypted, not yet checked against the database), once per request. */
const sessionCookie = cache(async () => readSessionClaims((await headers()).get("cookie")));

/**
 * The signed-in account, reloaded from the database once per request: a deactivated account, a changed
 * role or a bumped session version ends the session at once, whatever the cookie says. A session whose
 * second factor is still to check is nobody yet (null): no page, action or download opens for it.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => openSessionUser(await getPendingSession()));

export async function requireUser(): Promise<SessionUser> {
  const pending = await getPendingSession();
  const user = openSessionUser(pending);
  if (user) return user;
  if (pending) redirect(MFA_PATH);
  // A cookie that no longer matches a usable account must be cleared, else proxy.ts and this check loop.
  redirect((await sessionCookie()) ? "/session-expiree" : "/connexion");
}

/** For pages: signed in and allowed, else the French 403 page. */
export async function requireCapability(capability: Capability): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, capability)) forbidden();
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
