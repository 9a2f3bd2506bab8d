import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { authorizePassword } from "./password-sign-in";
import { RATE_LIMITS } from "./rate-limit";

// The Credentials provider's authorize: the form's server action and a POST straight to
// /api/auth/callback/credentials both end here, with the request's headers.
describe("authorizePassword", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });

  const from = (xff: string) => new Headers({ "x-forwarded-for": xff, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" });

  it("opens a session row for the right password", async () => {
    const result = await authorizePassword(t.db, { email: "dpo.lyon@sillage.demo", password: DEMO_PASSWORD }, from("192.0.2.10"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, result.user.sessionId));
    expect(row).toMatchObject({ userId: result.user.id, method: "password", device: "Firefox sur Linux", revokedAt: null });
  });

  it("limits per client address as Next's server reports it, with the time it opens again", async () => {
    const headers = from("198.51.100.1");
    for (let i = 0; i < RATE_LIMITS["sign_in:ip"].limit; i++) {
      expect(await authorizePassword(t.db, { email: `direct-${i}@exemple.fr`, password: "x" }, headers)).toEqual({
        ok: false,
        code: "invalid",
      });
    }
    const limited = await authorizePassword(t.db, { email: "dpo.lyon@sillage.demo", password: DEMO_PASSWORD }, headers);
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.code).toMatch(/^limited:\d{4}-\d\d-\d\dT/);
    // Same network seen through a dual-stack socket: the same client.
    expect(
      await authorizePassword(t.db, { email: "dpo.lyon@sillage.demo", password: DEMO_PASSWORD }, from("::ffff:198.51.100.1")),
    ).toMatchObject({
      ok: false,
    });
  });

  it("refuses hostile input as a wrong password, without counting it", async () => {
    for (const raw of [{ email: "a\u0000@exemple.fr", password: "x" }, { email: "x".repeat(300), password: "x" }, "pas un objet", null]) {
      expect(await authorizePassword(t.db, raw, from("192.0.2.11"))).toEqual({ ok: false, code: "invalid" });
    }
  });
});
