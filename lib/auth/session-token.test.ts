import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authSecret } from "@/lib/crypto/keys";
import { decodeSessionToken, readSessionClaims, SESSION_COOKIE } from "./session-token";

const claims = { sub: "u1", uid: "u1", role: "conseiller", sv: 3, sid: "s1" };
const mint = (salt: string, maxAge = 3600, token: Record<string, unknown> = claims) =>
  encode({ token, secret: authSecret(), salt, maxAge });

describe("session cookie, read without Auth.js's session route", () => {
  it("reads what Auth.js's encode wrote, for the plain and the secure cookie", async () => {
    const plain = await mint(SESSION_COOKIE);
    expect(await readSessionClaims(`other=1; ${SESSION_COOKIE}=${plain}`)).toEqual({
      id: "u1",
      role: "conseiller",
      sessionVersion: 3,
      sessionId: "s1",
    });
    const secure = await mint(`__Secure-${SESSION_COOKIE}`, 3600, { ...claims, uid: "u2" });
    // The secure cookie wins, decoded with its own salt.
    expect((await readSessionClaims(`${SESSION_COOKIE}=${plain}; __Secure-${SESSION_COOKIE}=${secure}`))?.id).toBe("u2");
  });

  it("refuses a token of another cookie name, a tampered one, an expired one, a foreign role and no cookie", async () => {
    const plain = await mint(SESSION_COOKIE);
    expect(await decodeSessionToken(plain, `__Secure-${SESSION_COOKIE}`)).toBeNull();
    const [h, k, iv, c, t] = plain.split(".");
    const flipped = `${c!.slice(0, -2)}${c!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await decodeSessionToken([h, k, iv, flipped, t].join("."), SESSION_COOKIE)).toBeNull();
    expect(await decodeSessionToken("not-a-token", SESSION_COOKIE)).toBeNull();
    const expired = await mint(SESSION_COOKIE, -60);
    expect(await decodeSessionToken(expired, SESSION_COOKIE)).toBeNull();
    expect(await readSessionClaims(`${SESSION_COOKIE}=${await mint(SESSION_COOKIE, 3600, { ...claims, role: "root" })}`)).toBeNull();
    expect(await readSessionClaims(null)).toBeNull();
    expect(await readSessionClaims("a=b")).toBeNull();
  });

  it("reads the token with the same claims as Auth.js's decode", async () => {
    const { decode } = await import("next-auth/jwt");
    const token = await mint(SESSION_COOKIE);
    const ours = await decodeSessionToken(token, SESSION_COOKIE);
    expect(ours).toEqual(await decode({ token, secret: authSecret(), salt: SESSION_COOKIE }));
  });
});
