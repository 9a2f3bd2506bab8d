import "server-only";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { jeunes, structures, transmissions } from "@/db/schema";
import type { TransmissionStatut } from "@/db/schema";
import { parisStartOfDay } from "@/lib/calendar/paris-time";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { addDays } from "@/lib/calendar/civil-date";
import { keysetPages } from "@/lib/actions/keyset";
import { TRANSMISSION_STATUTS, type TransmissionFilters } from "./admin-params";

export const TRANSMISSIONS_PAGE_SIZE = 25;

/**
 * Who the caller may see: their structure (admin: every structure, or the one chosen in the filter).
 * Served by `transmissions_structure_idx (structure_id, created_at)` for the newest-first pages.
 */
function scopeConditions(user: SessionUser, filters: TransmissionFilters): SQL[] {
  const scope = structureScope(user);
  if (scope) return [eq(transmissions.structureId, scope)];
  return filters.structureId ? [eq(transmissions.structureId, filters.structureId)] : [];
}

/** Every filter but the status (the per-status counts are computed on these). */
function selectionConditions(filters: TransmissionFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.recipient) conditions.push(eq(transmissions.recipient, filters.recipient));
  if (filters.finality) conditions.push(eq(transmissions.finality, filters.finality));
  // Days are Paris days: from midnight of `du` to midnight after `au`.
  if (filters.du) conditions.push(gte(transmissions.createdAt, parisStartOfDay(filters.du)));
  if (filters.au) conditions.push(lt(transmissions.createdAt, parisStartOfDay(addDays(filters.au, 1))));
  return conditions;
}

const rowColumns = {
  id: transmissions.id,
  createdAt: transmissions.createdAt,
  structureId: transmissions.structureId,
  structureName: structures.name,
  jeuneId: transmissions.jeuneId,
  nomNaissance: jeunes.nomNaissance,
  nomUsage: jeunes.nomUsage,
  prenoms: jeunes.prenoms,
  anonymisedAt: jeunes.anonymisedAt,
  limitationDepuis: jeunes.limitationDepuis,
  recipient: transmissions.recipient,
  finality: transmissions.finality,
  kind: transmissions.kind,
  status: transmissions.status,
  acknowledgement: transmissions.acknowledgement,
  attempts: transmissions.attempts,
  nextAttemptAt: transmissions.nextAttemptAt,
  lastError: transmissions.lastError,
  fieldNames: transmissions.fieldNames,
  payloadHash: transmissions.payloadHash,
  sentAt: transmissions.sentAt,
  acknowledgedAt: transmissions.acknowledgedAt,
};

export type TransmissionListRow = Awaited<ReturnType<typeof listTransmissions>>["rows"][number];

/**
 * One page of the caller's transfers, newest first, with the total and the count per status of the
 * selection (all filters but the status, so each count tells what choosing that status would show).
 * Never the payload's values: field names only.
 */
export async function listTransmissions(user: SessionUser, filters: TransmissionFilters) {
  const db = await getDb();
  const base = [...scopeConditions(user, filters), ...selectionConditions(filters)];
  const where = and(...base, ...(filters.statut ? [eq(transmissions.status, filters.statut)] : []));

  const [total] = await db.select({ n: count() }).from(transmissions).where(where);
  const n = total?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(n / TRANSMISSIONS_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const [rows, statusCounts] = await Promise.all([
    db
      .select(rowColumns)
      .from(transmissions)
      .innerJoin(jeunes, eq(jeunes.id, transmissions.jeuneId))
      .innerJoin(structures, eq(structures.id, transmissions.structureId))
      .where(where)
      .orderBy(desc(transmissions.createdAt), desc(transmissions.id))
      .limit(TRANSMISSIONS_PAGE_SIZE)
      .offset((page - 1) * TRANSMISSIONS_PAGE_SIZE),
    db
      .select({ status: transmissions.status, n: sql<number>`count(*)`.mapWith(Number) })
      .from(transmissions)
      .where(base.length ? and(...base) : undefined)
      .groupBy(transmissions.status),
  ]);
  const counts = Object.fromEntries(TRANSMISSION_STATUTS.map((s) => [s, 0])) as Record<TransmissionStatut, number>;
  for (const c of statusCounts) counts[c.status] = c.n;
  return { rows, total: n, page, pageCount, counts };
}

function exportWhere(user: SessionUser, filters: TransmissionFilters): SQL | undefined {
  return and(
    ...scopeConditions(user, filters),
    ...selectionConditions(filters),
    ...(filters.statut ? [eq(transmissions.status, filters.statut)] : []),
  );
}

/** How many transfers the CSV export of this selection holds (the link says it; the audit entry records it). */
export async function countTransmissionsForExport(user: SessionUser, filters: TransmissionFilters, tx?: DbOrTx): Promise<number> {
  const db = tx ?? (await getDb());
  const [row] = await db.select({ n: count() }).from(transmissions).where(exportWhere(user, filters));
  return row?.n ?? 0;
}

type ExportKey = { at: string; id: string };

/**
 * The whole selection for the CSV export, newest first, in keyset pages on (created_at, id): the key's
 * instant travels as PostgreSQL's own text (microseconds kept, which a JS Date would round).
 */
export function transmissionExportPages(user: SessionUser, filters: TransmissionFilters, pageSize?: number) {
  const where = exportWhere(user, filters);
  return keysetPages(
    async (after: ExportKey | null, limit) => {
      const db = await getDb();
      return db
        .select({ ...rowColumns, key: sql<string>`${transmissions.createdAt}::text` })
        .from(transmissions)
        .innerJoin(jeunes, eq(jeunes.id, transmissions.jeuneId))
        .innerJoin(structures, eq(structures.id, transmissions.structureId))
        .where(
          and(
            where,
            after ? sql`(${transmissions.createdAt}, ${transmissions.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(desc(transmissions.createdAt), desc(transmissions.id))
        .limit(limit);
    },
    (row) => ({ at: row.key, id: row.id }),
    pageSize,
  );
}

/** Structures an admin may filter on. */
export async function listStructureOptions(user: SessionUser) {
  if (user.role !== "admin") return [];
  const db = await getDb();
  return db.select({ id: structures.id, name: structures.name }).from(structures).orderBy(structures.name);
}
