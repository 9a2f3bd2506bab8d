import "server-only";
import { and, asc, desc, eq, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db/client";
import { inlineSql } from "@/db/inline-sql";
import { alertState, antennes, contrats, jeunes, users } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { monthSpanDays } from "@/lib/calendar/months";
import { DomainError } from "@/lib/errors/domain-error";
import { ALERT_STATE_COLUMN } from "./alert-state";
import { ALERTS, alertBadges, alertDefinition, type AlertBadge, type AlertContext, type AlertDefinition, type AlertKey } from "./alerts";
import { escapeLike } from "@/lib/http/search-params";
import {
  DEFAULT_FILTERS,
  DISPOSITIF_VALUES,
  SANS_CONSEILLER,
  STATUT_VALUES,
  parseSearchQuery,
  type PortefeuilleFilters,
  type SearchQuery,
  type Statut,
} from "./portefeuille-params";
import { cejHoursCondition } from "./cej-hours";
import { ageOn, type Dispositif } from "./rules";
import { portfolioListCondition } from "@/lib/dossier/scope";

export const PAGE_SIZE = 25;

/** Fuzzy (trigram) matching starts at this many letters: below it, a typo cannot be told from another name. */
const FUZZY_MIN_LENGTH = 4;
/**
 * `word_similarity` needed to match despite a typo. pg_trgm's default (0.6) misses one wrong letter in
 * a six-letter name ("dupomt" vs "dupont" = 0.57); 0.5 finds it, and relevance ordering keeps the
 * exact prefix matches first.
 */
const FUZZY_THRESHOLD = "0.5";

const conseillers = alias(users, "conseillers");

export interface PortefeuilleOption {
  id: string;
  name: string;
}

export interface PortefeuilleRow {
  id: string;
  nomNaissance: string;
  nomUsage: string | null;
  prenoms: string;
  dateNaissance: CivilDate;
  age: number;
  dispositif: Dispositif;
  statut: Statut;
  archivedAt: Date | null;
  antenne: string | null;
  conseillerId: string | null;
  conseiller: string | null;
  alertes: AlertBadge[];
}

/** How many young people each filter value would show, the other filters (and the search) applied. */
export interface PortefeuilleFacets {
  dispositif: Record<Dispositif, number>;
  statut: Record<Statut, number>;
  /** Keyed by antenne id; "" for young people without an antenne. */
  antenne: Record<string, number>;
  /** Keyed by counsellor id; SANS_CONSEILLER for young people without a titular counsellor. */
  conseiller: Record<string, number>;
  alerte: Record<AlertKey, number>;
}

export interface Portefeuille {
  /** The filters actually applied: ids outside the caller's structure and a counsellor filter for a counsellor are dropped. */
  filters: PortefeuilleFilters;
  search: SearchQuery;
  rows: PortefeuilleRow[];
  total: number;
  /** The page shown (a page past the end shows the last one). */
  page: number;
  pageCount: number;
  facets: PortefeuilleFacets;
  antennes: PortefeuilleOption[];
  /** Active counsellors of the structure (directeur only; empty for a counsellor). */
  conseillers: PortefeuilleOption[];
}

/** The structure's antennes and, for a director, its active counsellors: what the filter selects offer. */
async function loadOptions(db: DbOrTx, user: SessionUser, structureId: string) {
  const [antenneRows, conseillerRows] = await Promise.all([
    db
      .select({ id: antennes.id, name: antennes.name })
      .from(antennes)
      .where(eq(antennes.structureId, structureId))
      .orderBy(asc(antennes.name)),
    user.role === "directeur"
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.structureId, structureId), eq(users.role, "conseiller"), eq(users.active, true)))
          .orderBy(asc(users.name))
      : Promise.resolve([]),
  ]);
  return { antennes: antenneRows, conseillers: conseillerRows };
}

/** Every query word starts a word of the name ("lea dup" finds "dupont lea"). */
function prefixCondition(words: string[]): SQL {
  return and(
    ...words.map((w) => {
      const pattern = escapeLike(w);
      return or(like(jeunes.searchText, `${pattern}%`), like(jeunes.searchText, `% ${pattern}%`))!;
    }),
  )!;
}

