import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ledgerVerifications } from "@/db/schema";
import { type LedgerVerification, verifyLedger } from "./ledger";

/** The worker walks the chain once a day (a day after the start of the last walk, whoever ran it). */
export const LEDGER_VERIFY_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Walks the transfer ledger's hash chain and stores the walk and its result in `ledger_verifications`
 * (the DPO's dashboard reads the last one). A walk that throws is stored as failed with the error's type
 * only (never a message that could carry data), then rethrown.
 */
export async function recordLedgerVerification(db: DbOrTx, now: Date = new Date()): Promise<LedgerVerification> {
  const [row] = await db.insert(ledgerVerifications).values({ startedAt: now }).returning({ id: ledgerVerifications.id });
  try {
    const result = await verifyLedger(db);
    await db
      .update(ledgerVerifications)
      .set({ finishedAt: new Date(), ok: result.ok, entriesChecked: result.count, firstBadSeq: result.ok ? null : result.brokenAt })
      .where(eq(ledgerVerifications.id, row!.id));
    return result;
  } catch (error) {
    await db
      .update(ledgerVerifications)
      .set({ finishedAt: new Date(), ok: null, error: error instanceof Error ? error.name : "inconnue" })
      .where(eq(ledgerVerifications.id, row!.id));
    throw error;
  }
}

/** The daily walk for the worker: runs when the last completed one started a day ago or more (or never ran). */
export async function verifyLedgerIfDue(db: DbOrTx, now: Date = new Date()): Promise<LedgerVerification | null> {
  const [last] = await db
    .select({ startedAt: ledgerVerifications.startedAt })
    .from(ledgerVerifications)
    // A walk that failed or never finished (a crash) does not count: the next tick tries again.
    .where(and(isNotNull(ledgerVerifications.finishedAt), isNull(ledgerVerifications.error)))
    .orderBy(desc(ledgerVerifications.startedAt))
    .limit(1);
  if (last && now.getTime() - last.startedAt.getTime() < LEDGER_VERIFY_EVERY_MS) return null;
  return recordLedgerVerification(db, now);
}
