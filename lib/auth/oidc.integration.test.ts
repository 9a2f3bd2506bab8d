import { Auth, type AuthConfig, skipCSRFCheck } from "@auth/core";
import { decode } from "@auth/core/jwt";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, ssoIdentities, structures, userSessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { authSecret } from "@/lib/crypto/keys";
import { useTestDatabase } from "@/test/db";
import { startLocalOidcProvider, type LocalOidcProvider } from "@/test/oidc-provider";
import { authConfig } from "./auth.config";
import { OIDC_PROVIDER_ID, completeSsoSignIn, oidcProvider, oidcSignIn, type OidcSettings } from "./oidc";

// Auth.js itself (@auth/core, what next-auth runs) against a real provider: no mock on either side.
const APP = "http://127.0.0.1:4399";
const CLIENT = { clientId: "sillage-test", clientSecret: "sillage-test-secret" };
const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const SESSION_COOKIE = "authjs.session-token";

/** Cookies of one origin, as a browser keeps them. */
class CookieJar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

describe("single sign-on against a local OpenID Connect provider", () => {
  const t = useTestDatabase();
  let op: LocalOidcProvider;
  let settings: OidcSettings;
  let config: AuthConfig;

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
    op = await startLocalOidcProvider({ ...CLIENT, redirectUris: [`${APP}/api/auth/callback/${OIDC_PROVIDER_ID}`], faults: true });
    settings = { issuer: op.issuer, ...CLIENT, name: "ProConnect", scope: "openid email given_name usual_name" };
    config = {
      ...authConfig,
      trustHost: true,
      basePath: "/api/auth",
      providers: [oidcProvider(settings)],
      callbacks: {
        ...authConfig.callbacks,
        signIn: (params) => (params.account?.provider === OIDC_PROVIDER_ID ? oidcSignIn(t.db, params, settings.issuer, USER_AGENT) : true),
      },
    };
  });
  afterAll(async () => {
    await op?.close();
  });

  /** The whole dance: the sign-in button, the provider's page, its redirects, then Auth.js's callback. */
  async function signInThrough(email: string, { mfa = false } = {}) {
    const app = new CookieJar();
    const idp = new CookieJar();
    const start = await Auth(
      new Request(`${APP}/api/auth/signin/${OIDC_PROVIDER_ID}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ callbackUrl: "/" }),
      }),
      { ...config, skipCSRFCheck },
    );
    app.take(start);
    let location = start.headers.get("location") ?? "";
    const authorize = new URL(location);
    expect(JSON.parse(authorize.searchParams.get("claims") ?? "")).toEqual({ id_token: { amr: { essential: true } } });
    expect(authorize.origin).toBe(op.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("state")).toBeTruthy();

    // The provider's own pages, followed like a browser (cookies of its origin only).
    for (let hops = 0; location.startsWith(op.issuer) && hops < 10; hops++) {
      const interaction = /\/interaction\/([\w-]+)$/.exec(new URL(location).pathname);
      const response = interaction
        ? await fetch(`${op.issuer}/interaction/${interaction[1]}/login`, {
            method: "POST",
            redirect: "manual",
            headers: { cookie: idp.header(), "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ email, ...(mfa ? { mfa: "1" } : {}) }),
          })
        : await fetch(location, { redirect: "manual", headers: { cookie: idp.header() } });
      idp.take(response);
      location = new URL(response.headers.get("location") ?? "", location).toString();
    }
    expect(location.startsWith(`${APP}/api/auth/callback/${OIDC_PROVIDER_ID}?`)).toBe(true);

    const done = await Auth(new Request(location, { headers: { cookie: app.header(), "user-agent": USER_AGENT } }), config);
    app.take(done);
    const token = app.cookies.get(SESSION_COOKIE);
    const claims = token ? await decode({ token, secret: authSecret(), salt: SESSION_COOKIE }) : null;
    return { location: done.headers.get("location") ?? "", claims };
  }

  const account = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0]!;
  const sessionsOf = (userId: string) => t.db.select().from(userSessions).where(eq(userSessions.userId, userId));

  it("a staff address signs in: identity linked, session recorded with acr/amr, the cookie carries the Sillage account", async () => {
    const camille = await account("conseillere.lyon@sillage.demo");
    const { location, claims } = await signInThrough("Conseillere.Lyon@sillage.demo", { mfa: true });
    expect(location).toBe(`${APP}/`);
    expect(claims).toMatchObject({ uid: camille.id, sub: camille.id, role: "conseiller", sv: camille.sessionVersion });

    const [session] = await t.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.id, String(claims?.sid)));
    expect(session).toMatchObject({
      userId: camille.id,
      method: "oidc",
      acr: "eidas1",
      amr: ["pwd", "otp", "mfa"],
      device: "Firefox sur Linux",
    });
    expect(session?.mfaAt).toBeInstanceOf(Date);
    const identities = await t.db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, camille.id));
    expect(identities).toHaveLength(1);
    expect(identities[0]).toMatchObject({ issuer: op.issuer });
    expect(identities[0]?.subject).toMatch(/^sub-/);
    expect((await account(camille.email)).lastLoginAt).toBeInstanceOf(Date);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.actorId, camille.id));
    expect(audit.map((a) => [a.action, a.meta])).toEqual(
      expect.arrayContaining([
        ["auth.sso_link", { method: "oidc" }],
        ["auth.sign_in", { method: "oidc" }],
      ]),
    );
    // Nothing personal in the audit entries.
    expect(JSON.stringify(audit)).not.toContain("conseillere.lyon");

    // The second sign-in goes by the linked identity; without a second factor the session is not MFA-checked.
    const again = await signInThrough("conseillere.lyon@sillage.demo");
    expect(again.claims?.uid).toBe(camille.id);
    const [second] = await t.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.id, String(again.claims?.sid)));
    expect(second).toMatchObject({ method: "oidc", amr: ["pwd"], mfaAt: null });
    expect(await t.db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, camille.id))).toHaveLength(1);
    const links = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, camille.id), eq(auditLog.action, "auth.sso_link")));
    expect(links).toHaveLength(1);
  });

  it("an unknown address is refused with its own code, and nothing is written", async () => {
    const before = (await t.db.select().from(userSessions)).length;
    const { location, claims } = await signInThrough("personne.inconnue@exemple.fr");
    expect(location).toBe(`${APP}/connexion?erreur=sso_inconnu`);
    expect(claims).toBeNull();
    expect(await t.db.select().from(userSessions)).toHaveLength(before);
  });

  it("a young person's address is refused as unknown: single sign-on is for staff", async () => {
    const [jeune] = await t.db.select().from(users).where(eq(users.role, "jeune")).limit(1);
    const { location } = await signInThrough(jeune!.email);
    expect(location).toBe(`${APP}/connexion?erreur=sso_inconnu`);
    expect(await sessionsOf(jeune!.id)).toHaveLength(0);
  });

  it("a deactivated account is refused, whether linked already or not", async () => {
    const julien = await account("conseiller.lyon@sillage.demo");
    await t.db.update(users).set({ active: false }).where(eq(users.id, julien.id));
    expect((await signInThrough(julien.email)).location).toBe(`${APP}/connexion?erreur=sso_desactive`);
    expect(await t.db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, julien.id))).toHaveLength(0);

    // Linked while active, then deactivated: the link does not open the door.
    await t.db.update(users).set({ active: true }).where(eq(users.id, julien.id));
    expect((await signInThrough(julien.email)).claims?.uid).toBe(julien.id);
    await t.db.update(users).set({ active: false }).where(eq(users.id, julien.id));
    const refused = await signInThrough(julien.email);
    expect(refused.location).toBe(`${APP}/connexion?erreur=sso_desactive`);
    expect(refused.claims).toBeNull();
    await t.db.update(users).set({ active: true }).where(eq(users.id, julien.id));
  });

  it("the first sign-in of an invited account links it and uses up its invitation", async () => {
    const [lyon] = await t.db.select().from(structures).limit(1);
    const [invited] = await t.db
      .insert(users)
      .values({ email: "nouvelle.recrue@sillage.demo", name: "Nouvelle Recrue", role: "conseiller", structureId: lyon!.id })
      .returning();
    await t.db
      .insert(invitations)
      .values({ userId: invited!.id, tokenHash: "hash-of-a-token", expiresAt: new Date(Date.now() + 3_600_000) });

    const { location, claims } = await signInThrough("nouvelle.recrue@sillage.demo");
    expect(location).toBe(`${APP}/`);
    expect(claims?.uid).toBe(invited!.id);
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.userId, invited!.id));
    expect(invitation?.usedAt).toBeInstanceOf(Date);
    expect(await t.db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, invited!.id))).toHaveLength(1);
  });

  it("a provider out of service sends back to the sign-in page, never an exception", async () => {
    await fetch(`${op.issuer}/__faults`, { method: "POST", body: new URLSearchParams({ down: "1" }) });
    try {
      const response = await Auth(
        new Request(`${APP}/api/auth/signin/${OIDC_PROVIDER_ID}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ callbackUrl: "/" }),
        }),
        { ...config, skipCSRFCheck, logger: { error() {} } },
      );
      expect(response.headers.get("location")).toBe(`${APP}/connexion?error=Configuration`);
    } finally {
      await fetch(`${op.issuer}/__faults`, { method: "POST", body: new URLSearchParams({ down: "0" }) });
    }
  });
});

