/**
 * Rules of the Mon espace sign-in without a password: a 6-digit code (10 minutes, single use) and a magic link
 * in the same e-mail, or the 72-hour link of an invitation sent from the dossier. Only keyed hashes are stored:
 * the code (HMAC, compared in constant time) and the link's token (SHA-256 of 32 random bytes).
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { purposeKey } from "@/lib/crypto/keys";
import { LINK_PATH } from "./code-paths";

export const CODE_TTL_MS = 10 * 60_000;
export const INVITATION_LINK_TTL_MS = 72 * 60 * 60_000;
/** Five wrong codes lock the address for fifteen minutes, whether or not it has an account. */
export const CODE_LOCKOUT = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

export type SignInCodePurpose = "connexion" | "invitation";

const CODE_SHAPE = /^\d{6}$/;
/** 32 random bytes in base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Six digits, uniformly drawn (leading zeros kept). */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** What a person types, cleaned: spaces, dots and dashes between the digits are dropped ("123 456"). */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s.-]/g, "");
}

export function isCodeShaped(code: string): boolean {
  return CODE_SHAPE.test(code);
}

export function isLinkTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The keyed hash of a code, bound to the account's address: a stolen table gives nothing to brute-force offline. */
export function hashCode(email: string, code: string): string {
  return createHmac("sha256", purposeKey("sign-in-code")).update(`${email.trim().toLowerCase()}\n${code}`).digest("hex");
}

/** Compares a typed code with a stored hash in constant time (same length whatever was typed). */
export function codeMatches(storedHash: string, email: string, typed: string): boolean {
  const expected = Buffer.from(storedHash, "hex");
  const actual = Buffer.from(hashCode(email, typed), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newLinkToken(): { token: string; linkHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, linkHash: hashLinkToken(token) };
}

export function signInLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}${LINK_PATH}/${token}`;
}
