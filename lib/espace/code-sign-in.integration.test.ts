import { beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";
import { auditLog, mailMessages, signInCodes, userSessions, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { authorizeCode, peekSignInLink } from "@/lib/auth/code-sign-in";
import { verifyCredentials } from "@/lib/auth/credentials";
import { CODE_TTL_MS } from "@/lib/auth/sign-in-code";
import { requestCode } from "./code-request";

const LEA = "lea.dupont@exemple.fr";
const ORIGIN = "http://sillage.test";
let nextIp = 0;
/** A client address of its own per test, so the per-IP limits never mix tests. */
const headersFrom = () =>
  new Headers({ "x-forwarded-for": `10.9.${(++nextIp >> 8) & 255}.${nextIp & 255}`, "user-agent": "Firefox/120 Android" });

/** The code and link of the latest code e-mail to an address, read from the outbox as a tester would. */
async function lastMail(db: Db, to: string): Promise<{ code: string; token: string }> {
  const [m] = await db
    .select({ text: mailMessages.text })
    .from(mailMessages)
    .where(and(eq(mailMessages.to, to), eq(mailMessages.kind, "espace.code")))
    .orderBy(desc(mailMessages.createdAt))
    .limit(1);
  if (!m) throw new Error("no code e-mail");
  const code = /^(\d{6})$/m.exec(m.text)?.[1];
  const token = /\/connexion\/lien\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1];
  if (!code || !token) throw new Error("no code in the e-mail");
  return { code, token };
}

/** Row counts of every table: what a request wrote. */
async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const name = getTableName(table);
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    out[name] = row?.n ?? 0;
  }
  return out;
}