function usesFuzzy(search: SearchQuery): search is Extract<SearchQuery, { kind: "text" }> {
  return search.kind === "text" && search.text.length >= FUZZY_MIN_LENGTH;
}

export function searchCondition(search: SearchQuery): SQL | undefined {
  switch (search.kind) {
    case "none":
      return undefined;
    case "invalid":
      return sql`false`;
    case "date":
      return eq(jeunes.dateNaissance, search.date);
    case "ft":
      // Stored as typed at creation: try it as given and in either case, which keeps the (structure, ft) index usable.
      return inArray(jeunes.ftIdentifiant, [...new Set([search.value, search.value.toUpperCase(), search.value.toLowerCase()])]);
    case "text": {
      const prefix = prefixCondition(search.words);
      // `<%`: word_similarity above the threshold, served by the GIN trigram index jeunes_search_trgm_idx.
      return usesFuzzy(search) ? or(prefix, sql`${search.text} <% ${jeunes.searchText}`) : prefix;
    }
  }
}

/**
 * The list's order. `relevance` names a relevance column: the page query's own output column, or the
 * column of its inner query of ids.
 */
function orderBy(filters: PortefeuilleFilters, search: SearchQuery, relevance = (name: string) => sql.raw(`"${name}"`)): SQL[] {
  const dir = (expr: SQL | AnyPgColumn) => (filters.ordre === "desc" ? desc(expr) : asc(expr));
  const byName = [asc(jeunes.searchText), asc(jeunes.id)];
  switch (filters.tri) {
    case "nom":
      return [dir(jeunes.searchText), dir(jeunes.id)];
    case "age":
      // Youngest first in ascending order: a later birth date is a lower age.
      return [filters.ordre === "desc" ? asc(jeunes.dateNaissance) : desc(jeunes.dateNaissance), ...byName];
    case "dispositif":
      return [dir(sql`case ${jeunes.dispositif} when 'CEJ' then 1 when 'PACEA' then 2 else 3 end`), ...byName];
    case null:
      if (search.kind !== "text") return byName;
      // Relevance: names with a word starting like every query word, then the closest by trigrams. Both
      // are output columns of the page query (relevanceColumns), computed once per row and sorted by name.
      return [asc(relevance(RELEVANCE.prefix)), desc(relevance(RELEVANCE.similarity)), ...byName];
  }
}

const RELEVANCE = { prefix: "rel_prefix", similarity: "rel_similarity" } as const;

/**
 * The relevance of a text search, as columns of the page query: whether every query word starts a word
 * of the name, and `word_similarity`, evaluated once per row matched and sorted by name;
 * the filter itself (`<%`) stays in the WHERE clause, where the trigram index serves it.
 */
function relevanceColumns(filters: PortefeuilleFilters, search: SearchQuery): Record<string, SQL.Aliased<number>> {
  if (filters.tri !== null || search.kind !== "text") return {};
  return {
    relPrefix: sql<number>`case when ${prefixCondition(search.words)} then 0 else 1 end`.as(RELEVANCE.prefix),
    relSimilarity: sql<number>`word_similarity(${search.text}, ${jeunes.searchText})`.as(RELEVANCE.similarity),
  };
}

type FilterKey = "dispositif" | "antenne" | "conseiller" | "statut" | "alerte";

/**
 * Whether an alert holds for a row: the flag of the day from alert_state (joined by the queries),
 * computed live only for a row the worker has not refreshed today or a write has just forgotten, each
 * alert then probing the file's own rows.
 */
function alertHolds(a: AlertDefinition<AlertKey>, ctx: AlertContext): SQL {
  return alertSql(a, ctx.today).holds;
}

/**
 * The SQL of an alert for a day, built once: no condition or detail reads the viewer (only the badge's
 * words do), and building the twelve alerts' trees costs more than running them for a small portfolio.
 */
const ALERT_SQL = new Map<CivilDate, Map<AlertKey, { holds: SQL; detail: SQL }>>();

