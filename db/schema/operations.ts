import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { staffId } from "./foreign-keys";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const runStatutEnum = pgEnum("run_statut", ["en_cours", "termine", "echec"]);

/**
 * One run of the retention rules (the worker's schedule, `npm run retention:run`, or a DPO's dry run).
 * One run at a time across every worker and instance; counts per rule; progress while it runs.
 */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: id(),
    /** A dry run lists what would go (retention_run_items) and changes nothing. */
    dryRun: boolean("dry_run").notNull().default(false),
    /** "worker", "commande", "dpo". */
    trigger: text("trigger").notNull(),
    requestedBy: staffId("requested_by"),
    status: runStatutEnum("status").notNull().default("en_cours"),
    /** Which worker holds it (host:pid). */
    claimedBy: text("claimed_by"),
    startedAt: at("started_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
    heartbeatAt: at("heartbeat_at").notNull().defaultNow(),
    /** Per rule: { [rule]: { examined, done, skipped } }. */
    counts: jsonb("counts").$type<Record<string, { examined: number; done: number; skipped: number }>>().notNull().default({}),
    /** { done, total } while running. */
    progress: jsonb("progress").$type<{ done: number; total: number }>().notNull().default({ done: 0, total: 0 }),
    lastError: text("last_error"),
  },
  (t) => [index("retention_runs_started_idx").on(t.startedAt)],
);

/** What a run anonymised or purged (or, for a dry run, would): one row per target. */
export const retentionRunItems = pgTable(
  "retention_run_items",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => retentionRuns.id, { onDelete: "cascade" }),
    /** The rule applied: "dossiers", "consultations", "codes", "sessions", "comptes"… */
    rule: text("rule").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    structureId: uuid("structure_id"),
    /** "fait", "prevu" (dry run), "ignore" (limitation, legal hold) with the reason. */
    outcome: text("outcome").notNull(),
    reason: text("reason"),
  },
  (t) => [index("retention_run_items_run_idx").on(t.runId, t.rule)],
);

/** Each walk of the transfer ledger's hash chain (`ledger:verify`, run by the worker), with its result. */
export const ledgerVerifications = pgTable(
  "ledger_verifications",
  {
    id: id(),
    startedAt: at("started_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
    ok: boolean("ok"),
    entriesChecked: integer("entries_checked").notNull().default(0),
    /** The first entry whose hash does not follow, when the chain is broken. */
    firstBadSeq: bigint("first_bad_seq", { mode: "number" }),
    error: text("error"),
  },
  (t) => [index("ledger_verifications_started_idx").on(t.startedAt)],
);

export type RetentionRun = typeof retentionRuns.$inferSelect;