function wrongOf(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

describe("Mon espace sign-in by code", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });

  it("sends a code to a young person's address and signs in once with it, opening a 'code' session", async () => {
    const now = new Date();
    expect(
      await requestCode(t.db, { email: "  Lea.Dupont@Exemple.fr " }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false }),
    ).toEqual({
      ok: true,
    });
    const { code } = await lastMail(t.db, LEA);
    const [row] = await t.db.select().from(signInCodes).orderBy(desc(signInCodes.createdAt)).limit(1);
    // Only keyed hashes are stored, valid 10 minutes.
    expect(row?.codeHash).not.toContain(code);
    expect(row?.expiresAt.getTime()).toBe(now.getTime() + CODE_TTL_MS);

    const first = await authorizeCode(t.db, { email: LEA, code: `${code.slice(0, 3)} ${code.slice(3)}` }, headersFrom(), now);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const [session] = await t.db.select().from(userSessions).where(eq(userSessions.id, first.user.sessionId));
    expect(session?.method).toBe("code");
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, first.user.id)).orderBy(desc(auditLog.at)).limit(1);
    expect(audit?.action).toBe("auth.sign_in");
    // Used: the same code is refused.
    expect(await authorizeCode(t.db, { email: LEA, code }, headersFrom(), now)).toEqual({ ok: false, code: "invalid" });
  });

  it("refuses an expired code", async () => {
    const now = new Date();
    await requestCode(t.db, { email: LEA }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false });
    const { code } = await lastMail(t.db, LEA);
    const later = new Date(now.getTime() + CODE_TTL_MS + 1);
    expect(await authorizeCode(t.db, { email: LEA, code }, headersFrom(), later)).toEqual({ ok: false, code: "invalid" });
  });

  it("a new code revokes the previous one", async () => {
    const now = new Date();
    await requestCode(t.db, { email: LEA }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false });
    const older = await lastMail(t.db, LEA);
    await requestCode(
      t.db,
      { email: LEA },
      { headers: headersFrom(), origin: ORIGIN, now: new Date(now.getTime() + 1000), sendNow: false },
    );
    const newer = await lastMail(t.db, LEA);
    if (older.code !== newer.code) {
      expect(await authorizeCode(t.db, { email: LEA, code: older.code }, headersFrom(), now)).toEqual({ ok: false, code: "invalid" });
    }
    expect(await peekSignInLink(t.db, older.token, now)).toBeNull();
    expect((await authorizeCode(t.db, { email: LEA, code: newer.code }, headersFrom(), now)).ok).toBe(true);
  });

  it("the e-mail's link signs in once, within the same 10 minutes", async () => {
    const now = new Date();
    await requestCode(t.db, { email: LEA }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false });
    const { token } = await lastMail(t.db, LEA);
    expect(await authorizeCode(t.db, { token }, headersFrom(), new Date(now.getTime() + CODE_TTL_MS + 1))).toEqual({
      ok: false,
      code: "invalid",
    });
    const signedIn = await authorizeCode(t.db, { token }, headersFrom(), now);
    expect(signedIn).toMatchObject({ ok: true, purpose: "connexion" });
    expect(await authorizeCode(t.db, { token }, headersFrom(), now)).toEqual({ ok: false, code: "invalid" });
    expect(await authorizeCode(t.db, { token: "x".repeat(43) }, headersFrom(), now)).toEqual({ ok: false, code: "invalid" });
  });

  it("five wrong codes lock a known address for 15 minutes and close its code", async () => {
    const now = new Date();
    await requestCode(t.db, { email: LEA }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false });
    const { code } = await lastMail(t.db, LEA);
    for (let i = 0; i < 4; i++) {
      expect(await authorizeCode(t.db, { email: LEA, code: wrongOf(code) }, headersFrom(), now)).toEqual({ ok: false, code: "invalid" });
    }
    const fifth = await authorizeCode(t.db, { email: LEA, code: wrongOf(code) }, headersFrom(), now);
    expect(fifth).toEqual({ ok: false, code: `locked:${new Date(now.getTime() + 15 * 60_000).toISOString()}` });
    // Even the right code is refused while locked; asking for a new one too.
    expect(await authorizeCode(t.db, { email: LEA, code }, headersFrom(), new Date(now.getTime() + 60_000))).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^locked:/),
    });
    expect(await requestCode(t.db, { email: LEA }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    const [row] = await t.db.select().from(signInCodes).where(eq(signInCodes.createdAt, now));
    expect(row?.attempts).toBe(5);
    expect(row?.revokedAt).not.toBeNull();
    // After 15 minutes a new code works.
    const after = new Date(now.getTime() + 15 * 60_000 + 1);
    expect((await requestCode(t.db, { email: LEA }, { headers: headersFrom(), origin: ORIGIN, now: after, sendNow: false })).ok).toBe(true);
    const fresh = await lastMail(t.db, LEA);
    expect((await authorizeCode(t.db, { email: LEA, code: fresh.code }, headersFrom(), after)).ok).toBe(true);
  });

  it("five wrong codes lock an unknown address the same way", async () => {
    const now = new Date();
    const unknown = `inconnu-${Date.now()}@exemple.fr`;
    for (let i = 0; i < 4; i++) {
      expect(await authorizeCode(t.db, { email: unknown, code: "123456" }, headersFrom(), now)).toEqual({ ok: false, code: "invalid" });
    }
    expect(await authorizeCode(t.db, { email: unknown, code: "123456" }, headersFrom(), now)).toEqual({
      ok: false,
      code: `locked:${new Date(now.getTime() + 15 * 60_000).toISOString()}`,
    });
    expect(await requestCode(t.db, { email: unknown }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false })).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("answers an unknown address as a known one, and writes nothing but the counters", async () => {
    const now = new Date(Date.now() + 3_600_000);
    const before = await counts(t.db);
    const unknown = await requestCode(
      t.db,
      { email: "personne@exemple.fr" },
      { headers: headersFrom(), origin: ORIGIN, now, sendNow: false },
    );
    const afterUnknown = await counts(t.db);
    const known = await requestCode(
      t.db,
      { email: "tom.girard@exemple.fr" },
      { headers: headersFrom(), origin: ORIGIN, now, sendNow: false },
    );
    const afterKnown = await counts(t.db);
    expect(unknown).toEqual(known);
    const diff = (a: Record<string, number>, b: Record<string, number>) =>
      Object.fromEntries(Object.keys(b).flatMap((k) => (b[k] !== a[k] ? [[k, (b[k] ?? 0) - (a[k] ?? 0)]] : [])));
    // Both count the attempt (per IP and per address); only the known one writes its code and its e-mail.
    expect(diff(before, afterUnknown)).toEqual({ rate_limits: 2 });
    expect(diff(afterUnknown, afterKnown)).toEqual({ rate_limits: 2, sign_in_codes: 1, mail_messages: 1 });
  });

  it("never sends a code to a staff account, and refuses a young person's password", async () => {
    const now = new Date(Date.now() + 7_200_000);
    const before = await counts(t.db);
    expect(
      await requestCode(t.db, { email: "conseillere.lyon@sillage.demo" }, { headers: headersFrom(), origin: ORIGIN, now, sendNow: false }),
    ).toEqual({ ok: true });
    expect((await counts(t.db)).sign_in_codes).toBe(before.sign_in_codes);
    // Even a password set on a young person's account does not sign in.
    await t.db
      .update(users)
      .set({ passwordHash: (await t.db.select().from(users).where(eq(users.email, "dpo.lyon@sillage.demo")))[0]!.passwordHash })
      .where(eq(users.email, LEA));
    expect(await verifyCredentials(t.db, { email: LEA, password: DEMO_PASSWORD, ip: "10.9.250.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.email, LEA));
  });

  it("refuses a malformed address with a French field message and counts nothing", async () => {
    const before = await counts(t.db);
    const result = await requestCode(t.db, { email: "pas-une-adresse\u0000" }, { headers: headersFrom(), origin: ORIGIN, sendNow: false });
    expect(result).toMatchObject({ ok: false, reason: "invalid_input", fieldErrors: { email: [expect.stringContaining("adresse")] } });
    expect(await counts(t.db)).toEqual(before);
  });
});
