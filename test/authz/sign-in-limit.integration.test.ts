/**
 * The per-address sign-in limit (issue 17, gap 5): one password tried across many accounts from one client
 * address is stopped by SIGN_IN_LIMIT_PER_IP, before any account's own lockout would notice — and an address
 * the client writes into X-Forwarded-For itself does not make it someone else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { authorizePassword } from "@/lib/auth/password-sign-in";
import { useTestDatabase } from "@/test/db";

const LIMIT = 5;

describe("SIGN_IN_LIMIT_PER_IP", () => {
  const t = useTestDatabase();
  const previous = process.env.SIGN_IN_LIMIT_PER_IP;
  beforeAll(async () => {
    // Read once per process by lib/env.ts: set before the first sign-in of this file.
    process.env.SIGN_IN_LIMIT_PER_IP = String(LIMIT);
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 1 });
  });
  afterAll(() => {
    process.env.SIGN_IN_LIMIT_PER_IP = previous;
  });

  // The proxy in front appends the socket's address; what lies left of it was typed by the client.
  const from = (client: string, spoofed?: string) =>
    new Headers({ "x-forwarded-for": spoofed ? `${spoofed}, ${client}` : client, "user-agent": "curl/8.5" });

  it("stops one password sprayed across many accounts from one address, even when the next try is right", async () => {
    const sprayed = DEMO_ACCOUNTS.map((a) => a.email);
    expect(sprayed.length).toBeGreaterThan(LIMIT);
    for (const [i, email] of sprayed.slice(0, LIMIT).entries()) {
      // A different forged address each time: the limit counts the address the proxy saw.
      const result = await authorizePassword(t.db, { email, password: "Printemps-2026!" }, from("203.0.113.9", `10.0.0.${i + 1}`));
      expect(result, email).toEqual({ ok: false, code: "invalid" });
    }
    // Each account was tried once only (far from its own lockout): only the per-address limit can stop this.
    for (const email of sprayed.slice(LIMIT)) {
      const result = await authorizePassword(t.db, { email, password: "Printemps-2026!" }, from("203.0.113.9", "198.18.0.1"));
      expect(result.ok, email).toBe(false);
      if (!result.ok) expect(result.code, email).toMatch(/^limited:/);
    }
    const right = await authorizePassword(t.db, { email: "conseillere.lyon@sillage.demo", password: DEMO_PASSWORD }, from("203.0.113.9"));
    expect(right.ok).toBe(false);
    if (!right.ok) expect(right.code).toMatch(/^limited:\d{4}-\d\d-\d\dT/);
  });

  it("leaves other addresses alone: the same account signs in from elsewhere", async () => {
    const result = await authorizePassword(
      t.db,
      { email: "conseillere.lyon@sillage.demo", password: DEMO_PASSWORD },
      from("198.51.100.77"),
    );
    expect(result.ok).toBe(true);
  });
});
