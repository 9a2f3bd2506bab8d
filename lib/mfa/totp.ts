/**
 * TOTP (RFC 6238): 30-second steps, 6 digits, HMAC-SHA1 — what every authenticator app reads from the QR code.
 * A code is accepted for the current step and one step either side (clock drift), and only for a step later
 * than the last one accepted: a code seen once (over a shoulder, in a proxy log) cannot be played again.
 */
import { randomBytes } from "node:crypto";
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from "@oslojs/encoding";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
export const TOTP_DRIFT_STEPS = 1;
export const TOTP_ISSUER = "Sillage";

/** 160 random bits, the size RFC 4226 recommends for HMAC-SHA1. */
export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export function encodeTotpKey(key: Uint8Array): string {
  return encodeBase32NoPadding(key);
}

export function decodeTotpKey(base32: string): Uint8Array {
  return decodeBase32IgnorePadding(base32);
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000));
}

/** The code of one step (tests and the e2e journeys compute codes from the shared secret this way). */
export function totpCode(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), TOTP_DIGITS);
}

/** What was typed, spaces and dashes removed ("123 456" is what many apps display). */
export function normalizeTotpInput(value: string): string {
  return value.replace(/[\s-]/g, "");
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };

/**
 * Which step a code belongs to, within the drift window; a code of a step at or before `lastStep` is
 * "replayed". Every candidate is compared (constant time each) so the answer's timing says nothing.
 */
export function checkTotp(key: Uint8Array, code: string, now: Date, lastStep: number | null): TotpCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  const current = totpStep(now);
  let accepted: number | null = null;
  let replayed = false;
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    if (!verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) continue;
    if (lastStep !== null && step <= lastStep) replayed = true;
    else accepted ??= step;
  }
  if (accepted !== null) return { ok: true, step: accepted };
  return { ok: false, reason: replayed ? "replayed" : "invalid" };
}

/** The otpauth:// URI of the QR code: issuer Sillage, the account's e-mail as its label. */
export function totpUri(email: string, key: Uint8Array): string {
  return createTOTPKeyURI(TOTP_ISSUER, email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The secret in groups of four, for typing it into an app by hand. */
export function groupSecret(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(" ") ?? "";
}
