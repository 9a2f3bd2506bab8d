import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { Transmission } from "@/db/schema";
import type { RecipientId } from "@/lib/data-map/recipients";
import { purposeKey } from "@/lib/crypto/keys";

export type SendResult = { ok: true; ack: string } | { ok: false; permanent: boolean; error: string };

/**
 * A delivery channel to one recipient. `error` must be technical (code, HTTP status, short reason),
 * never personal data: it is stored in the outbox and the ledger.
 * Delivery is at-least-once: the recipient deduplicates on `idempotencyKey`.
 */
export interface TransmissionAdapter {
  send(t: Transmission): Promise<SendResult>;
}

export type AdapterFor = (recipient: RecipientId) => TransmissionAdapter | undefined;

/** Default of TRANSMISSIONS_DROP_DIR (lib/env.ts). */
export const DEFAULT_DROP_DIR = ".data/depot";

/** The document a recipient receives: the whitelisted payload plus what it needs to deduplicate and check. */
export function transmissionDocument(t: Transmission) {
  return {
    id: t.id,
    idempotencyKey: t.idempotencyKey,
    recipient: t.recipient,
    finality: t.finality,
    kind: t.kind,
    createdAt: t.createdAt.toISOString(),
    fieldNames: t.fieldNames,
    payloadHash: t.payloadHash,
    payload: t.payload,
  };
}

/** HMAC-SHA256 (hex) of the exact bytes of a dropped file. */
export function signDrop(content: string | Buffer): string {
  return createHmac("sha256", purposeKey("transmission")).update(content).digest("hex");
}

export function verifyDropSignature(content: string | Buffer, signature: string): boolean {
  const expected = Buffer.from(signDrop(content), "hex");
  const given = Buffer.from(signature.trim(), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * File drop: one `<transmission id>.json` per transfer in the folder (TRANSMISSIONS_DROP_DIR, default
 * .data/depot) and its signature in `<id>.json.sig`. Files are written under a temporary name and
 * renamed, signature first, so a reader never sees a half-written or unsigned file. Re-sending the same
 * transfer rewrites the same file. The acknowledgement is the file name.
 */
export function fileDropAdapter(options: { dir?: string } = {}): TransmissionAdapter {
  return {
    async send(t) {
      const dir = path.resolve(options.dir ?? env().TRANSMISSIONS_DROP_DIR);
      const name = `${t.id}.json`;
      const content = `${JSON.stringify(transmissionDocument(t), null, 2)}\n`;
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeAtomically(path.join(dir, `${name}.sig`), `${signDrop(content)}\n`);
        await writeAtomically(path.join(dir, name), content);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "inconnue";
        // EACCES, EROFS…: a person must fix the folder, retrying will not help.
        const permanent = code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOTDIR";
        return { ok: false, permanent, error: `depot_fichier: ${code}` };
      }
      return { ok: true, ack: name };
    },
  };
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: 0o600 });
  await rename(tmp, file);
}
