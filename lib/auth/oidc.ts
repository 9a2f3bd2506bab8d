import { and, eq, isNull } from "drizzle-orm";
import type { Account, Profile, User as AuthUser } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import type { OIDCConfig } from "next-auth/providers";
import type { Db, DbOrTx } from "@/db/client";
import { invitations, ssoIdentities, userSessions, users, type User } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { env } from "@/lib/env";
import { normalizeEmail } from "./credentials";
import { openSession } from "./sessions";

/** The Auth.js provider id: the redirect URI to register at the identity provider is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** ProConnect's scopes for a name and an address (its id token carries only sub, acr, amr). */
export const DEFAULT_OIDC_SCOPE = "openid email given_name usual_name";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the sign-in button. */
  name: string;
  scope: string;
}

/** The single sign-on configuration, or null when one of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET is missing. */
export function oidcSettings(
  source: Readonly<Partial<Record<"OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_NAME" | "OIDC_SCOPE", string>>> = env(),
): OidcSettings | null {
  const issuer = source.OIDC_ISSUER?.trim();
  const clientId = source.OIDC_CLIENT_ID?.trim();
  const clientSecret = source.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    name: source.OIDC_NAME?.trim() || "ProConnect",
    scope: source.OIDC_SCOPE?.trim() || DEFAULT_OIDC_SCOPE,
  };
}

/** What the UserInfo endpoint says about the person. */
export interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  usual_name?: string;
}

/**
 * Authorization code + PKCE, with state and nonce. The identity comes from the UserInfo response (ProConnect
 * answers it as a JWT, which oauth4webapi reads); acr and amr are read from the id token (see idTokenClaims).
 * ProConnect returns amr only when asked for it with the claims parameter.
 */
export function oidcProvider(settings: OidcSettings): OIDCConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    authorization: {
      // Auth.js serialises `claims` itself.
      params: { scope: settings.scope, claims: { id_token: { amr: { essential: true } } } },
    },
  };
}

export interface IdTokenClaims {
  iss: string | null;
  acr: string | null;
  amr: string[] | null;
}

/**
 * The claims of an id token that oauth4webapi has already validated (signature, issuer, audience, nonce)
 * before Auth.js hands the account to the callbacks: decoding is all that is left.
 */
export function idTokenClaims(idToken: unknown): IdTokenClaims {
  const empty = { iss: null, acr: null, amr: null };
  if (typeof idToken !== "string") return empty;
  const payload = idToken.split(".")[1];
  if (!payload) return empty;
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return empty;
  }
  const text = (v: unknown) => (typeof v === "string" && v.length > 0 && v.length <= 512 ? v : null);
  const amr = Array.isArray(claims.amr)
    ? claims.amr
        .map(text)
        .filter((v): v is string => v !== null)
        .slice(0, 16)
    : null;
  return { iss: text(claims.iss), acr: text(claims.acr), amr };
}

/** RFC 8176 methods that prove a second factor, and ProConnect's eIDAS substantial and high levels. */
const STRONG_AMR = new Set(["mfa", "otp", "hwk", "pop"]);
const STRONG_ACR = new Set(["eidas2", "eidas3"]);

/** Whether the identity provider asserts a second factor: the session then counts as MFA-checked. */
export function strongAuthentication(acr: string | null, amr: readonly string[] | null): boolean {
  return (acr !== null && STRONG_ACR.has(acr)) || (amr ?? []).some((m) => STRONG_AMR.has(m));
}

export type SsoRefusal = "sso_inconnu" | "sso_desactive";

export interface SsoAssertion {
  issuer: string;
  subject: string;
  email: string | null;
  /** false only when the provider says so; ProConnect addresses are verified and do not always say it. */
  emailVerified: boolean;
  acr: string | null;
  amr: string[] | null;
  userAgent: string | null;
}

export type SsoResolution = { ok: true; user: User; link: boolean } | { ok: false; reason: SsoRefusal };

/**
 * The Sillage account an identity stands for: the one already linked to (issuer, subject), else the active
 * staff account with this verified address, to be linked. A young person's account never signs in this way.
 */