function alertSql(a: AlertDefinition<AlertKey>, today: CivilDate): { holds: SQL; detail: SQL } {
  let day = ALERT_SQL.get(today);
  if (!day) {
    if (ALERT_SQL.size >= 8) ALERT_SQL.clear();
    day = new Map();
    ALERT_SQL.set(today, day);
  }
  let built = day.get(a.key);
  if (!built) {
    const ctx: AlertContext = { today, userId: "" };
    // Rendered to text once: the day and the thresholds become literals, and a query's build no longer
    // walks the twelve alerts' trees (~2 ms a portfolio).
    built = {
      holds: inlineSql(
        sql`(case when ${alertState.computedOn} = ${today}::date then ${ALERT_STATE_COLUMN[a.key]} else coalesce((${a.when(ctx)}), false) end)`,
      ),
      detail: inlineSql(a.detail(ctx)),
    };
    day.set(a.key, built);
  }
  return built;
}

/**
 * The stored state of the rows, restricted to the caller's structure: the planner then reads the
 * structure's rows of alert_state by its index, never the country's. A row left behind by a file that
 * changed structure does not join, and the file's alerts are computed live.
 */
const storedStateJoin = and(eq(alertState.jeuneId, jeunes.id), eq(alertState.structureId, jeunes.structureId));

function filterConditions(filters: PortefeuilleFilters, ctx: AlertContext): Record<FilterKey, SQL | undefined> {
  return {
    dispositif: filters.dispositif ? eq(jeunes.dispositif, filters.dispositif) : undefined,
    antenne: filters.antenne ? eq(jeunes.antenneId, filters.antenne) : undefined,
    conseiller:
      filters.conseiller === SANS_CONSEILLER
        ? isNull(jeunes.conseillerId)
        : filters.conseiller
          ? eq(jeunes.conseillerId, filters.conseiller)
          : undefined,
    statut: filters.statut === "tous" ? undefined : eq(jeunes.statut, filters.statut),
    alerte: filters.alerte ? alertHolds(alertDefinition(filters.alerte), ctx) : undefined,
  };
}

/** MOTIF_BASCULE of lib/parcours/motifs-sortie.ts (lib/jeunes may not import lib/parcours, which imports it). */
const SWITCH_MOTIF = "bascule";

/**
 * Entries or exits over months, as the director's dashboard counts them (lib/pilotage/queries.ts): a young
 * person with a contract of their structure starting in those months (not the continuation of a CEJ ↔ PACEA
 * switch), or ending in them (not by the switch), for the motive if one is given.
 */
export function mouvementCondition(filters: Pick<PortefeuilleFilters, "entree" | "sortie" | "motif">): SQL | undefined {
  const contract = (condition: SQL) =>
    sql`exists (select 1 from ${contrats} where ${contrats.jeuneId} = ${jeunes.id} and ${contrats.structureId} = ${jeunes.structureId} and ${condition})`;
  const parts: SQL[] = [];
  if (filters.entree) {
    const [from, to] = monthSpanDays(filters.entree);
    parts.push(contract(sql`${contrats.precedentContratId} is null and ${contrats.debut} between ${from}::date and ${to}::date`));
  }
  if (filters.sortie) {
    const [from, to] = monthSpanDays(filters.sortie);
    const motif = filters.motif ? sql` and ${contrats.motifSortie} = ${filters.motif}` : sql``;
    parts.push(
      contract(sql`${contrats.motifSortie} <> ${SWITCH_MOTIF} and ${contrats.finReelle} between ${from}::date and ${to}::date${motif}`),
    );
  }
  return parts.length ? and(...parts) : undefined;
}

/**
 * Facet counts and the total in ONE grouped query. The four facet filters are equalities on columns,
 * so the query groups the rows by those four columns (a few hundred groups for a structure) and counts,
 * in each group, the rows the alert filter keeps and the rows each alert holds for; every facet is
 * then a sum of groups in TypeScript (the facet's own filter left out, the others applied). An alert is
 * evaluated only on rows the four filters keep (archived files, when the page shows the active ones,
 * are not evaluated), and reads the stored state of the day when there is one.
 */
const countWhere = (condition: SQL | undefined) => sql<number>`(count(*) filter (where ${condition ?? sql`true`}))::int`.mapWith(Number);

