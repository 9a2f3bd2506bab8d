import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { memberships, structures, userSessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { hitRateLimit, RATE_LIMITS } from "./rate-limit";
import { loadSession, loadSessionAccount } from "./session-account";
import { LAST_SEEN_RESOLUTION_MS, SESSION_LIMITS, deviceLabel, openSession, revokeAllSessions, revokeSession } from "./sessions";

describe("sessions and rate limits", () => {
  const t = useTestDatabase();
  let conseiller: typeof users.$inferSelect;
  let jeune: typeof users.$inferSelect;

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
    conseiller = (await t.db.select().from(users).where(eq(users.email, "conseillere.lyon@sillage.demo")))[0]!;
    jeune = (await t.db.select().from(users).where(eq(users.role, "jeune")).limit(1))[0]!;
  });

  const claimsOf = (u: typeof users.$inferSelect, sessionId: string) => ({
    id: u.id,
    role: u.role,
    sessionVersion: u.sessionVersion,
    sessionId,
  });

  it("a session row carries the request until it is revoked", async () => {
    const sid = await openSession(t.db, {
      userId: conseiller.id,
      role: conseiller.role,
      method: "password",
      userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/140.0",
    });
    expect(await loadSessionAccount(t.db, claimsOf(conseiller, sid))).toMatchObject({ id: conseiller.id, sessionId: sid });
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, sid));
    expect(row).toMatchObject({ device: "Chrome sur Windows", method: "password", revokedAt: null });
    await revokeSession(t.db, sid, "sign_out");
    expect(await loadSessionAccount(t.db, claimsOf(conseiller, sid))).toBeNull();
  });

  it("another account's session id is refused", async () => {
    const sid = await openSession(t.db, { userId: jeune.id, role: jeune.role, method: "password" });
    expect(await loadSessionAccount(t.db, claimsOf(conseiller, sid))).toBeNull();
  });

  it("idle sessions end: 30 minutes for a young person, two hours for staff", async () => {
    const start = new Date("2026-12-01T10:00:00Z");
    const young = await openSession(t.db, { userId: jeune.id, role: jeune.role, method: "password", now: start });
    const staff = await openSession(t.db, { userId: conseiller.id, role: conseiller.role, method: "password", now: start });
    const later = new Date(start.getTime() + SESSION_LIMITS.jeune.idleMs + 1000);
    expect(await loadSessionAccount(t.db, claimsOf(jeune, young), later)).toBeNull();
    expect(await loadSessionAccount(t.db, claimsOf(conseiller, staff), later)).not.toBeNull();
    // Activity moves the idle clock (written at most once a minute).
    const [seen] = await t.db.select().from(userSessions).where(eq(userSessions.id, staff));
    expect(seen?.lastSeenAt.getTime()).toBe(later.getTime());
    const soon = new Date(later.getTime() + LAST_SEEN_RESOLUTION_MS / 2);
    await loadSessionAccount(t.db, claimsOf(conseiller, staff), soon);
    const [unchanged] = await t.db.select().from(userSessions).where(eq(userSessions.id, staff));
    expect(unchanged?.lastSeenAt.getTime()).toBe(later.getTime());
  });

  it("signing out everywhere else keeps the current session only", async () => {
    const a = await openSession(t.db, { userId: conseiller.id, role: conseiller.role, method: "password" });
    const b = await openSession(t.db, { userId: conseiller.id, role: conseiller.role, method: "password" });
    expect(await revokeAllSessions(t.db, conseiller.id, "sign_out_everywhere", { exceptSessionId: a })).toBeGreaterThanOrEqual(1);
    expect(await loadSessionAccount(t.db, claimsOf(conseiller, a))).not.toBeNull();
    expect(await loadSessionAccount(t.db, claimsOf(conseiller, b))).toBeNull();
  });

  it("the working structure is the session's only for a member of it", async () => {
    const [dpo] = await t.db.select().from(users).where(eq(users.role, "dpo")).limit(1);
    // A structure the DPO is not a member of (the demo's Lyon DPO also serves Marseille).
    const [target] = await t.db
      .insert(structures)
      .values({
        name: "Mission locale de Valence",
        siret: "52012345600018",
        departement: "26",
        commune: "Valence",
        dpoEmail: "dpo@ml-valence.demo",
      })
      .returning();
    if (!target) throw new Error("structure not created");
    const sid = await openSession(t.db, { userId: dpo!.id, role: "dpo", method: "password" });
    await t.db.update(userSessions).set({ structureId: target.id }).where(eq(userSessions.id, sid));
    expect((await loadSession(t.db, claimsOf(dpo!, sid)))?.user.structureId).toBe(dpo!.structureId);
    await t.db.insert(memberships).values({ userId: dpo!.id, structureId: target.id, role: "dpo" });
    expect((await loadSession(t.db, claimsOf(dpo!, sid)))?.user).toMatchObject({ structureId: target.id, structureName: target.name });
    await t.db.delete(memberships).where(eq(memberships.structureId, target.id));
  });

  it("a rate limit counts per bucket and key, and opens again with the next window", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const { limit, windowMs } = RATE_LIMITS["sign_in:ip"];
    for (let i = 0; i < limit; i++) expect((await hitRateLimit(t.db, "sign_in:ip", "192.0.2.1", now)).ok).toBe(true);
    const refused = await hitRateLimit(t.db, "sign_in:ip", "192.0.2.1", now);
    expect(refused).toEqual({ ok: false, retryAt: new Date(now.getTime() + windowMs) });
    expect((await hitRateLimit(t.db, "sign_in:ip", "192.0.2.2", now)).ok).toBe(true);
    expect((await hitRateLimit(t.db, "sign_in:account", "192.0.2.1", now)).ok).toBe(true);
    expect((await hitRateLimit(t.db, "sign_in:ip", "192.0.2.1", new Date(now.getTime() + windowMs))).ok).toBe(true);
  });

  it("device labels name the browser and the system", () => {
    expect(deviceLabel("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36")).toBe(
      "Chrome sur Android",
    );
    expect(
      deviceLabel("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1"),
    ).toBe("Safari sur iOS");
    expect(deviceLabel(null)).toBe("Navigateur inconnu");
  });
});
