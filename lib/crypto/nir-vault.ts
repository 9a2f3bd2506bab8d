import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { authSecret, purposeKey } from "./keys";

/**
 * NIRs are stored encrypted (AES-256-GCM, random IV) and indexed by a keyed hash, so duplicates can be
 * found without ever storing or comparing the number in clear. Format: v1.<iv>.<tag>.<ciphertext> (base64url).
 */
function encryptionKey(): Buffer {
  const configured = env().NIR_ENCRYPTION_KEY;
  if (configured) return Buffer.from(configured, "base64");
  // Development and tests only: production refuses to start without NIR_ENCRYPTION_KEY (lib/env.ts).
  return Buffer.from(hkdfSync("sha256", authSecret(), "sillage", "nir-dev-encryption", 32));
}

export function encryptNir(nir: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(nir, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptNir(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("unknown NIR storage format");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed hash of a normalised NIR, for duplicate detection (same NIR ⇒ same hash). */
export function nirIndex(normalizedNir: string): string {
  return createHmac("sha256", purposeKey("nir-index")).update(normalizedNir).digest("hex");
}
