import "server-only";
import { and, desc, eq, notInArray, sql, type SQL } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { auditLog, consultations, jeunes, structures, transmissions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  JOURNEY_PAGE_SIZE,
  NOT_CHANGES,
  PENDING_STATUSES,
  STAFF_ONLY_FIELDS,
  describeRow,
  type JourneyFilter,
  type JourneyLine,
  type JourneyRow,
} from "./journey";
import type { LineRef } from "./ligne";

/** The young person's own file, from the session only (never an id from the URL). */
function ownJeuneId(user: SessionUser): string | null {
  return user.role === "jeune" ? user.jeuneId : null;
}

interface Only {
  transferId?: string;
  consultationId?: string;
  auditId?: string;
}

/** A text sort key that orders bigserials numerically next to uuids (v7, time-ordered). */
const serialKey = (column: SQL | typeof consultations.id | typeof auditLog.id) => sql<string>`lpad(${column}::text, 20, '0')`;

/**
 * The three sources of the timeline for one young person, each ordered as its (jeune_id, at) index
 * (transmissions_jeune_idx, consultations_jeune_at_idx, audit_jeune_at_idx) so a limit stops the scan.
 */
function branches(db: DbOrTx, jeuneId: string, filtre: JourneyFilter, only: Only = {}) {
  const pending = sql`${transmissions.status} in (${sql.join(
    PENDING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const transfersWhere = and(
    eq(transmissions.jeuneId, jeuneId),
    filtre === "envois" ? sql`not (${pending})` : filtre === "a-venir" ? pending : undefined,
    only.transferId ? eq(transmissions.id, only.transferId) : undefined,
  );
  const transfers = db
    .select({
      kind: sql<JourneyRow["kind"]>`case when ${pending} then 'a_venir' else 'envoi' end`.as("kind"),
      id: sql<string>`${transmissions.id}::text`.as("id"),
      sortKey: sql<string>`${transmissions.id}::text`.as("sort_key"),
      at: sql<Date>`${transmissions.createdAt}`.as("at"),
      recipient: sql<string | null>`${transmissions.recipient}`.as("recipient"),
      finality: sql<string | null>`${transmissions.finality}`.as("finality"),
      transferKind: sql<string | null>`${transmissions.kind}::text`.as("transfer_kind"),
      fieldNames: sql<string[] | null>`${transmissions.fieldNames}`.as("field_names"),
      status: sql<string | null>`${transmissions.status}::text`.as("status"),
      acknowledgement: sql<string | null>`${transmissions.acknowledgement}`.as("acknowledgement"),
      acknowledgedAt: sql<Date | null>`${transmissions.acknowledgedAt}`.as("acknowledged_at"),
      nextAttemptAt: sql<Date | null>`${transmissions.nextAttemptAt}`.as("next_attempt_at"),
      role: sql<string | null>`null::text`.as("role"),
      structure: sql<string | null>`null::text`.as("structure"),
      ownCounsellor: sql<boolean | null>`null::boolean`.as("own_counsellor"),
      onglet: sql<string | null>`null::text`.as("onglet"),
      horsPortefeuille: sql<boolean | null>`null::boolean`.as("hors_portefeuille"),
      motif: sql<string | null>`null::text`.as("motif"),
      action: sql<string | null>`null::text`.as("action"),
      fields: sql<string[] | null>`null::text[]`.as("fields"),
    })
    .from(transmissions)
    .where(transfersWhere)
    .orderBy(desc(transmissions.createdAt), desc(transmissions.id));

  const counsellor = sql`(select ${jeunes.conseillerId} from ${jeunes} where ${jeunes.id} = ${jeuneId})`;
  const views = db
    .select({
      kind: sql<JourneyRow["kind"]>`'consultation'`.as("kind"),
      id: sql<string>`${consultations.id}::text`.as("id"),
      sortKey: serialKey(consultations.id).as("sort_key"),
      at: sql<Date>`${consultations.at}`.as("at"),
      recipient: sql<string | null>`null::text`.as("recipient"),
      finality: sql<string | null>`null::text`.as("finality"),
      transferKind: sql<string | null>`null::text`.as("transfer_kind"),
      fieldNames: sql<string[] | null>`null::text[]`.as("field_names"),
      status: sql<string | null>`null::text`.as("status"),
      acknowledgement: sql<string | null>`null::text`.as("acknowledgement"),
      acknowledgedAt: sql<Date | null>`null::timestamptz`.as("acknowledged_at"),
      nextAttemptAt: sql<Date | null>`null::timestamptz`.as("next_attempt_at"),
      role: sql<string | null>`${consultations.userRole}::text`.as("role"),
      structure: sql<string | null>`${structures.name}`.as("structure"),
      ownCounsellor: sql<boolean | null>`coalesce(${consultations.userId} = ${counsellor}, false)`.as("own_counsellor"),
      onglet: sql<string | null>`${consultations.onglet}`.as("onglet"),
      horsPortefeuille: sql<boolean | null>`${consultations.horsPortefeuille}`.as("hors_portefeuille"),
      motif: sql<string | null>`${consultations.motif}::text`.as("motif"),
      action: sql<string | null>`null::text`.as("action"),
      fields: sql<string[] | null>`null::text[]`.as("fields"),
    })
    .from(consultations)
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .where(and(eq(consultations.jeuneId, jeuneId), only.consultationId ? eq(consultations.id, Number(only.consultationId)) : undefined))
    .orderBy(desc(consultations.at), desc(consultations.id));

  const staffOnly = sql`array[${sql.join(
    STAFF_ONLY_FIELDS.map((f) => sql`${f}`),
    sql`, `,
  )}]::text[]`;
  const changes = db
    .select({
      kind: sql<JourneyRow["kind"]>`'modification'`.as("kind"),
      id: sql<string>`${auditLog.id}::text`.as("id"),
      sortKey: serialKey(auditLog.id).as("sort_key"),
      at: sql<Date>`${auditLog.at}`.as("at"),
      recipient: sql<string | null>`null::text`.as("recipient"),
      finality: sql<string | null>`null::text`.as("finality"),
      transferKind: sql<string | null>`null::text`.as("transfer_kind"),
      fieldNames: sql<string[] | null>`null::text[]`.as("field_names"),
      status: sql<string | null>`null::text`.as("status"),
      acknowledgement: sql<string | null>`null::text`.as("acknowledgement"),
      acknowledgedAt: sql<Date | null>`null::timestamptz`.as("acknowledged_at"),
      nextAttemptAt: sql<Date | null>`null::timestamptz`.as("next_attempt_at"),
      role: sql<string | null>`${auditLog.actorRole}::text`.as("role"),
      structure: sql<string | null>`null::text`.as("structure"),
      ownCounsellor: sql<boolean | null>`null::boolean`.as("own_counsellor"),
      onglet: sql<string | null>`null::text`.as("onglet"),
      horsPortefeuille: sql<boolean | null>`null::boolean`.as("hors_portefeuille"),
      motif: sql<string | null>`null::text`.as("motif"),
      action: sql<string | null>`${auditLog.action}`.as("action"),
      fields: sql<string[] | null>`${auditLog.fields}`.as("fields"),
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.jeuneId, jeuneId),
        notInArray(auditLog.action, [...NOT_CHANGES]),
        // An act that touched only staff-only fields (a note, health, justice) is not shown at all.
        sql`(cardinality(${auditLog.fields}) = 0 or not (${auditLog.fields} <@ ${staffOnly}))`,
        only.auditId ? eq(auditLog.id, Number(only.auditId)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id));

  return { transfers, views, changes };
}

type RawRow = Awaited<ReturnType<ReturnType<typeof branches>["transfers"]["execute"]>>[number];

function toRow(r: RawRow): JourneyRow {
  const at = new Date(r.at);
  if (r.kind === "consultation")
    return {
      kind: "consultation",
      id: r.id,
      at,
      role: r.role as Extract<JourneyRow, { kind: "consultation" }>["role"],
      structure: r.structure ?? "",
      ownCounsellor: r.ownCounsellor ?? false,
      onglet: r.onglet ?? "",
      horsPortefeuille: r.horsPortefeuille ?? false,
      motif: r.motif as Extract<JourneyRow, { kind: "consultation" }>["motif"],
    };
  if (r.kind === "modification")
    return {
      kind: "modification",
      id: r.id,
      at,
      role: r.role as Extract<JourneyRow, { kind: "modification" }>["role"],
      action: r.action ?? "",
      fields: r.fields ?? [],
    };
  type T = Extract<JourneyRow, { kind: "envoi" }>;
  return {
    kind: r.kind,
    id: r.id,
    at,
    recipient: r.recipient as T["recipient"],
    finality: r.finality as T["finality"],
    transferKind: r.transferKind as T["transferKind"],
    fieldNames: r.fieldNames ?? [],
    status: r.status as T["status"],
    acknowledgement: r.acknowledgement,
    acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt) : null,
    nextAttemptAt: r.nextAttemptAt ? new Date(r.nextAttemptAt) : null,
  };
}

export interface JourneyPage {
  lines: JourneyLine[];
  page: number;
  hasNext: boolean;
  /** GDPR art. 18 limitation in force: nothing leaves until it is lifted. */
  limitationDepuis: Date | null;
}

/**
 * One page of my timeline, newest first. Offset pagination over a UNION ALL whose branches each read
 * at most offset + page + 1 rows through their (jeune_id, at) index; one row more tells whether a next
 * page exists, so no count over the whole history is needed.
 */
export async function listMyJourney(user: SessionUser, params: { type: JourneyFilter; page: number }, db?: DbOrTx): Promise<JourneyPage> {
  const jeuneId = ownJeuneId(user);
  if (!jeuneId) return { lines: [], page: 1, hasNext: false, limitationDepuis: null };
  db ??= await getDb();
  const offset = (params.page - 1) * JOURNEY_PAGE_SIZE;
  const { transfers, views, changes } = branches(db, jeuneId, params.type);
  let query: Promise<RawRow[]>;
  if (params.type === "tout") {
    // Each branch stops after offset + page + 1 rows; the merge keeps the page and one row more.
    const take = offset + JOURNEY_PAGE_SIZE + 1;
    query = transfers
      .limit(take)
      .unionAll(views.limit(take))
      .unionAll(changes.limit(take))
      .orderBy(desc(sql`at`), desc(sql`kind`), desc(sql`sort_key`))
      .limit(JOURNEY_PAGE_SIZE + 1)
      .offset(offset);
  } else {
    const only = params.type === "consultations" ? views : params.type === "modifications" ? changes : transfers;
    query = only.limit(JOURNEY_PAGE_SIZE + 1).offset(offset);
  }
  const [rows, [limitation]] = await Promise.all([
    query,
    db.select({ depuis: jeunes.limitationDepuis }).from(jeunes).where(eq(jeunes.id, jeuneId)),
  ]);
  const pageRows = rows.slice(0, JOURNEY_PAGE_SIZE);
  return {
    lines: pageRows.map((r) => describeRow(toRow(r))),
    page: params.page,
    hasNext: rows.length > JOURNEY_PAGE_SIZE,
    limitationDepuis: limitation?.depuis ?? null,
  };
}

/**
 * One line of the person's own timeline, or null: a malformed reference, another person's line, or a
 * row the timeline does not show (an opening recorded as an act, a staff-only note) are all the same.
 */
export async function findMyLine(db: DbOrTx, jeuneId: string, ref: LineRef): Promise<JourneyLine | null> {
  const only: Only =
    ref.kind === "envoi" ? { transferId: ref.id } : ref.kind === "consultation" ? { consultationId: ref.id } : { auditId: ref.id };
  const { transfers, views, changes } = branches(db, jeuneId, "tout", only);
  const [row] = await (ref.kind === "envoi" ? transfers : ref.kind === "consultation" ? views : changes).limit(1);
  return row ? describeRow(toRow(row)) : null;
}

/** `findMyLine` for the signed-in young person (the question form), on the process-wide database. */
export async function getMyLine(user: SessionUser, ref: LineRef | null): Promise<JourneyLine | null> {
  const jeuneId = ownJeuneId(user);
  if (!jeuneId || !ref) return null;
  return findMyLine(await getDb(), jeuneId, ref);
}
