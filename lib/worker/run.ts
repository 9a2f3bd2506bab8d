import type { Db } from "@/db/client";
import { todayInParis } from "@/lib/calendar/civil-date";
import { purgeRequestDocuments } from "@/lib/droits/document-store";
import { runAccessPackJobs } from "@/lib/droits/pack-jobs";
import { refreshDueAlertState, type AlertStateRefreshReport } from "@/lib/jeunes/alert-state";
import { logger } from "@/lib/log/logger";
import { deliverMail, type MailDeliveryReport, type MailSender } from "@/lib/mail/outbox";
import { runRetention, type RetentionRunResult } from "@/lib/retention/run";
import { fileDropAdapter, type AdapterFor } from "@/lib/transmissions/adapters";
import { adapterForEnv } from "@/lib/transmissions/channels";
import { deliverDue, type DeliveryReport } from "@/lib/transmissions/worker";
import { verifyLedgerIfDue } from "@/lib/transmissions/ledger-check";

/** The channels of the environment (TRANSMISSIONS_ADAPTER: file drop by default, or https); a folder forces the file drop. */
export function defaultAdapters(dir?: string): AdapterFor {
  if (dir === undefined) return adapterForEnv();
  const adapter = fileDropAdapter({ dir });
  return () => adapter;
}

export interface WorkerTick {
  delivery: DeliveryReport;
  /** E-mails due: queued ones whose after-commit send failed or never ran, and retries after a backoff. */
  mail: MailDeliveryReport;
  retention: RetentionRunResult | null;
  /** Stored portfolio alerts recomputed: a new day or week, rows never computed, transfers or files changed outside the actions. */
  alerts: AlertStateRefreshReport;
}

/** One pass of the background work: deliver due transfers and e-mails; when asked, run the retention purge. */
export async function runWorkerOnce(
  db: Db,
  options: { now?: Date; adapters?: AdapterFor; retention?: boolean; sendMail?: MailSender; signal?: AbortSignal } = {},
): Promise<WorkerTick> {
  const now = options.now ?? new Date();
  const { signal } = options;
  const delivery = await deliverDue(db, options.adapters ?? defaultAdapters(), now, { signal });
  const mail = await deliverMail(db, { now, send: options.sendMail, signal });
  // Mon espace access packs left waiting, then those past their 7 days.
  if (!signal?.aborted) await runAccessPackJobs(db, { now });
  // One run a period across every worker (lib/retention/store.ts); the others find it done or in progress.
  const retention =
    options.retention && !signal?.aborted
      ? await runRetention(db, todayInParis(now), { now, trigger: "worker", minIntervalMs: RETENTION_EVERY_MS - 5 * 60_000 })
      : null;
  // Documents sent for a rights request: the bytes go when the request closes, or after the setting's days.
  if (options.retention && !signal?.aborted) await purgeRequestDocuments(db, now);
  const alerts = signal?.aborted ? { refreshed: 0 } : await refreshDueAlertState(db, todayInParis(now));
  return { delivery, mail, retention, alerts };
}

const RETENTION_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the background work every `intervalMs` until `stop()` is called. Ticks never overlap; a failing
 * tick is logged (codes only) and the next one tries again. `stop()` lets the item in hand (a transfer, an
 * e-mail) finish, takes no other, and resolves once the tick has returned.
 */
export function startWorkerLoop(getDb: () => Promise<Db>, options: { intervalMs?: number } = {}): { stop: () => Promise<void> } {
  let stopped = false;
  let lastRetention = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const stopping = new AbortController();
  const tick = async () => {
    if (stopped) return;
    try {
      const retention = Date.now() - lastRetention >= RETENTION_EVERY_MS;
      const result = await runWorkerOnce(await getDb(), { retention, signal: stopping.signal });
      if (retention) lastRetention = Date.now();
      // The transfer ledger's hash chain, walked once a day and its result stored for the DPO's dashboard.
      const ledger = await verifyLedgerIfDue(await getDb());
      if (ledger && !ledger.ok) logger.error({ ledger: { brokenAt: ledger.brokenAt, reason: ledger.reason } }, "transfer ledger altered");
      const { delivery, mail } = result;
      if (delivery.accusees + delivery.echecs + delivery.rejetees + delivery.abandonnees > 0)
        logger.info({ delivery }, "transfers delivered");
      if (mail.envoyes + mail.echecs + mail.abandonnes > 0) logger.info({ mail }, "mail delivered");
    } catch (error) {
      logger.error({ err: { type: error instanceof Error ? error.name : typeof error } }, "worker tick failed");
    } finally {
      if (!stopped) schedule(options.intervalMs ?? 30_000);
    }
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = tick();
    }, ms);
  };
  schedule(1_000);
  return {
    stop: async () => {
      stopped = true;
      stopping.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
