/**
 * Recovery codes: ten per enrolment, shown once, each usable once, kept only as a keyed hash. Ten characters
 * from an alphabet without look-alikes (no 0/O, 1/I/L), about 49 bits each: out of reach of guessing under the
 * code-entry rate limit, so a fast keyed hash is enough (no password hashing).
 */
import { randomInt } from "node:crypto";
import { purposeHmac } from "@/lib/crypto/secret-box";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 10;

/** "XXXXX-XXXXX": the form shown to the person, in two halves for reading aloud and copying. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** What was typed, case, spaces and dashes aside; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(value: string): string | null {
  const compact = value.replace(/[\s-]/g, "").toUpperCase();
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return compact;
}

export function recoveryCodeHash(normalized: string): string {
  return purposeHmac("mfa-recovery", normalized);
}
