import "server-only";
import { and, count, desc, eq, gt, type SQL } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { retentionRunItems, retentionRuns, type RetentionRun } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { structureScope } from "@/lib/auth/session-user";
import { RETENTION_RULES, type RetentionRule } from "./run";
import { STALE_AFTER_MS, type StepCounts } from "./store";

export const RUNS_PAGE_SIZE = 20;
export const ITEMS_PAGE_SIZE = 50;

export interface RetentionRunRow {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  dryRun: boolean;
  trigger: string;
  /** "interrompu": still `en_cours` but its worker stopped beating (the next run closes it). */
  status: RetentionRun["status"] | "interrompu";
  counts: Record<RetentionRule, StepCounts>;
  progress: { done: number; total: number };
  durationMs: number | null;
}

function toRow(run: RetentionRun, now: Date): RetentionRunRow {
  const zero = { examined: 0, done: 0, skipped: 0 };
  const stale = run.status === "en_cours" && now.getTime() - run.heartbeatAt.getTime() > STALE_AFTER_MS;
  return {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    dryRun: run.dryRun,
    trigger: run.trigger,
    status: stale ? "interrompu" : run.status,
    counts: Object.fromEntries(RETENTION_RULES.map((r) => [r, run.counts[r] ?? zero])) as Record<RetentionRule, StepCounts>,
    progress: run.progress,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  };
}

/**
 * The retention runs, newest first. Runs are platform-wide (their counts cover every structure and name nobody),
 * so every role with `conservation.read` sees the same list; the items are scoped (retentionRunDetail).
 */
export async function listRetentionRuns(
  _user: SessionUser,
  options: { page?: number; pageSize?: number; db?: DbOrTx; now?: Date } = {},
): Promise<{ rows: RetentionRunRow[]; total: number; page: number; pageCount: number; running: boolean }> {
  const db = options.db ?? (await getDb());
  const pageSize = options.pageSize ?? RUNS_PAGE_SIZE;
  const [{ n }] = (await db.select({ n: count() }).from(retentionRuns)) as [{ n: number }];
  const pageCount = Math.max(1, Math.ceil(n / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const runs = await db
    .select()
    .from(retentionRuns)
    .orderBy(desc(retentionRuns.startedAt), desc(retentionRuns.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const now = options.now ?? new Date();
  const rows = runs.map((r) => toRow(r, now));
  // A run that stopped beating does not block a new one (the next claim closes it): not "running" here either.
  const [live] = await db
    .select({ id: retentionRuns.id })
    .from(retentionRuns)
    .where(and(eq(retentionRuns.status, "en_cours"), gt(retentionRuns.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS))))
    .limit(1);
  return { rows, total: n, page, pageCount, running: Boolean(live) };
}

export interface RetentionItemRow {
  rule: RetentionRule;
  targetType: string;
  targetId: string;
  outcome: "fait" | "prevu" | "ignore";
  reason: string | null;
}

/**
 * One run and the page of its items the caller may see: a structure's DPO or director its own structure's
 * targets only (the others are counted in the run, not listed); the admin every item. null: no such run.
 */
export async function retentionRunDetail(
  user: SessionUser,
  runId: string,
  options: { page?: number; rule?: RetentionRule | null; db?: DbOrTx; now?: Date } = {},
): Promise<{
  run: RetentionRunRow;
  items: RetentionItemRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Items visible to the caller, per rule and outcome (the run's own counts cover every structure). */
  visible: Record<RetentionRule, { fait: number; prevu: number; ignore: number }>;
} | null> {
  const db = options.db ?? (await getDb());
  const [run] = await db.select().from(retentionRuns).where(eq(retentionRuns.id, runId));
  if (!run) return null;
  const scope = structureScope(user);
  const base: SQL[] = [eq(retentionRunItems.runId, runId)];
  if (scope) base.push(eq(retentionRunItems.structureId, scope));
  const grouped = await db
    .select({ rule: retentionRunItems.rule, outcome: retentionRunItems.outcome, n: count() })
    .from(retentionRunItems)
    .where(and(...base))
    .groupBy(retentionRunItems.rule, retentionRunItems.outcome);
  const visible = Object.fromEntries(RETENTION_RULES.map((r) => [r, { fait: 0, prevu: 0, ignore: 0 }])) as Record<
    RetentionRule,
    { fait: number; prevu: number; ignore: number }
  >;
  for (const g of grouped) {
    const slot = visible[g.rule as RetentionRule];
    if (slot && (g.outcome === "fait" || g.outcome === "prevu" || g.outcome === "ignore")) slot[g.outcome] += g.n;
  }
  const where = options.rule ? [...base, eq(retentionRunItems.rule, options.rule)] : base;
  const total = options.rule ? Object.values(visible[options.rule]).reduce((a, b) => a + b, 0) : grouped.reduce((a, g) => a + g.n, 0);
  const pageCount = Math.max(1, Math.ceil(total / ITEMS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const items = await db
    .select({
      rule: retentionRunItems.rule,
      targetType: retentionRunItems.targetType,
      targetId: retentionRunItems.targetId,
      outcome: retentionRunItems.outcome,
      reason: retentionRunItems.reason,
    })
    .from(retentionRunItems)
    .where(and(...where))
    .orderBy(retentionRunItems.rule, retentionRunItems.outcome, retentionRunItems.targetId)
    .limit(ITEMS_PAGE_SIZE)
    .offset((page - 1) * ITEMS_PAGE_SIZE);
  return {
    run: toRow(run, options.now ?? new Date()),
    items: items as RetentionItemRow[],
    total,
    page,
    pageCount,
    visible,
  };
}