/** The four facet columns and the counts of each group, from `jeunes` joined to the stored state. */
function liveGroups(db: DbOrTx, where: SQL | undefined, conditions: Record<FilterKey, SQL | undefined>, ctx: AlertContext) {
  const kept = and(...(["dispositif", "antenne", "conseiller", "statut"] as const).map((k) => conditions[k]));
  const holds = (a: AlertDefinition<AlertKey>) =>
    kept ? sql`${kept} and coalesce((${alertHolds(a, ctx)}), false)` : sql`coalesce((${alertHolds(a, ctx)}), false)`;
  return db
    .select({
      dispositif: jeunes.dispositif,
      antenneId: jeunes.antenneId,
      conseillerId: jeunes.conseillerId,
      statut: jeunes.statut,
      n: countWhere(conditions.alerte ? sql`coalesce((${conditions.alerte}), false)` : undefined),
      ...Object.fromEntries(ALERTS.map((a) => [`n_${a.key}`, countWhere(holds(a))])),
    })
    .from(jeunes)
    .leftJoin(alertState, storedStateJoin)
    .where(where)
    .groupBy(jeunes.dispositif, jeunes.antenneId, jeunes.conseillerId, jeunes.statut)
    .prepare("portefeuille_facets")
    .execute();
}

type FacetGroup = Awaited<ReturnType<typeof liveGroups>>[number];

/**
 * The same groups for a whole structure (a director's view without search or movement filter), read from
 * alert_state alone — it copies the four facet columns — when every file of the structure has its row of
 * the day: the counts then never read `jeunes`. Null when some row is missing or stale (a write outside
 * the actions, the worker not yet past): the caller counts from `jeunes`.
 */
async function storedGroups(
  db: DbOrTx,
  structureId: string,
  filters: Pick<PortefeuilleFilters, "alerte">,
  today: CivilDate,
): Promise<FacetGroup[] | null> {
  const s = alertState;
  const flag = (key: AlertKey) => ALERT_STATE_COLUMN[key];
  const rows = await db
    .select({
      dispositif: s.dispositif,
      antenneId: s.antenneId,
      conseillerId: s.conseillerId,
      statut: s.statut,
      n: countWhere(filters.alerte ? flag(filters.alerte) : undefined),
      // The four facet filters are columns of the group: facetCounts applies them to the groups.
      ...Object.fromEntries(ALERTS.map((a) => [`n_${a.key}`, countWhere(flag(a.key))])),
      rowCount: sql<number>`count(*)::int`.mapWith(Number),
      files: sql<number>`(select count(*) from ${jeunes} where ${jeunes.structureId} = ${structureId})::int`.mapWith(Number),
    })
    .from(s)
    .where(and(eq(s.structureId, structureId), eq(s.computedOn, today)))
    .groupBy(s.dispositif, s.antenneId, s.conseillerId, s.statut)
    .prepare("portefeuille_facets_stored")
    .execute();
  // The day's rows of a structure are rows of its files (a file that changes, or moves, loses its row),
  // so as many rows as files means that every file has its row.
  const stored = rows.reduce((sum, r) => sum + r.rowCount, 0);
  if (rows.length === 0 || stored !== rows[0]!.files) return null;
  return rows.map(({ rowCount: _r, files: _f, ...g }) => g as FacetGroup);
}

