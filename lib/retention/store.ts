import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { retentionRunItems, retentionRuns, type RetentionRun } from "@/db/schema";

/** The advisory lock that serialises claiming a run, across every worker and instance of one database. */
export const RETENTION_LOCK_KEY = 7_310_018_003n;

/** A run whose heartbeat is older than this lost its worker (killed, host gone): the next claim takes over. */
export const STALE_AFTER_MS = 10 * 60_000;

export type RetentionTrigger = "worker" | "commande" | "dpo";

export interface ClaimRequest {
  dryRun: boolean;
  trigger: RetentionTrigger;
  requestedBy?: string | null;
  /** host:pid of the process that will run it. */
  claimedBy: string;
  now: Date;
  /**
   * The worker's schedule: no new run if a real scheduled run started less than this ago, so N workers on one
   * database make one run per period, not N.
   */
  minIntervalMs?: number;
}

export type ClaimResult = { ok: true; run: RetentionRun } | { ok: false; reason: "occupe" | "recent"; runningId?: string };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * Claims the one run allowed at a time, inside `tx`: the transaction-level advisory lock makes the check and
 * the insert atomic across connections (on PGlite, one connection, it is always granted). A run still beating
 * refuses the claim; a run whose heartbeat went stale is closed as failed, then replaced.
 */
export async function claimRun(tx: Tx, request: ClaimRequest): Promise<ClaimResult> {
  const [lock] = rowsOf<{ locked: boolean }>(
    await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY.toString()}::bigint) as locked`),
  );
  if (!lock?.locked) return { ok: false, reason: "occupe" };
  const running = await tx.select().from(retentionRuns).where(eq(retentionRuns.status, "en_cours")).for("update");
  const staleBefore = new Date(request.now.getTime() - STALE_AFTER_MS);
  for (const run of running) {
    if (run.heartbeatAt >= staleBefore) return { ok: false, reason: "occupe", runningId: run.id };
  }
  for (const run of running) {
    await tx
      .update(retentionRuns)
      .set({ status: "echec", finishedAt: request.now, lastError: "interrompu" })
      .where(and(eq(retentionRuns.id, run.id), eq(retentionRuns.status, "en_cours")));
  }
  if (request.minIntervalMs) {
    const since = new Date(request.now.getTime() - request.minIntervalMs);
    const [recent] = await tx
      .select({ id: retentionRuns.id })
      .from(retentionRuns)
      .where(
        and(
          eq(retentionRuns.trigger, request.trigger),
          eq(retentionRuns.dryRun, false),
          gt(retentionRuns.startedAt, since),
          sql`${retentionRuns.status} <> 'echec'`,
        ),
      )
      .orderBy(desc(retentionRuns.startedAt))
      .limit(1);
    if (recent) return { ok: false, reason: "recent" };
  }
  const [run] = await tx
    .insert(retentionRuns)
    .values({
      dryRun: request.dryRun,
      trigger: request.trigger,
      requestedBy: request.requestedBy ?? null,
      claimedBy: request.claimedBy,
      startedAt: request.now,
      heartbeatAt: request.now,
    })
    .returning();
  if (!run) throw new Error("retention run not created");
  return { ok: true, run };
}

export type StepCounts = { examined: number; done: number; skipped: number };

/** Thrown when the run's row is no longer ours (taken over after a stale heartbeat): the run stops there. */
export class RunTakenOver extends Error {
  constructor() {
    super("retention run taken over");
    this.name = "RunTakenOver";
  }
}

/** Heartbeat with progress and counts; refuses (RunTakenOver) once the run is no longer `en_cours`. */
export async function beat(
  db: DbOrTx,
  runId: string,
  state: { progress: { done: number; total: number }; counts: Record<string, StepCounts> },
): Promise<void> {
  const rows = await db
    .update(retentionRuns)
    .set({ heartbeatAt: new Date(), progress: state.progress, counts: state.counts })
    .where(and(eq(retentionRuns.id, runId), eq(retentionRuns.status, "en_cours")))
    .returning({ id: retentionRuns.id });
  if (rows.length === 0) throw new RunTakenOver();
}

export async function finishRun(
  db: DbOrTx,
  runId: string,
  outcome: { status: "termine" | "echec"; counts: Record<string, StepCounts>; progress: { done: number; total: number }; error?: string },
): Promise<void> {
  await db
    .update(retentionRuns)
    .set({
      status: outcome.status,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
      counts: outcome.counts,
      progress: outcome.progress,
      lastError: outcome.error ?? null,
    })
    .where(and(eq(retentionRuns.id, runId), eq(retentionRuns.status, "en_cours")));
}

export type RunItem = typeof retentionRunItems.$inferInsert;

export async function writeItems(db: DbOrTx, items: RunItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 500) await db.insert(retentionRunItems).values(items.slice(i, i + 500));
}
