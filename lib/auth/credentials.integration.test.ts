import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { LOCKOUT, verifyCredentials } from "./credentials";

describe("verifyCredentials", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });

  it("accepts the right password whatever the e-mail's case", async () => {
    const result = await verifyCredentials(t.db, { email: "  Conseillere.Lyon@Sillage.demo ", password: DEMO_PASSWORD });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.user.role).toBe("conseiller");
  });

  it("refuses a wrong password with the same answer as an unknown address", async () => {
    const wrong = await verifyCredentials(t.db, { email: "dpo.lyon@sillage.demo", password: "nope" });
    const unknown = await verifyCredentials(t.db, { email: "personne@exemple.fr", password: "nope" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks after repeated failures, even the right password, until the lock expires", async () => {
    const email = "directrice.lyon@sillage.demo";
    const now = new Date("2026-11-25T10:00:00Z");
    const results = [];
    for (let i = 0; i < LOCKOUT.maxFailures; i++) results.push(await verifyCredentials(t.db, { email, password: `bad-${i}` }, now));
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });

    const during = await verifyCredentials(t.db, { email, password: DEMO_PASSWORD }, new Date(now.getTime() + 60_000));
    expect(during).toMatchObject({ ok: false, reason: "locked" });

    const after = await verifyCredentials(t.db, { email, password: DEMO_PASSWORD }, new Date(now.getTime() + LOCKOUT.lockMs + 1000));
    expect(after.ok).toBe(true);
  });

  it("locks unknown addresses exactly like known ones", async () => {
    const now = new Date("2026-11-25T11:00:00Z");
    let last: Awaited<ReturnType<typeof verifyCredentials>> | undefined;
    for (let i = 0; i < LOCKOUT.maxFailures; i++) last = await verifyCredentials(t.db, { email: "fantome@exemple.fr", password: "x" }, now);
    expect(last).toMatchObject({ ok: false, reason: "locked" });
  });

  it("forgets old failures once the window has passed", async () => {
    const email = "conseiller.lyon@sillage.demo";
    const start = new Date("2026-11-25T12:00:00Z");
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await verifyCredentials(t.db, { email, password: "x" }, start);
    const later = new Date(start.getTime() + LOCKOUT.windowMs + 1000);
    expect(await verifyCredentials(t.db, { email, password: "x" }, later)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account", async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.email, "conseillere.marseille@sillage.demo"));
    const result = await verifyCredentials(t.db, { email: "conseillere.marseille@sillage.demo", password: DEMO_PASSWORD });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });
});