async function facetCounts(
  db: DbOrTx,
  where: SQL | undefined,
  filters: PortefeuilleFilters,
  conditions: Record<FilterKey, SQL | undefined>,
  ctx: AlertContext,
  wholeStructure: string | null,
) {
  const groups =
    (wholeStructure ? await storedGroups(db, wholeStructure, filters, ctx.today) : null) ?? (await liveGroups(db, where, conditions, ctx));

  type Group = FacetGroup;
  const matches: Record<Exclude<FilterKey, "alerte">, (g: Group) => boolean> = {
    dispositif: (g) => !filters.dispositif || g.dispositif === filters.dispositif,
    antenne: (g) => !filters.antenne || g.antenneId === filters.antenne,
    conseiller: (g) =>
      !filters.conseiller || (filters.conseiller === SANS_CONSEILLER ? g.conseillerId === null : g.conseillerId === filters.conseiller),
    statut: (g) => filters.statut === "tous" || g.statut === filters.statut,
  };
  const keptBy = (g: Group, except?: keyof typeof matches) =>
    (Object.keys(matches) as (keyof typeof matches)[]).every((k) => k === except || matches[k](g));

  const facets: PortefeuilleFacets = {
    dispositif: Object.fromEntries(DISPOSITIF_VALUES.map((d) => [d, 0])) as Record<Dispositif, number>,
    statut: Object.fromEntries(STATUT_VALUES.map((s) => [s, 0])) as Record<Statut, number>,
    antenne: {},
    conseiller: {},
    alerte: Object.fromEntries(ALERTS.map((a) => [a.key, 0])) as Record<AlertKey, number>,
  };
  const add = (counts: Record<string, number>, key: string, n: number) => {
    counts[key] = (counts[key] ?? 0) + n;
  };
  let total = 0;
  for (const g of groups as (Group & Record<string, unknown>)[]) {
    add(facets.dispositif, g.dispositif, keptBy(g, "dispositif") ? g.n : 0);
    add(facets.statut, g.statut, keptBy(g, "statut") ? g.n : 0);
    add(facets.antenne, g.antenneId ?? "", keptBy(g, "antenne") ? g.n : 0);
    add(facets.conseiller, g.conseillerId ?? SANS_CONSEILLER, keptBy(g, "conseiller") ? g.n : 0);
    if (!keptBy(g)) continue;
    total += g.n;
    for (const a of ALERTS) facets.alerte[a.key] += Number(g[`n_${a.key}`] ?? 0);
  }
  return { facets, total };
}

/**
 * The page's rows in two steps: the ids of the page first (the filters, the order and the limit on
 * `jeunes` alone, with the stored state only when an alert filter reads it), then, for those 25 ids
 * only, the names of antenne and counsellor and the alerts' details. Joined before the limit, the names
 * were looked up for the whole portfolio (hash joins over every antenne and user of the country).
 */
async function pageRows(
  db: DbOrTx,
  where: SQL | undefined,
  filters: PortefeuilleFilters,
  search: SearchQuery,
  page: number,
  ctx: AlertContext,
  readsState: boolean,
): Promise<PortefeuilleRow[]> {
  const relevance = relevanceColumns(filters, search);
  const ids = db
    .select({ id: jeunes.id, ...relevance })
    .from(jeunes)
    .$dynamic();
  const pageIds = (readsState ? ids.leftJoin(alertState, storedStateJoin) : ids)
    .where(where)
    .orderBy(...orderBy(filters, search))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .as("page_ids");
  const rows = await db
    .select({
      id: jeunes.id,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
      dateNaissance: jeunes.dateNaissance,
      dispositif: jeunes.dispositif,
      statut: jeunes.statut,
      archivedAt: jeunes.archivedAt,
      antenne: antennes.name,
      conseillerId: jeunes.conseillerId,
      conseiller: conseillers.name,
      // { key: detail | null } for every alert: only for the alerts that hold (the stored flag, else
      // the live condition).
      alertes: sql<unknown>`json_build_object(${sql.join(
        ALERTS.map((a) => sql`${a.key}::text, (case when ${alertHolds(a, ctx)} then (${alertSql(a, ctx.today).detail}) end)`),
        sql`, `,
      )})`,
    })
    .from(pageIds)
    .innerJoin(jeunes, eq(jeunes.id, pageIds.id))
    .leftJoin(antennes, eq(antennes.id, jeunes.antenneId))
    .leftJoin(conseillers, eq(conseillers.id, jeunes.conseillerId))
    .leftJoin(alertState, storedStateJoin)
    .orderBy(...orderBy(filters, search, (name) => sql.raw(`"page_ids"."${name}"`)))
    .prepare("portefeuille_page")
    .execute();
  return rows.map((r) => ({
    ...r,
    alertes: alertBadges(typeof r.alertes === "string" ? JSON.parse(r.alertes) : r.alertes, ctx),
    age: ageOn(r.dateNaissance, ctx.today),
  }));
}

