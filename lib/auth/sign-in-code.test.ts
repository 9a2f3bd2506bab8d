import { describe, expect, it } from "vitest";
import {
  codeMatches,
  hashCode,
  hashLinkToken,
  isCodeShaped,
  isLinkTokenShaped,
  newCode,
  newLinkToken,
  normalizeCode,
} from "./sign-in-code";

describe("sign-in code rules", () => {
  it("draws six digits, leading zeros kept", () => {
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^\d{6}$/);
  });

  it("reads a code typed with spaces, dots or dashes", () => {
    expect(normalizeCode(" 123 456 ")).toBe("123456");
    expect(normalizeCode("123-456")).toBe("123456");
    expect(isCodeShaped(normalizeCode("12 34 5"))).toBe(false);
    expect(isCodeShaped("12345a")).toBe(false);
  });

  it("keeps a keyed hash bound to the address, and compares it in constant time", () => {
    const stored = hashCode("lea@exemple.fr", "042517");
    expect(stored).not.toContain("042517");
    expect(codeMatches(stored, "LEA@exemple.fr ", "042517")).toBe(true);
    expect(codeMatches(stored, "lea@exemple.fr", "042518")).toBe(false);
    // The same code for another address does not match: a hash cannot be reused across accounts.
    expect(codeMatches(stored, "tom@exemple.fr", "042517")).toBe(false);
    // A stored value of another length is refused, never thrown on.
    expect(codeMatches("abcd", "lea@exemple.fr", "042517")).toBe(false);
  });

  it("makes link tokens of 43 characters whose SHA-256 alone is kept", () => {
    const { token, linkHash } = newLinkToken();
    expect(isLinkTokenShaped(token)).toBe(true);
    expect(hashLinkToken(token)).toBe(linkHash);
    expect(isLinkTokenShaped(`${token}/`)).toBe(false);
  });
});
