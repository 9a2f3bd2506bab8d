import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rateLimits, signInThrottle, users } from "@/db/schema";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { LOCKOUT, verifyCredentials } from "./credentials";
import { RATE_LIMITS } from "./rate-limit";

// Counts the password hash checks: a limited attempt must cost none.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

let nextIp = 0;
/** A client address of its own for each attempt that is not about the per-address limit. */
const ip = () => `10.${(++nextIp >> 16) & 255}.${(nextIp >> 8) & 255}.${nextIp & 255}`;

describe("verifyCredentials", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });

  it("accepts the right password whatever the e-mail's case", async () => {
    const result = await verifyCredentials(t.db, { email: "  Conseillere.Lyon@Sillage.demo ", password: DEMO_PASSWORD, ip: ip() });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.user.role).toBe("conseiller");
  });

  it("refuses a wrong password with the same answer as an unknown address", async () => {
    const wrong = await verifyCredentials(t.db, { email: "dpo.lyon@sillage.demo", password: "nope", ip: ip() });
    const unknown = await verifyCredentials(t.db, { email: "personne@exemple.fr", password: "nope", ip: ip() });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks after repeated failures, even the right password, until the lock expires", async () => {
    const email = "directrice.lyon@sillage.demo";
    const now = new Date("2026-11-25T10:00:00Z");
    const results = [];
    for (let i = 0; i < LOCKOUT.maxFailures; i++)
      results.push(await verifyCredentials(t.db, { email, password: `bad-${i}`, ip: ip() }, now));
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });

    const during = await verifyCredentials(t.db, { email, password: DEMO_PASSWORD, ip: ip() }, new Date(now.getTime() + 60_000));
    expect(during).toMatchObject({ ok: false, reason: "locked" });

    const after = await verifyCredentials(
      t.db,
      { email, password: DEMO_PASSWORD, ip: ip() },
      new Date(now.getTime() + LOCKOUT.lockMs + 1000),
    );
    expect(after.ok).toBe(true);
  });

  it("locks unknown addresses exactly like known ones", async () => {
    const now = new Date("2026-11-25T11:00:00Z");
    let last: Awaited<ReturnType<typeof verifyCredentials>> | undefined;
    for (let i = 0; i < LOCKOUT.maxFailures; i++)
      last = await verifyCredentials(t.db, { email: "fantome@exemple.fr", password: "x", ip: ip() }, now);
    expect(last).toMatchObject({ ok: false, reason: "locked" });
  });

  it("forgets old failures once the window has passed", async () => {
    const email = "conseiller.lyon@sillage.demo";
    const start = new Date("2026-11-25T12:00:00Z");
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await verifyCredentials(t.db, { email, password: "x", ip: ip() }, start);
    const later = new Date(start.getTime() + LOCKOUT.windowMs + 1000);
    expect(await verifyCredentials(t.db, { email, password: "x", ip: ip() }, later)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account", async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.email, "conseillere.marseille@sillage.demo"));
    const result = await verifyCredentials(t.db, { email: "conseillere.marseille@sillage.demo", password: DEMO_PASSWORD, ip: ip() });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sign-in rate limits, per client address and per address typed", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });
  beforeEach(() => {
    vi.mocked(verify).mockClear();
  });

  it("slows one password tried across many addresses from one network, before any hash, known address or not", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const network = "203.0.113.50";
    const { limit, windowMs } = RATE_LIMITS["sign_in:ip"];
    for (let i = 0; i < limit; i++) {
      const result = await verifyCredentials(t.db, { email: `essai-${i}@exemple.fr`, password: "Motdepasse1", ip: network }, now);
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    expect(vi.mocked(verify)).toHaveBeenCalledTimes(limit);
    const retryAt = new Date(now.getTime() + windowMs);
    // The 31st address, and even the right password of a real account: refused alike, with the time it opens again.
    expect(await verifyCredentials(t.db, { email: "essai-31@exemple.fr", password: "Motdepasse1", ip: network }, now)).toEqual({
      ok: false,
      reason: "limited",
      retryAt,
    });
    expect(await verifyCredentials(t.db, { email: "dpo.lyon@sillage.demo", password: DEMO_PASSWORD, ip: network }, now)).toEqual({
      ok: false,
      reason: "limited",
      retryAt,
    });
    expect(vi.mocked(verify)).toHaveBeenCalledTimes(limit);
    // A limited attempt does not count against the address it tried.
    expect(await t.db.select().from(signInThrottle).where(eq(signInThrottle.failures, 0))).toEqual([]);
    // Another network is not concerned; the same one opens again with the next window.
    expect((await verifyCredentials(t.db, { email: "dpo.lyon@sillage.demo", password: DEMO_PASSWORD, ip: "203.0.113.51" }, now)).ok).toBe(
      true,
    );
    expect((await verifyCredentials(t.db, { email: "dpo.lyon@sillage.demo", password: DEMO_PASSWORD, ip: network }, retryAt)).ok).toBe(
      true,
    );
  });

  it("an IPv6 network is one client, whatever address of its /64 it uses", async () => {
    const now = new Date("2026-11-25T11:00:00Z");
    const { limit } = RATE_LIMITS["sign_in:ip"];
    for (let i = 0; i < limit; i++) {
      await verifyCredentials(t.db, { email: `v6-${i}@exemple.fr`, password: "x", ip: "2001:db8:aa:1::/64" }, now);
    }
    expect(await verifyCredentials(t.db, { email: "v6-x@exemple.fr", password: "x", ip: "2001:db8:aa:1::/64" }, now)).toMatchObject({
      reason: "limited",
    });
  });

  it("slows many networks on one address, counting attempts before the hash even when they arrive at once", async () => {
    const email = "conseiller.lyon@sillage.demo";
    const now = new Date("2026-11-25T12:00:00Z");
    const { limit, windowMs } = RATE_LIMITS["sign_in:account"];
    // All at once: the five-failure lockout is read before any failure is counted, so only the counter stops them.
    const results = await Promise.all(
      Array.from({ length: limit + 15 }, (_, i) => verifyCredentials(t.db, { email, password: `faux-${i}`, ip: ip() }, now)),
    );
    expect(vi.mocked(verify).mock.calls.length).toBeLessThanOrEqual(limit);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(15);
    // The right password from yet another network is refused too, until the window ends.
    expect(await verifyCredentials(t.db, { email, password: DEMO_PASSWORD, ip: ip() }, now)).toMatchObject({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + Math.max(windowMs, LOCKOUT.lockMs) + 1000);
    expect((await verifyCredentials(t.db, { email, password: DEMO_PASSWORD, ip: ip() }, later)).ok).toBe(true);
  });

  it("an unknown address is limited exactly like a known one", async () => {
    const now = new Date("2026-11-25T13:00:00Z");
    const answers = [];
    for (const email of ["directrice.lyon@sillage.demo", "fantome-2@exemple.fr"]) {
      const seq = [];
      for (let i = 0; i <= RATE_LIMITS["sign_in:account"].limit; i++) {
        seq.push(await verifyCredentials(t.db, { email, password: "faux", ip: ip() }, now));
      }
      answers.push(seq);
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it("a success clears the address's counter, never the network's", async () => {
    const email = "directeur.marseille@sillage.demo";
    const now = new Date("2026-11-25T14:00:00Z");
    const network = "198.51.100.77";
    for (let i = 0; i < 3; i++) await verifyCredentials(t.db, { email, password: "faux", ip: network }, now);
    expect((await verifyCredentials(t.db, { email, password: DEMO_PASSWORD, ip: network }, now)).ok).toBe(true);
    const rows = await t.db.select({ bucket: rateLimits.bucket, hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.hits, 4));
    expect(rows).toEqual([{ bucket: "sign_in:ip", hits: 4 }]);
  });
});

// Two app instances are two clients of one PostgreSQL database: what one counts, the other sees.
describe.runIf(process.env.SILLAGE_TEST_DB === "postgres")("sign-in limits shared by two app instances", () => {
  const t = useTestDatabase();
  let other: DatabaseHandle;
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
    const [{ name } = { name: "" }] = (await t.db.execute<{ name: string }>(sql`select current_database() as name`)) as unknown as {
      name: string;
    }[];
    const url = new URL(process.env.TEST_DATABASE_URL ?? "");
    url.pathname = `/${name}`;
    other = await openPostgres(url.toString(), { max: 2 });
  });
  afterAll(async () => {
    await other?.close();
  });

  it("attempts counted by one instance slow the other", async () => {
    const now = new Date("2026-11-25T15:00:00Z");
    const network = "192.0.2.200";
    const { limit } = RATE_LIMITS["sign_in:ip"];
    for (let i = 0; i < limit; i++) {
      const db = i % 2 === 0 ? t.db : other.db;
      await verifyCredentials(db, { email: `instance-${i}@exemple.fr`, password: "x", ip: network }, now);
    }
    for (const db of [t.db, other.db]) {
      expect(await verifyCredentials(db, { email: "dpo.lyon@sillage.demo", password: DEMO_PASSWORD, ip: network }, now)).toMatchObject({
        ok: false,
        reason: "limited",
      });
    }
  });
});
