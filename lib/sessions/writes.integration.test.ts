import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, isNull } from "drizzle-orm";
import { auditLog, userSessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { loadSession } from "@/lib/auth/session-account";
import { openSession, SESSION_LIMITS } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/session-user";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listAccountSessions, listOwnSessions } from "./queries";
import { SESSION_NOT_FOUND } from "./schema";
import { closeOtherSessions, revokeAccountSessions, revokeOwnSession, signOutEverywhere } from "./writes";

const CAMILLE = "conseillere.lyon@sillage.demo";
const JULIEN = "conseiller.lyon@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";

describe("closing sessions", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
  });

  /** A signed-in browser of the account: the SessionUser its requests carry, and the cookie's claims. */
  async function browser(email: string, userAgent = "Mozilla/5.0 (Windows NT 10.0) Chrome/140.0") {
    const base = await sessionUserFor(t.db, email);
    const [row] = await t.db.select().from(users).where(eq(users.email, email));
    const sessionId = await openSession(t.db, { userId: base.id, role: base.role, method: "password", userAgent });
    const user: SessionUser = { ...base, sessionId };
    const claims = { id: base.id, role: base.role, sessionVersion: row!.sessionVersion, sessionId };
    return { user, sessionId, alive: async () => (await loadSession(t.db, claims)) !== null };
  }

  const auditCount = async (action: string) =>
    (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]?.n ?? 0;

  it("lists one's own open sessions, this browser's marked and first; closes another one of them", async () => {
    const here = await browser(CAMILLE);
    const phone = await browser(CAMILLE, "Mozilla/5.0 (Linux; Android 14) Chrome/140.0 Mobile Safari/537.36");
    const rows = await listOwnSessions(here.user);
    expect(rows[0]).toMatchObject({ id: here.sessionId, current: true, device: "Chrome sur Windows", method: "password" });
    expect(rows.find((r) => r.id === phone.sessionId)).toMatchObject({ current: false, device: "Chrome sur Android" });

    const before = await auditCount("auth.session_revocation");
    const result = await runAction(revokeOwnSession, { sessionId: phone.sessionId }, here.user);
    expect(result).toEqual({ ok: true, data: { closed: 1, current: false } });
    expect(await phone.alive()).toBe(false);
    expect(await here.alive()).toBe(true);
    expect((await listOwnSessions(here.user)).map((r) => r.id)).not.toContain(phone.sessionId);
    expect(await auditCount("auth.session_revocation")).toBe(before + 1);
  });

  it("another account's session is not found, and nothing is written", async () => {
    const mine = await browser(CAMILLE);
    const theirs = await browser(JULIEN);
    const before = await auditCount("auth.session_revocation");
    const result = await runAction(revokeOwnSession, { sessionId: theirs.sessionId }, mine.user);
    expect(result).toMatchObject({ ok: false, code: "not_found", message: SESSION_NOT_FOUND });
    expect(await theirs.alive()).toBe(true);
    expect(await auditCount("auth.session_revocation")).toBe(before);
    // A malformed id is a field error, not a database error.
    expect(await runAction(revokeOwnSession, { sessionId: "1 or 1=1" }, mine.user)).toMatchObject({ ok: false, code: "invalid_input" });
    // Closing the same session twice: the second is not found.
    const spare = await browser(CAMILLE);
    expect((await runAction(revokeOwnSession, { sessionId: spare.sessionId }, mine.user)).ok).toBe(true);
    expect(await runAction(revokeOwnSession, { sessionId: spare.sessionId }, mine.user)).toMatchObject({ code: "not_found" });
  });

  it("closing the other sessions keeps this one; signing out everywhere ends them all, a replayed cookie included", async () => {
    const here = await browser(JULIEN);
    const other = await browser(JULIEN);
    const closed = await runAction(closeOtherSessions, {}, here.user);
    expect(closed.ok && closed.data.closed).toBeGreaterThanOrEqual(1);
    expect(await other.alive()).toBe(false);
    expect(await here.alive()).toBe(true);

    const third = await browser(JULIEN);
    const everywhere = await runAction(signOutEverywhere, {}, here.user);
    expect(everywhere).toEqual({ ok: true, data: { closed: 2 } });
    expect(await here.alive()).toBe(false);
    expect(await third.alive()).toBe(false);
    const open = await t.db
      .select({ n: count() })
      .from(userSessions)
      .where(and(eq(userSessions.userId, here.user.id), isNull(userSessions.revokedAt)));
    expect(open[0]?.n).toBe(0);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_out_everywhere"));
    expect(entry).toMatchObject({ actorId: here.user.id, targetId: here.user.id, meta: { sessions: 2 } });
  });

  it("a young person closes their own sessions too; an idle one is no longer listed", async () => {
    const [jeune] = await t.db.select().from(users).where(eq(users.role, "jeune")).limit(1);
    const here = await browser(jeune!.email);
    const old = await openSession(t.db, {
      userId: jeune!.id,
      role: "jeune",
      method: "code",
      now: new Date(Date.now() - SESSION_LIMITS.jeune.idleMs - 60_000),
    });
    const other = await browser(jeune!.email);
    const ids = (await listOwnSessions(here.user)).map((r) => r.id);
    expect(ids).toContain(other.sessionId);
    expect(ids).not.toContain(old);
    expect((await runAction(closeOtherSessions, {}, here.user)).ok).toBe(true);
    expect(await other.alive()).toBe(false);
    expect(await here.alive()).toBe(true);
  });

  describe("an account's sessions, closed by whoever manages it", () => {
    it("the admin closes any staff account's; the director their counsellors'", async () => {
      const admin = await sessionUserFor(t.db, "admin@sillage.demo");
      const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
      const julien = await browser(JULIEN);
      const camille = await browser(CAMILLE);
      expect((await listAccountSessions(nadia, julien.user.id))?.map((r) => r.id)).toContain(julien.sessionId);

      const result = await runAction(revokeAccountSessions, { compteId: julien.user.id }, nadia);
      expect(result.ok && result.data.closed).toBeGreaterThanOrEqual(1);
      expect(await julien.alive()).toBe(false);
      expect(await listAccountSessions(nadia, julien.user.id)).toEqual([]);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.account_sessions_revocation"));
      expect(entry).toMatchObject({ actorId: nadia.id, targetId: julien.user.id, structureId: julien.user.structureId });

      expect((await runAction(revokeAccountSessions, { compteId: camille.user.id }, admin)).ok).toBe(true);
      expect(await camille.alive()).toBe(false);
    });

    it("another structure's account is not found, a role one does not manage is refused, nothing is written", async () => {
      const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
      const ines = await browser(INES);
      const dpo = await browser("dpo.lyon@sillage.demo");
      const camille = await sessionUserFor(t.db, CAMILLE);
      const before = await auditCount("auth.account_sessions_revocation");

      expect(await runAction(revokeAccountSessions, { compteId: ines.user.id }, nadia)).toMatchObject({ ok: false, code: "not_found" });
      expect(await runAction(revokeAccountSessions, { compteId: dpo.user.id }, nadia)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await runAction(revokeAccountSessions, { compteId: dpo.user.id }, camille)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await runAction(revokeAccountSessions, { compteId: nadia.id }, nadia)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await ines.alive()).toBe(true);
      expect(await dpo.alive()).toBe(true);
      expect(await auditCount("auth.account_sessions_revocation")).toBe(before);
      expect(await listAccountSessions(nadia, ines.user.id)).toBeNull();
      expect(await listAccountSessions(nadia, dpo.user.id)).toBeNull();
      expect(await listAccountSessions(nadia, "pas-un-id")).toBeNull();
    });
  });
});