/**
 * The caller's portfolio (portfolioCondition: a counsellor's own and temporarily assigned young
 * people, a director's whole structure), searched, filtered, sorted and paginated: one query for the
 * page's rows and one grouped query for the total and every facet count, whatever the filters.
 * Admin and DPO have no portfolio.
 */
export async function listPortefeuille(user: SessionUser, input: Partial<PortefeuilleFilters>, today: CivilDate): Promise<Portefeuille> {
  const portfolio = portfolioListCondition(user, today);
  const structureId = structureScope(user);
  if (!portfolio || !structureId) throw new DomainError("forbidden");
  const db = await getDb();

  const requested: PortefeuilleFilters = { ...DEFAULT_FILTERS, ...input };
  // The options are read with the list, unless a filter names an antenne or a counsellor: an id from
  // another structure (or a stale one) is then dropped first, rather than shown as an empty list.
  const loading = loadOptions(db, user, structureId);
  loading.catch(() => undefined);
  const checked = requested.antenne !== null || requested.conseiller !== null ? await loading : null;
  const filters: PortefeuilleFilters = {
    ...requested,
    antenne: checked?.antennes.some((a) => a.id === requested.antenne) ? requested.antenne : null,
    conseiller:
      user.role === "directeur" &&
      (requested.conseiller === SANS_CONSEILLER || checked?.conseillers.some((c) => c.id === requested.conseiller))
        ? requested.conseiller
        : null,
  };

  const ctx: AlertContext = { today, userId: user.id };
  const search = parseSearchQuery(filters.q);
  const hours = filters.heures ? cejHoursCondition(filters.heures, today) : undefined;
  const baseWhere = and(portfolio, searchCondition(search), mouvementCondition(filters), hours);
  const conditions = filterConditions(filters, ctx);
  // A director's view of the whole structure, neither searched nor narrowed to entries or exits: its
  // counts can come from the stored state alone.
  const wholeStructure = user.role === "directeur" && search.kind === "none" && !mouvementCondition(filters) && !hours ? structureId : null;
  const where = and(baseWhere, ...Object.values(conditions));

  const counts = (tx: DbOrTx) => facetCounts(tx, baseWhere, filters, conditions, ctx, wholeStructure);
  const rowsOf = (tx: DbOrTx, page: number) => pageRows(tx, where, filters, search, page, ctx, conditions.alerte !== undefined);
  const clamp = (total: number) => {
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return { pageCount, page: Math.min(filters.page, pageCount) };
  };

  // A director's queries, and a fuzzy search, need settings of their own, local to a read-only
  // transaction: a director's are planned for its own structure every time (30 to 30 000 files share
  // one prepared statement, and a plan made for the average would not fit the largest), and `<%`
  // reads its threshold from a setting. Statements of one transaction run one after the other.
  if (user.role === "directeur" || usesFuzzy(search)) {
    const planCache = user.role === "directeur" ? "force_custom_plan" : "auto";
    const result = await db.transaction(
      async (tx) => {
        await tx.execute(
          sql`select set_config('pg_trgm.word_similarity_threshold', ${FUZZY_THRESHOLD}, true), set_config('plan_cache_mode', ${planCache}, true)`,
        );
        const { facets, total } = await counts(tx);
        const { page, pageCount } = clamp(total);
        const rows = total === 0 ? [] : await rowsOf(tx, page);
        return { facets, total, page, pageCount, rows };
      },
      { accessMode: "read only" },
    );
    return { filters: { ...filters, page: result.page }, search, ...result, ...(await loading) };
  }

  // A counsellor's portfolio is a few hundred files whatever the size of the structure: the counts and
  // the requested page are read at once, on two connections (read committed: a transaction would not
  // give them one snapshot either); only a page past the end is read again, as the last page.
  const [{ facets, total }, requestedRows] = await Promise.all([counts(db), rowsOf(db, filters.page)]);
  const { page, pageCount } = clamp(total);
  const rows = total === 0 ? [] : page === filters.page ? requestedRows : await rowsOf(db, page);
  const result = { facets, total, page, pageCount, rows };
  return { filters: { ...filters, page: result.page }, search, ...result, ...(await loading) };
}
