import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { auditLog, mfaRecoveryCodes, rateLimits, structures, userMfa, userSessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { RATE_LIMITS } from "@/lib/auth/rate-limit";
import { loadSession, loadSessionAccount } from "@/lib/auth/session-account";
import type { SessionUser } from "@/lib/auth/session-user";
import { openSession } from "@/lib/auth/sessions";
import { openSecret } from "@/lib/crypto/secret-box";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { runCodeAttempt } from "./attempt";
import { offerEnrolment } from "./enrolment";
import { MFA_MESSAGES } from "./store";
import { decodeTotpKey, totpCode, totpStep } from "./totp";
import { confirmMfaEnrolment, MFA_RESET_SELF, regenerateRecoveryCodes, resetMfa, useRecoveryCode, verifyMfaCode } from "./writes";

const DPO = "dpo.lyon@sillage.demo";
const ADMIN = "admin@sillage.demo";

describe("TOTP second factor", () => {
  const t = useTestDatabase();

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
  });

  /** A fresh browser session of the account, as the cookie would name it. */
  async function signedIn(email: string): Promise<{ user: SessionUser; claims: Parameters<typeof loadSession>[1] }> {
    const account = await sessionUserFor(t.db, email);
    const [row] = await t.db.select().from(users).where(eq(users.email, email));
    const sessionId = await openSession(t.db, { userId: account.id, role: account.role, method: "password" });
    return {
      user: { ...account, sessionId },
      claims: { id: account.id, role: account.role, sessionVersion: row!.sessionVersion, sessionId },
    };
  }

  /** Enrols the account through the real act, from the secret its page would show; returns key and codes. */
  async function enrol(email: string) {
    const session = await signedIn(email);
    const offer = await offerEnrolment(session.user);
    const secret = offer.secretGroups.replace(/ /g, "");
    const key = decodeTotpKey(secret);
    const step = totpStep(new Date());
    const result = await runAction(confirmMfaEnrolment, { enrolment: offer.sealed, code: totpCode(key, step) }, session.user);
    if (!result.ok) throw new Error(result.message);
    return { ...session, key, secret, step, codes: result.data.recoveryCodes };
  }

  const factorOf = async (userId: string) => (await t.db.select().from(userMfa).where(eq(userMfa.userId, userId)))[0];
  const sessionRow = async (id: string) => (await t.db.select().from(userSessions).where(eq(userSessions.id, id)))[0]!;
  const auditOf = (userId: string, action: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, userId), eq(auditLog.action, action)));

  it("a DPO's session is pending until enrolment: refused by the loader, then open once a first code confirms the factor", async () => {
    const session = await signedIn(DPO);
    expect(await loadSessionAccount(t.db, session.claims)).toBeNull();
    expect((await loadSession(t.db, session.claims))?.mfa.step).toBe("enrol");

    const offer = await offerEnrolment(session.user);
    const key = decodeTotpKey(offer.secretGroups.replace(/ /g, ""));
    const wrong = await runAction(confirmMfaEnrolment, { enrolment: offer.sealed, code: "000000" }, session.user);
    // (One in a million: the wrong code may be the right one.)
    if (totpCode(key, totpStep(new Date())) !== "000000") {
      expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: [MFA_MESSAGES.invalid] } });
      expect(await factorOf(session.user.id)).toBeUndefined();
    }
    const step = totpStep(new Date());
    const result = await runAction(confirmMfaEnrolment, { enrolment: offer.sealed, code: totpCode(key, step) }, session.user);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.recoveryCodes).toHaveLength(10);

    const factor = await factorOf(session.user.id);
    expect(factor?.confirmedAt).toBeInstanceOf(Date);
    expect(factor?.lastStep).toBe(step);
    // The secret is stored encrypted, bound to its account.
    const secret = offer.secretGroups.replace(/ /g, "");
    expect(factor?.secret).not.toContain(secret);
    expect(openSecret("mfa-secret", factor!.secret, session.user.id)).toBe(secret);
    const codes = await t.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, session.user.id));
    expect(codes).toHaveLength(10);
    for (const c of result.data.recoveryCodes) expect(codes.some((row) => row.codeHash.includes(c.replace("-", "")))).toBe(false);

    expect((await sessionRow(session.user.sessionId!)).mfaAt).toBeInstanceOf(Date);
    expect(await loadSessionAccount(t.db, session.claims)).toMatchObject({ id: session.user.id });
    const [entry] = await auditOf(session.user.id, "auth.mfa");
    expect(entry?.meta).toEqual({ methode: "totp" });
    expect(await auditOf(session.user.id, "mfa.enrolment")).toHaveLength(1);

    // The next sign-in asks for a code; an enrolment cannot replace the factor (a stolen password alone).
    const next = await signedIn(DPO);
    expect((await loadSession(t.db, next.claims))?.mfa.step).toBe("verify");
    const other = await offerEnrolment(next.user);
    const swap = await runAction(
      confirmMfaEnrolment,
      { enrolment: other.sealed, code: totpCode(decodeTotpKey(other.secretGroups.replace(/ /g, "")), totpStep(new Date())) },
      next.user,
    );
    expect(swap).toMatchObject({ ok: false, message: MFA_MESSAGES.alreadyEnrolled });
    expect((await factorOf(session.user.id))?.secret).toBe(factor?.secret);
  });

  it("refuses an enrolment offer sealed for another account", async () => {
    const admin = await signedIn(ADMIN);
    const dpo = await signedIn("dpo.marseille@sillage.demo");
    const offer = await offerEnrolment(admin.user);
    const code = totpCode(decodeTotpKey(offer.secretGroups.replace(/ /g, "")), totpStep(new Date()));
    const result = await runAction(confirmMfaEnrolment, { enrolment: offer.sealed, code }, dpo.user);
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(await factorOf(dpo.user.id)).toBeUndefined();
  });

  it("accepts a code once: the replay is refused in French and nothing is written; a later step passes", async () => {
    const { key, step, user } = await enrol("directrice.lyon@sillage.demo");
    const session = await signedIn("directrice.lyon@sillage.demo");
    expect((await loadSession(t.db, session.claims))?.mfa.step).toBe("verify");

    const replay = await runAction(verifyMfaCode, { code: totpCode(key, step) }, session.user);
    expect(replay).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { code: [MFA_MESSAGES.replayed] } });
    expect((await sessionRow(session.user.sessionId!)).mfaAt).toBeNull();
    expect(await auditOf(user.id, "auth.mfa")).toHaveLength(1);

    // One step ahead of the clock is accepted (drift), once.
    const ahead = totpCode(key, step + 1);
    expect(await runAction(verifyMfaCode, { code: ahead.replace(/^(\d{3})/, "$1 ") }, session.user)).toMatchObject({ ok: true });
    expect((await factorOf(user.id))?.lastStep).toBe(step + 1);
    expect((await sessionRow(session.user.sessionId!)).mfaAt).toBeInstanceOf(Date);
    const third = await signedIn("directrice.lyon@sillage.demo");
    expect(await runAction(verifyMfaCode, { code: ahead }, third.user)).toMatchObject({
      ok: false,
      fieldErrors: { code: [MFA_MESSAGES.replayed] },
    });
    // Two steps ahead: not a code of now.
    expect(await runAction(verifyMfaCode, { code: totpCode(key, totpStep(new Date()) + 3) }, third.user)).toMatchObject({
      ok: false,
      fieldErrors: { code: [MFA_MESSAGES.invalid] },
    });
    // Malformed input: a French message on the field, never a 500.
    expect(await runAction(verifyMfaCode, { code: "12ab" }, third.user)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await runAction(verifyMfaCode, { code: ["1", "2"] }, third.user)).toMatchObject({ ok: false, code: "invalid_input" });
  });

  it("accepts the step just before the current one (a slow phone clock)", async () => {
    const { key, user } = await enrol("conseiller.lyon@sillage.demo");
    // As if the enrolment had accepted an older step: the previous step is then still new.
    const now = totpStep(new Date());
    await t.db
      .update(userMfa)
      .set({ lastStep: now - 2 })
      .where(eq(userMfa.userId, user.id));
    const session = await signedIn("conseiller.lyon@sillage.demo");
    expect(await runAction(verifyMfaCode, { code: totpCode(key, totpStep(new Date()) - 1) }, session.user)).toMatchObject({ ok: true });
  });

  it("counts code entry per account and per IP: the eleventh try in the window is refused, even with the right code", async () => {
    const { key } = await enrol("conseillere.lyon@sillage.demo");
    const session = await signedIn("conseillere.lyon@sillage.demo");
    const ip = "198.51.100.7";
    const { limit } = RATE_LIMITS["code:account"];
    for (let i = 0; i < limit; i++) {
      const r = await runCodeAttempt(verifyMfaCode, { code: "999999" }, session.user, { ip });
      expect(r.ok).toBe(false);
    }
    const blocked = await runCodeAttempt(verifyMfaCode, { code: totpCode(key, totpStep(new Date()) + 1) }, session.user, { ip });
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited" });
    if (!blocked.ok) expect(blocked.message).toContain("Trop de codes essayés");
    expect((await sessionRow(session.user.sessionId!)).mfaAt).toBeNull();

    // A new window opens again; a success clears the account's count.
    const later = new Date(Date.now() + RATE_LIMITS["code:account"].windowMs + 1000);
    await t.db.delete(rateLimits).where(eq(rateLimits.bucket, "code:ip"));
    const ok = await runCodeAttempt(verifyMfaCode, { code: totpCode(key, totpStep(new Date()) + 1) }, session.user, { ip, now: later });
    expect(ok.ok).toBe(true);
    expect(await t.db.select().from(rateLimits).where(eq(rateLimits.bucket, "code:account"))).toHaveLength(0);

    // The IP's count holds across accounts (each one's own count cleared, as if many were tried).
    const other = await signedIn(ADMIN);
    for (let i = 0; i < RATE_LIMITS["code:ip"].limit; i++) {
      await runCodeAttempt(verifyMfaCode, { code: "999999" }, other.user, { ip: "203.0.113.9" });
      await t.db.delete(rateLimits).where(eq(rateLimits.bucket, "code:account"));
    }
    expect(await runCodeAttempt(verifyMfaCode, { code: "999999" }, session.user, { ip: "203.0.113.9" })).toMatchObject({
      code: "rate_limited",
    });
  });

  it("a recovery code opens the session once, even when two requests spend it at the same time", async () => {
    const { codes, user, key, step } = await enrol("directeur.marseille@sillage.demo");
    const a = await signedIn("directeur.marseille@sillage.demo");
    const b = await signedIn("directeur.marseille@sillage.demo");
    const code = codes[0]!;
    const results = await Promise.all([
      runAction(useRecoveryCode, { recoveryCode: code }, a.user),
      runAction(useRecoveryCode, { recoveryCode: code.toLowerCase().replace("-", " ") }, b.user),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ fieldErrors: { recoveryCode: [MFA_MESSAGES.recoveryInvalid] } });
    const opened = [a, b].filter((_, i) => results[i]!.ok)[0]!;
    const refused = [a, b].filter((_, i) => !results[i]!.ok)[0]!;
    expect((await sessionRow(opened.user.sessionId!)).mfaAt).toBeInstanceOf(Date);
    expect((await sessionRow(refused.user.sessionId!)).mfaAt).toBeNull();
    const left = await t.db
      .select()
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, user.id), isNull(mfaRecoveryCodes.usedAt)));
    expect(left).toHaveLength(9);
    const [entry] = await auditOf(user.id, "auth.mfa").then((rows) => rows.filter((r) => r.meta?.methode === "code_de_secours"));
    expect(entry?.meta).toEqual({ methode: "code_de_secours", codesRestants: 9 });
    expect(JSON.stringify(entry)).not.toContain(code.slice(0, 5));

    // New codes need a current code of the app; the old ones stop working.
    const c = await signedIn("directeur.marseille@sillage.demo");
    expect(await runAction(regenerateRecoveryCodes, { code: totpCode(key, step) }, c.user)).toMatchObject({
      ok: false,
      fieldErrors: { code: [MFA_MESSAGES.replayed] },
    });
    expect(await t.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id))).toHaveLength(10);
    const renewed = await runAction(regenerateRecoveryCodes, { code: totpCode(key, step + 1) }, c.user);
    expect(renewed.ok && renewed.data.recoveryCodes).toHaveLength(10);
    const unused = await t.db
      .select()
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, user.id), isNull(mfaRecoveryCodes.usedAt)));
    expect(unused).toHaveLength(10);
    expect(await runAction(useRecoveryCode, { recoveryCode: codes[1]! }, c.user)).toMatchObject({ ok: false });
    expect(await auditOf(user.id, "mfa.recovery_codes")).toHaveLength(1);
  });

  it("a structure that requires it puts its counsellors through enrolment", async () => {
    const session = await signedIn("conseillere.marseille@sillage.demo");
    expect(await loadSessionAccount(t.db, session.claims)).not.toBeNull();
    const [marseille] = await t.db.select().from(structures).where(eq(structures.id, session.user.structureId!));
    await t.db.update(structures).set({ mfaRequired: true }).where(eq(structures.id, marseille!.id));
    try {
      expect(await loadSessionAccount(t.db, session.claims)).toBeNull();
      expect((await loadSession(t.db, session.claims))?.mfa.step).toBe("enrol");
      // Single sign-on whose provider asserted MFA: the session row carries mfa_at from the start.
      await t.db.update(userSessions).set({ mfaAt: new Date() }).where(eq(userSessions.id, session.user.sessionId!));
      expect(await loadSessionAccount(t.db, session.claims)).not.toBeNull();
    } finally {
      await t.db.update(structures).set({ mfaRequired: false }).where(eq(structures.id, marseille!.id));
    }
  });

  it("only an admin resets another account's factor: codes deleted, sessions closed, audited; refusals write nothing", async () => {
    const target = await enrol("dpo.marseille@sillage.demo");
    const admin = await sessionUserFor(t.db, ADMIN);
    const input = { compteId: target.user.id, confirmation: "on" };
    for (const email of ["directrice.lyon@sillage.demo", "conseillere.lyon@sillage.demo", DPO]) {
      const refused = await runAction(resetMfa, input, await sessionUserFor(t.db, email));
      expect(refused, email).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await runAction(resetMfa, { compteId: target.user.id }, admin)).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: ["Cochez la case pour confirmer la réinitialisation."] },
    });
    // Even the admin never resets their own (another admin must).
    await enrol(ADMIN);
    expect(await runAction(resetMfa, { compteId: admin.id, confirmation: "on" }, admin)).toMatchObject({
      ok: false,
      message: MFA_RESET_SELF,
    });
    expect(await factorOf(admin.id)).toBeDefined();
    expect(await factorOf(target.user.id)).toBeDefined();
    expect(await auditOf(target.user.id, "compte.mfa_reset")).toHaveLength(0);

    const done = await runAction(resetMfa, input, admin);
    expect(done).toMatchObject({ ok: true });
    expect(await factorOf(target.user.id)).toBeUndefined();
    expect(await t.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, target.user.id))).toHaveLength(0);
    const open = await t.db
      .select()
      .from(userSessions)
      .where(and(eq(userSessions.userId, target.user.id), isNull(userSessions.revokedAt)));
    expect(open).toHaveLength(0);
    expect(await loadSession(t.db, target.claims)).toBeNull();
    const [entry] = await auditOf(target.user.id, "compte.mfa_reset");
    expect(entry).toMatchObject({ actorId: admin.id, fields: ["mfa", "recoveryCodes", "sessions"] });

    // Its next sign-in enrols again; a second reset finds nothing to reset.
    const again = await signedIn("dpo.marseille@sillage.demo");
    expect((await loadSession(t.db, again.claims))?.mfa.step).toBe("enrol");
    expect(await runAction(resetMfa, input, admin)).toMatchObject({ ok: false, code: "conflict" });
    const ids = (await t.db.select({ id: users.id }).from(users).where(eq(users.role, "jeune")).limit(1)).map((r) => r.id);
    expect(await runAction(resetMfa, { compteId: ids[0], confirmation: "on" }, admin)).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.action, ["compte.mfa_reset"])),
    ).toHaveLength(1);
  });
});
