import { asc, desc, gt, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { transmissionLedger, type LedgerDetail, type LedgerEntry, type LedgerEvent } from "@/db/schema";
import type { FinalityId } from "@/lib/data-map/finalities";
import type { LegalBasisId } from "@/lib/data-map/legal-bases";
import type { RecipientId } from "@/lib/data-map/recipients";
import { canonicalJson, sha256Hex } from "@/lib/crypto/keys";

/** prev_hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Key of the transaction-level advisory lock that serialises appends, so the chain stays linear:
 * whoever holds it reads the last hash and takes the next id. ("SILL" in ASCII.)
 */
export const LEDGER_LOCK_KEY = 0x53494c4c;

export interface LedgerInput {
  transmissionId: string;
  jeuneId: string;
  structureId: string;
  event: LedgerEvent;
  recipient: RecipientId;
  finality: FinalityId;
  legalBasis: LegalBasisId;
  fieldNames: readonly string[];
  payloadHash: string;
  /** Non-personal context only (attempt, technical error code, acknowledgement id). */
  detail?: LedgerDetail | null;
  /** Defaults to now. */
  at?: Date;
}

type Hashed = Omit<LedgerEntry, "hash">;

/** The exact content a ledger hash covers: every column but the hash itself, in canonical JSON. */
export function ledgerHash(entry: Hashed): string {
  const content = {
    id: entry.id,
    at: entry.at.toISOString(),
    transmissionId: entry.transmissionId,
    jeuneId: entry.jeuneId,
    structureId: entry.structureId,
    event: entry.event,
    recipient: entry.recipient,
    finality: entry.finality,
    legalBasis: entry.legalBasis,
    fieldNames: [...entry.fieldNames],
    payloadHash: entry.payloadHash,
    detail: entry.detail ?? null,
  };
  return sha256Hex(entry.prevHash + canonicalJson(content));
}

/**
 * Appends one entry to the chain. Must run inside the caller's transaction (READ COMMITTED, the default):
 * the advisory lock is held until it commits, so concurrent appends queue up and each one sees the
 * previous one's committed hash.
 */
export async function appendLedger(tx: Tx, input: LedgerInput): Promise<LedgerEntry> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK_KEY}::bigint)`);
  const [last] = await tx.select({ hash: transmissionLedger.hash }).from(transmissionLedger).orderBy(desc(transmissionLedger.id)).limit(1);
  const [next] = await tx
    .select({ id: sql<string>`nextval(pg_get_serial_sequence('transmission_ledger', 'id'))`.mapWith(Number) })
    .from(sql`(values (1)) as one (x)`);
  const entry: Hashed = {
    id: Number(next!.id),
    // A JS date has millisecond precision, so the value read back from the database is the one hashed.
    at: new Date((input.at ?? new Date()).getTime()),
    transmissionId: input.transmissionId,
    jeuneId: input.jeuneId,
    structureId: input.structureId,
    event: input.event,
    recipient: input.recipient,
    finality: input.finality,
    legalBasis: input.legalBasis,
    fieldNames: [...input.fieldNames],
    payloadHash: input.payloadHash,
    detail: input.detail ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const full: LedgerEntry = { ...entry, hash: ledgerHash(entry) };
  await tx.insert(transmissionLedger).values(full);
  return full;
}

export type LedgerVerification = { ok: true; count: number } | { ok: false; brokenAt: number; reason: "hash" | "chain"; count: number };

/**
 * Walks the whole chain in id order: each entry's hash must match its content, and its prev_hash
 * the previous entry's hash. Reports the first entry that does not. (Deleting the newest entries
 * cannot be seen from the chain alone: the trigger refuses it, and an external copy of the last
 * hash would prove it.)
 */
export async function verifyLedger(db: DbOrTx, options: { batchSize?: number } = {}): Promise<LedgerVerification> {
  const batchSize = options.batchSize ?? 1000;
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(transmissionLedger)
      .where(gt(transmissionLedger.id, lastId))
      .orderBy(asc(transmissionLedger.id))
      .limit(batchSize);
    for (const row of batch) {
      if (row.prevHash !== prevHash) return { ok: false, brokenAt: row.id, reason: "chain", count };
      if (ledgerHash(row) !== row.hash) return { ok: false, brokenAt: row.id, reason: "hash", count };
      prevHash = row.hash;
      lastId = row.id;
      count += 1;
    }
    if (batch.length < batchSize) return { ok: true, count };
  }
}

/** French sentence for the command line and, later, the DPO screen. */
export function describeVerification(result: LedgerVerification): string {
  if (result.ok) {
    return result.count === 0
      ? "Registre des transmissions : vide, rien à vérifier."
      : `Registre des transmissions intègre : ${entries(result.count)}, la chaîne est continue.`;
  }
  const why =
    result.reason === "hash"
      ? "son contenu ne correspond plus à son empreinte (entrée modifiée)"
      : "elle ne suit pas l'entrée précédente (entrée supprimée, insérée ou modifiée avant elle)";
  return `Registre des transmissions ALTÉRÉ à l'entrée n° ${result.brokenAt} : ${why}. Avant elle : ${entries(result.count)}.`;
}

function entries(count: number): string {
  return count === 1 ? "1 entrée vérifiée" : `${count} entrées vérifiées`;
}