export async function resolveSsoAccount(
  db: DbOrTx,
  assertion: Pick<SsoAssertion, "issuer" | "subject" | "email" | "emailVerified">,
): Promise<SsoResolution> {
  const [linked] = await db
    .select({ user: users })
    .from(ssoIdentities)
    .innerJoin(users, eq(users.id, ssoIdentities.userId))
    .where(and(eq(ssoIdentities.issuer, assertion.issuer), eq(ssoIdentities.subject, assertion.subject)));
  if (linked) {
    if (!linked.user.active || linked.user.role === "jeune") return { ok: false, reason: "sso_desactive" };
    return { ok: true, user: linked.user, link: false };
  }
  if (!assertion.email || !assertion.emailVerified) return { ok: false, reason: "sso_inconnu" };
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(assertion.email)));
  if (!user || user.role === "jeune") return { ok: false, reason: "sso_inconnu" };
  if (!user.active) return { ok: false, reason: "sso_desactive" };
  return { ok: true, user, link: true };
}

/** What the jwt callback puts in the cookie for a Sillage account. */
export interface SsoSignedIn {
  id: string;
  name: string;
  email: string;
  role: User["role"];
  sessionVersion: number;
  sessionId: string;
}

/**
 * Signs an identity in, in one transaction: links it on the first sign-in (an invited account's pending
 * invitation is then used up), opens the session row with acr/amr (MFA-checked when the provider asserts a
 * second factor), and writes the audit entries. A refusal writes nothing.
 */
export async function completeSsoSignIn(
  db: Db,
  assertion: SsoAssertion,
  now: Date = new Date(),
): Promise<{ ok: true; user: SsoSignedIn } | { ok: false; reason: SsoRefusal }> {
  return db.transaction(async (tx) => {
    const resolution = await resolveSsoAccount(tx, assertion);
    if (!resolution.ok) return resolution;
    const { user } = resolution;
    const actor = { id: user.id, role: user.role, structureId: user.structureId };
    if (resolution.link) {
      // The unique (user, issuer) index refuses a second identity of the same provider for one account.
      const inserted = await tx
        .insert(ssoIdentities)
        .values({ issuer: assertion.issuer, subject: assertion.subject, userId: user.id, linkedAt: now, lastUsedAt: now })
        .onConflictDoNothing()
        .returning({ userId: ssoIdentities.userId });
      if (inserted.length === 0) return { ok: false as const, reason: "sso_inconnu" as const };
      await tx
        .update(invitations)
        .set({ usedAt: now })
        .where(and(eq(invitations.userId, user.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
      await writeAudit(tx, actor, { action: "auth.sso_link", targetType: "user", targetId: user.id, meta: { method: "oidc" } });
    } else {
      await tx
        .update(ssoIdentities)
        .set({ lastUsedAt: now })
        .where(and(eq(ssoIdentities.issuer, assertion.issuer), eq(ssoIdentities.subject, assertion.subject)));
    }
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    const sessionId = await openSession(tx, {
      userId: user.id,
      role: user.role,
      method: "oidc",
      userAgent: assertion.userAgent,
      acr: assertion.acr,
      amr: assertion.amr,
      now,
    });
    if (strongAuthentication(assertion.acr, assertion.amr)) {
      await tx.update(userSessions).set({ mfaAt: now }).where(eq(userSessions.id, sessionId));
    }
    await writeAudit(tx, actor, { action: "auth.sign_in", targetType: "user", targetId: user.id, meta: { method: "oidc" } });
    return {
      ok: true as const,
      user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sessionId },
    };
  });
}

/**
 * The signIn callback for the single sign-on provider: true lets Auth.js go on with the Sillage account now
 * on `user` (its id, role, session version and session row, not the provider's subject), a path refuses.
 */
export async function oidcSignIn(
  db: Db,
  params: { user: AuthUser | AdapterUser; account?: Account | null; profile?: Profile },
  fallbackIssuer: string,
  userAgent: string | null,
): Promise<true | string> {
  const { account, profile } = params;
  if (!account) return "/connexion?erreur=sso_inconnu";
  const claims = idTokenClaims(account.id_token);
  const email = typeof profile?.email === "string" ? profile.email : null;
  const result = await completeSsoSignIn(db, {
    issuer: claims.iss ?? fallbackIssuer,
    subject: account.providerAccountId,
    email,
    emailVerified: profile?.email_verified !== false,
    acr: claims.acr,
    amr: claims.amr,
    userAgent,
  });
  if (!result.ok) return `/connexion?erreur=${result.reason}`;
  Object.assign(params.user, result.user);
  return true;
}
