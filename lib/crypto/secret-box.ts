import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { authSecret } from "./keys";

/**
 * Small secrets stored encrypted (AES-256-GCM, random IV), one key per purpose derived (HKDF-SHA256) from the
 * same key material as the NIR vault (NIR_ENCRYPTION_KEY, required in production; the application secret in
 * development and tests). The caller's `context` (an account id…) is bound as associated data: a value
 * copied onto another row does not open. Format: v1.<iv>.<tag>.<ciphertext> (base64url).
 */
export type SecretPurpose = "mfa-secret" | "mfa-enrolment";

const keys = new Map<string, Buffer>();

function material(): Buffer {
  const configured = env().NIR_ENCRYPTION_KEY;
  return configured ? Buffer.from(configured, "base64") : Buffer.from(authSecret(), "utf8");
}

function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", material(), "sillage", `secret-box:${purpose}`, 32));
    keys.set(purpose, key);
  }
  return key;
}

export function sealSecret(purpose: SecretPurpose, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The plaintext, or null when the value was altered, sealed for another purpose or context, or malformed. */
export function openSecret(purpose: SecretPurpose, stored: string, context: string): string | null {
  const [version, iv, tag, ciphertext, extra] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Keyed hash for one purpose (HMAC-SHA256): high-entropy codes are compared without being stored. */
export function purposeHmac(purpose: "mfa-recovery", value: string): string {
  return createHmac("sha256", keyFor(`hmac:${purpose}`))
    .update(value)
    .digest("hex");
}
