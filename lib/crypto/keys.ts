import { createHash, createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Development-only fallback so that `npm run dev` works without configuration.
 * The environment schema refuses to start in production without AUTH_SECRET.
 */
const DEV_SECRET = "sillage-development-secret-do-not-use-in-production";

export function authSecret(): string {
  return env().AUTH_SECRET ?? DEV_SECRET;
}

const derived = new Map<string, Buffer>();

/** A 32-byte key for one purpose, derived from the application secret (HKDF-SHA256). */
export function purposeKey(purpose: "audit" | "throttle" | "nir-index" | "transmission" | "sign-in-code"): Buffer {
  let key = derived.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", authSecret(), "sillage", purpose, 32));
    derived.set(purpose, key);
  }
  return key;
}

/** Canonical JSON: keys sorted, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

/** Keyed hash of a record: proves what it was without storing it (and cannot be brute-forced without the key). */
export function recordHash(value: unknown): string {
  return createHmac("sha256", purposeKey("audit")).update(canonicalJson(value)).digest("hex");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
