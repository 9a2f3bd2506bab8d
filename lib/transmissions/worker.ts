import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jeunes, transmissions, type Transmission } from "@/db/schema";
import type { AdapterFor, SendResult } from "./adapters";
import { ledgerBase, requireFlow } from "./enqueue";
import { NOTICE_KIND_LIST, isNoticeKind } from "./kinds";
import { appendLedger } from "./ledger";

/** After this many failed attempts a transfer is abandoned (dead letter) for a person to look at. */
export const MAX_ATTEMPTS = 8;

/** Delay before the next attempt after `attempts` failures: 1, 2, 4, 8… minutes. */
export function backoffMs(attempts: number): number {
  return 2 ** Math.max(0, attempts - 1) * 60_000;
}

export interface DeliveryReport {
  accusees: number;
  echecs: number;
  rejetees: number;
  abandonnees: number;
  retenues: number;
  /** Due transfers left untouched because no channel is configured for their recipient. */
  sansCanal: number;
}

/** Adapter errors end up in the outbox and the ledger: keep them short, and never trust them blindly. */
function technicalError(error: string): string {
  return error.replace(/\s+/g, " ").slice(0, 200);
}

const NOTICE_SQL = sql.join(
  NOTICE_KIND_LIST.map((k) => sql`${k}`),
  sql`, `,
);

/**
 * Delivers the transfers due at `now`, one transaction per transfer: the row is locked
 * (`for update skip locked`, so several workers can run), the limitation is checked again, the adapter
 * is called and the outcome recorded with its ledger entries. Per young person and recipient, transfers
 * leave in creation order: one waits while an earlier one is still pending (an art. 19 notice does not wait
 * behind transfers held by a limitation: it is what tells the recipient of it). Delivery is at-least-once
 * (a crash after sending and before commit sends again; recipients deduplicate on the idempotency key).
 * `onlyId` restricts the pass to one transfer ("Envoyer maintenant"), with the same rules; once `signal` is
 * aborted (the worker's SIGTERM) no further transfer is taken.
 */
export async function deliverDue(
  db: Db,
  adapterFor: AdapterFor,
  now: Date = new Date(),
  options: { limit?: number; onlyId?: string; signal?: AbortSignal } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { accusees: 0, echecs: 0, rejetees: 0, abandonnees: 0, retenues: 0, sansCanal: 0 };
  const skipped: string[] = [];
  const limit = options.limit ?? 100;

  for (let i = 0; i < limit; i++) {
    // A worker asked to stop finishes the transfer in hand and starts no other.
    if (options.signal?.aborted) break;
    const done = await db.transaction(async (tx) => {
      const [t] = await tx
        .select()
        .from(transmissions)
        .where(
          and(
            inArray(transmissions.status, ["a_envoyer", "echec_temporaire"]),
            or(isNull(transmissions.nextAttemptAt), lte(transmissions.nextAttemptAt, now)),
            skipped.length > 0 ? notInArray(transmissions.id, skipped) : undefined,
            options.onlyId ? eq(transmissions.id, options.onlyId) : undefined,
            sql`not exists (select 1 from transmissions as earlier where earlier.jeune_id = ${transmissions.jeuneId}
              and earlier.recipient = ${transmissions.recipient}
              and (earlier.status in ('a_envoyer', 'echec_temporaire', 'envoyee')
                or (earlier.status = 'retenue' and ${transmissions.kind} not in (${NOTICE_SQL})))
              and (earlier.created_at < ${transmissions.createdAt} or (earlier.created_at = ${transmissions.createdAt} and earlier.id < ${transmissions.id})))`,
          ),
        )
        .orderBy(asc(transmissions.nextAttemptAt), asc(transmissions.createdAt), asc(transmissions.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!t) return true;

      const base = ledgerBase(t, requireFlow(t));
      const [jeune] = await tx.select({ limitationDepuis: jeunes.limitationDepuis }).from(jeunes).where(eq(jeunes.id, t.jeuneId));
      if (!jeune || (jeune.limitationDepuis !== null && !isNoticeKind(t.kind))) {
        await tx.update(transmissions).set({ status: "retenue", nextAttemptAt: null }).where(eq(transmissions.id, t.id));
        await appendLedger(tx, { ...base, event: "retenue", detail: { motif: "limitation", moment: "envoi" } });
        report.retenues += 1;
        return false;
      }

      const adapter = adapterFor(t.recipient);
      if (!adapter) {
        skipped.push(t.id);
        report.sansCanal += 1;
        return false;
      }

      const result = await safeSend(adapter.send.bind(adapter), t);
      const attempt = t.attempts + 1;
      if (result.ok) {
        await tx
          .update(transmissions)
          .set({
            status: "accusee",
            attempts: attempt,
            sentAt: now,
            acknowledgedAt: now,
            acknowledgement: result.ack,
            lastError: null,
            nextAttemptAt: null,
          })
          .where(eq(transmissions.id, t.id));
        await appendLedger(tx, { ...base, event: "envoyee", detail: { tentative: attempt } });
        await appendLedger(tx, { ...base, event: "accusee", detail: { accuse: result.ack } });
        report.accusees += 1;
        return false;
      }

      const error = technicalError(result.error);
      if (result.permanent) {
        await tx
          .update(transmissions)
          .set({ status: "rejetee", attempts: attempt, lastError: error, nextAttemptAt: null })
          .where(eq(transmissions.id, t.id));
        await appendLedger(tx, { ...base, event: "rejetee", detail: { tentative: attempt, erreur: error } });
        report.rejetees += 1;
        return false;
      }

      await appendLedger(tx, { ...base, event: "echec", detail: { tentative: attempt, erreur: error } });
      if (attempt >= MAX_ATTEMPTS) {
        await tx
          .update(transmissions)
          .set({ status: "abandonnee", attempts: attempt, lastError: error, nextAttemptAt: null })
          .where(eq(transmissions.id, t.id));
        await appendLedger(tx, { ...base, event: "abandonnee", detail: { tentatives: attempt } });
        report.abandonnees += 1;
      } else {
        await tx
          .update(transmissions)
          .set({
            status: "echec_temporaire",
            attempts: attempt,
            lastError: error,
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempt)),
          })
          .where(eq(transmissions.id, t.id));
        report.echecs += 1;
      }
      return false;
    });
    if (done) break;
  }
  return report;
}

async function safeSend(send: (t: Transmission) => Promise<SendResult>, t: Transmission): Promise<SendResult> {
  try {
    return await send(t);
  } catch (error) {
    // The message of an unexpected error may quote the payload: keep only its class.
    return { ok: false, permanent: false, error: `exception: ${error instanceof Error ? error.name : "inconnue"}` };
  }
}
