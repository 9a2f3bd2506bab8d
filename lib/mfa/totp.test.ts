import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from "./recovery";
import { checkTotp, decodeTotpKey, encodeTotpKey, groupSecret, totpCode, totpStep, totpUri } from "./totp";

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890"; at T = 59 s the 8-digit code is 94287082.
const RFC_KEY = new TextEncoder().encode("12345678901234567890");

describe("totp", () => {
  it("computes the RFC 6238 test vectors (6 digits: the last six)", () => {
    expect(totpCode(RFC_KEY, totpStep(new Date(59_000)))).toBe("287082");
    expect(totpCode(RFC_KEY, totpStep(new Date(1_111_111_109_000)))).toBe("081804");
    expect(totpCode(RFC_KEY, totpStep(new Date(2_000_000_000_000)))).toBe("279037");
  });

  it("accepts the current step and one either side, not two", () => {
    const now = new Date("2026-12-01T10:00:15Z");
    const step = totpStep(now);
    for (const drift of [-1, 0, 1])
      expect(checkTotp(RFC_KEY, totpCode(RFC_KEY, step + drift), now, null)).toEqual({ ok: true, step: step + drift });
    for (const drift of [-2, 2])
      expect(checkTotp(RFC_KEY, totpCode(RFC_KEY, step + drift), now, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a step at or before the last one accepted as replayed, and accepts a later one", () => {
    const now = new Date("2026-12-01T10:00:15Z");
    const step = totpStep(now);
    expect(checkTotp(RFC_KEY, totpCode(RFC_KEY, step), now, step)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(RFC_KEY, totpCode(RFC_KEY, step - 1), now, step)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(RFC_KEY, totpCode(RFC_KEY, step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses anything but six digits", () => {
    const now = new Date();
    const code = totpCode(RFC_KEY, totpStep(now));
    for (const bad of ["", "12345", "1234567", `${code.slice(0, 5)}a`, ` ${code}`]) {
      expect(checkTotp(RFC_KEY, bad, now, null)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("writes the otpauth URI authenticator apps read, and the secret in groups of four", () => {
    const key = decodeTotpKey("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(encodeTotpKey(key)).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    const uri = totpUri("dpo.lyon@sillage.demo", key);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sillage:dpo\.lyon%40sillage\.demo\?/);
    expect(Object.fromEntries(new URLSearchParams(uri.split("?")[1]))).toMatchObject({
      issuer: "Sillage",
      secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
    expect(groupSecret("JBSWY3DPEHPK3PXPJB")).toBe("JBSW Y3DP EHPK 3PXP JB");
  });
});

describe("recovery codes", () => {
  it("makes ten distinct codes XXXXX-XXXXX without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
  });

  it("reads a code typed in lower case, with spaces or without the dash; refuses anything else", () => {
    expect(normalizeRecoveryCode(" abcde-23456 ")).toBe("ABCDE23456");
    expect(normalizeRecoveryCode("ABCDE 23456")).toBe("ABCDE23456");
    expect(normalizeRecoveryCode("ABCDE-2345")).toBeNull();
    expect(normalizeRecoveryCode("ABCDE-2345O")).toBeNull();
    expect(recoveryCodeHash("ABCDE23456")).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash("ABCDE23456")).not.toBe(recoveryCodeHash("ABCDE23457"));
  });
});

describe("secret box", () => {
  it("opens only with the same purpose and context, never stores in clear, refuses tampering", () => {
    const sealed = sealSecret("mfa-secret", "JBSWY3DPEHPK3PXP", "account-a");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toBe(sealSecret("mfa-secret", "JBSWY3DPEHPK3PXP", "account-a"));
    expect(openSecret("mfa-secret", sealed, "account-a")).toBe("JBSWY3DPEHPK3PXP");
    expect(openSecret("mfa-secret", sealed, "account-b")).toBeNull();
    expect(openSecret("mfa-enrolment", sealed, "account-a")).toBeNull();
    const parts = sealed.split(".");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0]! ^= 1;
    expect(openSecret("mfa-secret", [...parts.slice(0, 3), ct.toString("base64url")].join("."), "account-a")).toBeNull();
    expect(openSecret("mfa-secret", "v2.a.b.c", "account-a")).toBeNull();
  });
});
