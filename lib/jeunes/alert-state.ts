/**
 * The stored alert state (db/schema/alert-state.ts): per young person, the flags of every alert of
 * ALERTS and the current ISO week's validated CEJ minutes, written by ONE statement from the very SQL
 * the portfolio evaluates live (`when` of each alert, `cejWeekMinutesSql`), so stored and live cannot
 * drift apart by construction; an integration test checks them equal after writes and after the worker.
 *
 * Who keeps it:
 * - every write that changes an input declares `refreshes: [ALERT_STATE]` and runAction calls
 *   `refreshAlertState` for its files after the handler, in the same transaction;
 * - any other change to what the alerts read (the delivery worker, the retention run, a seed, a write
 *   that declares no refresh) deletes the file's row, by the triggers of migration 0016: the portfolio
 *   computes a missing row live, so the stored state is never wrong, at worst absent;
 * - the worker (`refreshDueAlertState`) recomputes what changes with time alone (a new day: contract
 *   ending within 30 days, no contact for 30 days, residence permit, minors, a new ISO week), and the
 *   rows missing (backfill on first run, rows forgotten by the triggers).
 */
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alertState, jeunes } from "@/db/schema";
import type { DerivedStateRefresh } from "@/lib/actions/run";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { ALERTS, type AlertContext, type AlertKey } from "./alerts";
import { cejWeekMinutesSql } from "./alerts-parcours";

/** The stored flag of each alert: the column of alert_state named after its key. */
export const ALERT_STATE_COLUMN: Record<AlertKey, SQL> = Object.fromEntries(
  ALERTS.map((a) => [a.key, sql.raw(`"alert_state"."${a.key}"`)]),
) as Record<AlertKey, SQL>;

/** No alert condition reads the viewer: the state is the same for every reader. */
const stateContext = (today: CivilDate): AlertContext => ({ today, userId: "" });

/**
 * Recomputes the stored state of these young people for `today` (default: today in Paris), in the
 * caller's transaction. Ids that name no file are ignored; rows are written in id order, so two writes
 * refreshing overlapping sets lock them in the same order.
 */
export async function refreshAlertState(tx: DbOrTx, jeuneIds: readonly string[], today: CivilDate = todayInParis(new Date())) {
  const ids = [...new Set(jeuneIds)].sort();
  if (ids.length === 0) return;
  await upsertState(tx, inArray(jeunes.id, ids), today);
}

/**
 * Recomputes every file of one structure in one transaction: a backfill (the large seed, a structure
 * brought in by an import), where walking the due rows batch by batch would re-read the whole table.
 */
export async function refreshStructureAlertState(db: DbOrTx, structureId: string, today: CivilDate): Promise<number> {
  const [row] = await db.transaction(async (tx) => {
    await upsertState(tx, eq(jeunes.structureId, structureId), today);
    return tx
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(alertState)
      .where(eq(alertState.structureId, structureId));
  });
  return row?.n ?? 0;
}

async function upsertState(tx: DbOrTx, where: SQL, today: CivilDate) {
  const ctx = stateContext(today);
  const monday = isoWeekOf(today).start;
  const columns = ALERTS.map((a) => sql.raw(`"${a.key}"`));
  const flags = ALERTS.map((a) => sql`coalesce((${a.when(ctx)}), false)`);
  const updates = [
    "structure_id",
    "conseiller_id",
    "antenne_id",
    "dispositif",
    "statut",
    "computed_on",
    ...ALERTS.map((a) => a.key),
    "semaine",
    "cej_minutes_validees",
    "updated_at",
  ];
  await tx.execute(sql`insert into alert_state (jeune_id, structure_id, conseiller_id, antenne_id, dispositif, statut, computed_on, ${sql.join(columns, sql`, `)}, semaine, cej_minutes_validees, updated_at)
    select ${jeunes.id}, ${jeunes.structureId}, ${jeunes.conseillerId}, ${jeunes.antenneId}, ${jeunes.dispositif}, ${jeunes.statut}, ${today}::date, ${sql.join(flags, sql`, `)},
      ${monday}::date, ${cejWeekMinutesSql(sql`${jeunes.id}`, monday, "validees")}, clock_timestamp()
    from ${jeunes} where ${where} order by ${jeunes.id}
    on conflict (jeune_id) do update set ${sql.raw(updates.map((c) => `"${c}" = excluded."${c}"`).join(", "))}`);
}

/**
 * The rows the worker recomputes: never computed, or forgotten (the triggers of migration 0016 delete a
 * file's row when anything its alerts read changes outside a refreshing action: transfers delivered or
 * abandoned by the worker, the retention run, a seed), or computed on another day. At most `limit` ids.
 */
function dueIds(db: DbOrTx, today: CivilDate, limit: number, after: string | null) {
  const due = sql`(${alertState.jeuneId} is null or ${alertState.computedOn} <> ${today}::date)`;
  return db
    .select({ id: jeunes.id })
    .from(jeunes)
    .leftJoin(alertState, sql`${alertState.jeuneId} = ${jeunes.id}`)
    .where(after ? sql`${jeunes.id} > ${after} and ${due}` : due)
    .orderBy(asc(jeunes.id))
    .limit(limit);
}

export interface AlertStateRefreshReport {
  refreshed: number;
}

/**
 * The worker's pass: recomputes every due row for `today`, `batch` files per transaction (a new day
 * touches every file of the country once; short transactions keep the writes of the day unblocked).
 */
export async function refreshDueAlertState(
  db: DbOrTx,
  today: CivilDate,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<AlertStateRefreshReport> {
  const batch = options.batch ?? 500;
  const maxBatches = options.maxBatches ?? 1000;
  let refreshed = 0;
  // A cursor on the id: each batch starts where the last one ended instead of walking again over the rows
  // already refreshed (a new day makes every file of the country due). A row forgotten behind the cursor
  // during the pass is taken at the next tick.
  let after: string | null = null;
  for (let i = 0; i < maxBatches; i++) {
    const ids: string[] = await db.transaction(async (tx) => {
      const due = (await dueIds(tx, today, batch, after)).map((r) => r.id);
      if (due.length > 0) await upsertState(tx, inArray(jeunes.id, due), today);
      return due;
    });
    refreshed += ids.length;
    if (ids.length < batch) break;
    after = ids[ids.length - 1]!;
  }
  return { refreshed };
}

/**
 * What a write declares to keep the stored alerts of its files in step (runAction calls it after the
 * handler, in the transaction). By default the files the gate opened; `jeuneIds` names others (a file
 * just created, the files a director reassigned).
 */
export function alertStateOf<I, T>(jeuneIds?: DerivedStateRefresh<I, T>["jeuneIds"]): DerivedStateRefresh<I, T> {
  return { name: "alert_state", jeuneIds, refresh: (tx, ids) => refreshAlertState(tx, ids) };
}

/** The common case: the files the gate opened. */
export const ALERT_STATE: DerivedStateRefresh<unknown, unknown> = alertStateOf();