describe("account resolution", () => {
  const t = useTestDatabase();
  const ISSUER = "https://idp.exemple.fr";
  const base = { issuer: ISSUER, acr: "eidas1", amr: ["pwd"], userAgent: null, emailVerified: true };

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
  });

  it("an address the provider says is not verified is not linked", async () => {
    const result = await completeSsoSignIn(t.db, { ...base, subject: "s-1", email: "dpo.lyon@sillage.demo", emailVerified: false });
    expect(result).toEqual({ ok: false, reason: "sso_inconnu" });
    expect(await t.db.select().from(ssoIdentities)).toHaveLength(0);
  });

  it("a linked identity finds its account even after the address changed at the provider", async () => {
    const first = await completeSsoSignIn(t.db, { ...base, subject: "s-2", email: "dpo.lyon@sillage.demo" });
    expect(first.ok).toBe(true);
    const later = await completeSsoSignIn(t.db, { ...base, subject: "s-2", email: "autre.adresse@exemple.fr" });
    expect(later.ok && later.user.email).toBe("dpo.lyon@sillage.demo");
  });

  it("a second identity of the same provider is not linked to an account that has one", async () => {
    const result = await completeSsoSignIn(t.db, { ...base, subject: "s-3", email: "dpo.lyon@sillage.demo" });
    expect(result).toEqual({ ok: false, reason: "sso_inconnu" });
    expect(await t.db.select().from(ssoIdentities).where(eq(ssoIdentities.subject, "s-3"))).toHaveLength(0);
  });

  it("ProConnect's eIDAS substantial level counts as a second factor", async () => {
    const result = await completeSsoSignIn(t.db, { ...base, subject: "s-4", email: "admin@sillage.demo", acr: "eidas2", amr: null });
    if (!result.ok) throw new Error(result.reason);
    const [session] = await t.db.select().from(userSessions).where(eq(userSessions.id, result.user.sessionId));
    expect(session).toMatchObject({ method: "oidc", acr: "eidas2", amr: null });
    expect(session?.mfaAt).toBeInstanceOf(Date);
  });
});
