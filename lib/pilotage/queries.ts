import "server-only";
import { and, asc, eq, gte, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contrats, jeunes, participations, seances, structures } from "@/db/schema";
import type { MarkedPresence } from "@/lib/agenda/rules";
import type { SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { firstDayOfMonth, lastDayOfMonth, type MonthSpan } from "@/lib/calendar/months";
import { cejGaugeAlerts } from "@/lib/cej/jauge-query";
import { DomainError } from "@/lib/errors/domain-error";
import { CEJ_HOURS_BUCKETS, type CejHoursBucket, type CejHoursKey, cejHoursWeek } from "@/lib/jeunes/cej-hours";
import { listPortefeuille } from "@/lib/jeunes/portefeuille";
import { DEFAULT_FILTERS, portefeuilleHref, type PortefeuilleFilters } from "@/lib/jeunes/portefeuille-params";
import { MOTIF_BASCULE } from "@/lib/parcours/motifs-sortie";
import { periodOf, type PilotageFilters, type RendezVousFilters, rendezVousHref } from "./params";
import { attendanceCondition } from "./rendez-vous-queries";

/** The portfolio alerts the dashboard counts (their keys in lib/jeunes/alerts.ts), each linking to its filtered list. */
export const PILOTAGE_ALERTS = ["contrat_fin", "cej_heures", "allocation_a_decider"] as const;
export type PilotageAlert = (typeof PILOTAGE_ALERTS)[number];

export interface Figure {
  value: number;
  /** The portfolio list this figure counts (null when the reader may not open it: the admin has no portfolio). */
  href: string | null;
  /** The portfolio filters behind `href`, so a test can count the list. */
  filters: Partial<PortefeuilleFilters>;
}

export interface ScopeFigures {
  actifs: Figure;
  cej: Figure;
  pacea: Figure;
  alertes: Record<PilotageAlert, Figure>;
}

export interface MonthFlow {
  month: string;
  /** Young people who entered (a contract starting that month), and who exited (a contract ending that month). */
  entrees: number;
  sorties: number;
  /** Young people who exited, by motive (lib/parcours/motifs-sortie.ts keys). */
  motifs: Record<string, number>;
  /** The portfolio lists these figures count (files active and archived). */
  links: { entrees: Figure; sorties: Figure; motifs: Record<string, Figure> };
}

/** Entries and exits over the whole period: young people counted once however many months they moved in. */
export interface PeriodFlows {
  entrees: Figure;
  sorties: Figure;
}

/** An attendance count and the list of rendez-vous it counts (/pilotage/rendez-vous). */
export interface AttendanceFigure {
  value: number;
  href: string | null;
  filters: RendezVousFilters;
}

export interface HoursBucket extends CejHoursBucket {
  count: number;
  /** The portfolio listing exactly these young people (directeur only). */
  href: string | null;
}

export interface Pilotage {
  filters: PilotageFilters;
  structure: { id: string; name: string };
  /** Admin only: the structures to choose from. */
  structures: { id: string; name: string }[];
  antennes: { id: string; name: string }[];
  conseillers: { id: string; name: string }[];
  scope: ScopeFigures;
  /** One row per antenne and per counsellor of the structure. */
  parAntenne: ({ id: string; name: string } & ScopeFigures)[];
  parConseiller: ({ id: string; name: string } & ScopeFigures)[];
  months: MonthFlow[];
  totals: PeriodFlows;
  period: { from: CivilDate; to: CivilDate };
  hours: {
    week: { start: CivilDate; end: CivilDate };
    targetMinutes: number | null;
    total: number;
    reached: number;
    /** The portfolio listing the young people at the target (directeur only). */
    reachedHref: string | null;
    buckets: HoursBucket[];
  };
  attendance: {
    present: AttendanceFigure;
    excused: AttendanceFigure;
    unexcused: AttendanceFigure;
    /** The three together: what the rate divides by. */
    marked: AttendanceFigure;
    rate: number | null;
  };
}

/**
 * The portfolio as the structure's director sees it. A director reads their own structure; the admin (no
 * portfolio of their own) reads the chosen one through the same scoped queries, never writes with it.
 */
function structureReader(user: SessionUser, structureId: string): SessionUser {
  return user.role === "admin" ? { ...user, role: "directeur", structureId, antenneId: null } : user;
}

async function scopeFigures(
  reader: SessionUser,
  scope: { antenne: string | null; conseiller: string | null },
  today: CivilDate,
  linkable: boolean,
): Promise<ScopeFigures> {
  const base: PortefeuilleFilters = { ...DEFAULT_FILTERS, antenne: scope.antenne, conseiller: scope.conseiller };
  const p = await listPortefeuille(reader, base, today);
  const figure = (value: number, change: Partial<PortefeuilleFilters>): Figure => {
    const filters = { antenne: scope.antenne, conseiller: scope.conseiller, ...change };
    return { value, filters, href: linkable ? portefeuilleHref(base, change) : null };
  };
  return {
    actifs: figure(p.total, {}),
    cej: figure(p.facets.dispositif.CEJ, { dispositif: "CEJ" }),
    pacea: figure(p.facets.dispositif.PACEA, { dispositif: "PACEA" }),
    alertes: Object.fromEntries(PILOTAGE_ALERTS.map((k) => [k, figure(p.facets.alerte[k], { alerte: k })])) as Record<
      PilotageAlert,
      Figure
    >,
  };
}

/** Young people of the structure in the scope (antenne, titular counsellor), as the portfolio filters them. */
function jeuneScope(structureId: string, scope: { antenne: string | null; conseiller: string | null }): SQL {
  return and(
    eq(jeunes.structureId, structureId),
    scope.antenne ? eq(jeunes.antenneId, scope.antenne) : undefined,
    scope.conseiller ? eq(jeunes.conseillerId, scope.conseiller) : undefined,
  )!;
}

/** Entries (new contracts, a CEJ ↔ PACEA switch excluded) and exits (ended contracts, the switch excluded) per month. */
async function monthFlows(
  structureId: string,
  where: SQL,
  months: string[],
  scope: { antenne: string | null; conseiller: string | null },
  linkable: boolean,
): Promise<{ months: MonthFlow[]; totals: PeriodFlows }> {
  const db = await getDb();
  const base: PortefeuilleFilters = { ...DEFAULT_FILTERS, antenne: scope.antenne, conseiller: scope.conseiller, statut: "tous" };
  const figure = (value: number, change: Partial<PortefeuilleFilters>): Figure => ({
    value,
    filters: { antenne: scope.antenne, conseiller: scope.conseiller, statut: "tous", ...change },
    href: linkable ? portefeuilleHref(base, change) : null,
  });
  const young = sql<number>`count(distinct ${contrats.jeuneId})::int`.mapWith(Number);
  const from = firstDayOfMonth(months[0]!);
  const to = lastDayOfMonth(months.at(-1)!);
  const month = (col: SQL) => sql<string>`to_char(${col}, 'YYYY-MM')`;
  const exitWhere = and(
    eq(contrats.structureId, structureId),
    where,
    ne(contrats.motifSortie, MOTIF_BASCULE),
    gte(contrats.finReelle, from),
    lte(contrats.finReelle, to),
  );
  const entryWhere = and(
    eq(contrats.structureId, structureId),
    where,
    isNull(contrats.precedentContratId),
    gte(contrats.debut, from),
    lte(contrats.debut, to),
  );
  // One young person in and out in several months counts once in the period's totals (the list shows each once).
  const periodTotal = (w: SQL | undefined) =>
    db
      .select({ n: young })
      .from(contrats)
      .innerJoin(jeunes, eq(jeunes.id, contrats.jeuneId))
      .where(w)
      .then((r) => r[0]?.n ?? 0);
  const [entries, exits, exitTotals, totalIn, totalOut] = await Promise.all([
    db
      .select({ month: month(sql`${contrats.debut}`), n: young })
      .from(contrats)
      .innerJoin(jeunes, eq(jeunes.id, contrats.jeuneId))
      .where(entryWhere)
      .groupBy(sql`1`),
    db
      .select({
        month: month(sql`${contrats.finReelle}`),
        motif: sql<string>`${contrats.motifSortie}`,
        n: young,
      })
      .from(contrats)
      .innerJoin(jeunes, eq(jeunes.id, contrats.jeuneId))
      .where(exitWhere)
      .groupBy(sql`1`, sql`2`),
    db
      .select({ month: month(sql`${contrats.finReelle}`), n: young })
      .from(contrats)
      .innerJoin(jeunes, eq(jeunes.id, contrats.jeuneId))
      .where(exitWhere)
      .groupBy(sql`1`),
    periodTotal(entryWhere),
    periodTotal(exitWhere),
  ]);
  const span: MonthSpan = { from: months[0]!, to: months.at(-1)! };
  const totals = { entrees: figure(totalIn, { entree: span }), sorties: figure(totalOut, { sortie: span }) };
  const flows = months.map((m) => {
    const motifs: Record<string, number> = {};
    for (const e of exits) if (e.month === m) motifs[e.motif] = (motifs[e.motif] ?? 0) + e.n;
    const entrees = entries.find((e) => e.month === m)?.n ?? 0;
    const sorties = exitTotals.find((e) => e.month === m)?.n ?? 0;
    return {
      month: m,
      entrees,
      sorties,
      motifs,
      links: {
        entrees: figure(entrees, { entree: { from: m, to: m } }),
        sorties: figure(sorties, { sortie: { from: m, to: m } }),
        motifs: Object.fromEntries(Object.entries(motifs).map(([k, n]) => [k, figure(n, { sortie: { from: m, to: m }, motif: k })])),
      },
    };
  });
  return { months: flows, totals };
}

/**
 * Validated hours of last ISO week for the active CEJ young people whose contract covered the whole week
 * (the dossier's TypeScript gauge); each bucket links to the portfolio's `heures` filter, the same set by
 * the SQL gauge (lib/jeunes/cej-hours.ts).
 */
async function hoursDistribution(
  structureId: string,
  where: SQL,
  today: CivilDate,
  scope: { antenne: string | null; conseiller: string | null },
  linkable: boolean,
): Promise<Pilotage["hours"]> {
  const db = await getDb();
  const week = cejHoursWeek(today);
  const base: PortefeuilleFilters = { ...DEFAULT_FILTERS, antenne: scope.antenne, conseiller: scope.conseiller };
  const href = (heures: CejHoursKey) => (linkable ? portefeuilleHref(base, { heures }) : null);
  const ids = await db
    .selectDistinct({ id: jeunes.id })
    .from(jeunes)
    .innerJoin(contrats, eq(contrats.jeuneId, jeunes.id))
    .where(
      and(
        where,
        eq(jeunes.statut, "actif"),
        eq(jeunes.dispositif, "CEJ"),
        eq(contrats.type, "CEJ"),
        lte(contrats.debut, week.start),
        sql`coalesce(${contrats.finReelle}, ${contrats.finPrevue}) >= ${week.end}::date`,
      ),
    );
  const buckets: HoursBucket[] = CEJ_HOURS_BUCKETS.map((b) => ({ ...b, count: 0, href: href(b.key) }));
  const result = await cejGaugeAlerts(db, { structureId, jeuneIds: ids.map((r) => r.id), week });
  let reached = 0;
  if (result) {
    for (const gauge of result.gauges.values()) {
      if (gauge.reached) reached += 1;
      const m = gauge.valideesMinutes;
      buckets.find((b) => m >= b.min && (b.max === null || m < b.max))!.count += 1;
    }
  }
  return {
    week: { start: week.start, end: week.end },
    targetMinutes: result?.rules.targetMinutes ?? null,
    total: ids.length,
    reached,
    reachedHref: href("objectif"),
    buckets,
  };
}

/** Individual rendez-vous of the period already held (not cancelled), by attendance marked; each count links to its list. */
async function attendance(
  structureId: string,
  where: SQL,
  filters: PilotageFilters,
  from: CivilDate,
  now: Date,
  linkable: boolean,
): Promise<Pilotage["attendance"]> {
  const db = await getDb();
  const rows = await db
    .select({ presence: participations.presence, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(participations)
    .innerJoin(seances, eq(seances.id, participations.seanceId))
    .innerJoin(jeunes, eq(jeunes.id, participations.jeuneId))
    .where(attendanceCondition({ structureId, jeuneWhere: where, from, now, presence: null }))
    .groupBy(participations.presence);
  const base: RendezVousFilters = { antenne: filters.antenne, conseiller: filters.conseiller, mois: filters.mois, presence: null, page: 1 };
  const figure = (value: number, presence: MarkedPresence | null): AttendanceFigure => {
    const f = { ...base, presence };
    return { value, filters: f, href: linkable ? rendezVousHref(f) : null };
  };
  const of = (p: MarkedPresence) => rows.find((r) => r.presence === p)?.n ?? 0;
  const present = of("present");
  const marked = present + of("absent_excuse") + of("absent_non_excuse");
  return {
    present: figure(present, "present"),
    excused: figure(of("absent_excuse"), "absent_excuse"),
    unexcused: figure(of("absent_non_excuse"), "absent_non_excuse"),
    marked: figure(marked, null),
    rate: marked === 0 ? null : present / marked,
  };
}

/**
 * The director's dashboard for one structure (the admin chooses it) and a scope (an antenne, a titular
 * counsellor): the portfolio's own counts for every figure that links to it, entries and exits per month,
 * last week's CEJ hours, rendez-vous attendance over the period. Costs one portfolio count per antenne and
 * per counsellor of the structure (the breakdown tables), plus a grouped query per figure family (monthly flows, period totals, hours, attendance).
 */
export async function loadPilotage(user: SessionUser, filters: PilotageFilters, now: Date, today: CivilDate): Promise<Pilotage> {
  if (user.role !== "directeur" && user.role !== "admin") throw new DomainError("forbidden");
  const db = await getDb();
  const structureList =
    user.role === "admin"
      ? await db.select({ id: structures.id, name: structures.name }).from(structures).orderBy(asc(structures.name))
      : [];
  const structure =
    user.role === "admin"
      ? (structureList.find((s) => s.id === filters.structure) ?? structureList[0])
      : { id: user.structureId!, name: user.structureName ?? "" };
  if (!structure?.id) throw new DomainError("forbidden");
  const reader = structureReader(user, structure.id);
  const linkable = user.role === "directeur";

  const whole = await listPortefeuille(reader, DEFAULT_FILTERS, today);
  const antenne = whole.antennes.some((a) => a.id === filters.antenne) ? filters.antenne : null;
  const conseiller = whole.conseillers.some((c) => c.id === filters.conseiller) ? filters.conseiller : null;
  const applied: PilotageFilters = { ...filters, structure: user.role === "admin" ? structure.id : null, antenne, conseiller };
  const scopeKey = { antenne, conseiller };

  const scope = await scopeFigures(reader, scopeKey, today, linkable);
  const parAntenne = [];
  for (const a of whole.antennes)
    parAntenne.push({ ...a, ...(await scopeFigures(reader, { antenne: a.id, conseiller: null }, today, linkable)) });
  const parConseiller = [];
  for (const c of whole.conseillers)
    parConseiller.push({ ...c, ...(await scopeFigures(reader, { antenne: null, conseiller: c.id }, today, linkable)) });

  const { months, from } = periodOf(filters.mois, today);
  const where = jeuneScope(structure.id, scopeKey);
  const flows = await monthFlows(structure.id, where, months, scopeKey, linkable);
  const hours = await hoursDistribution(structure.id, where, today, scopeKey, linkable);
  const att = await attendance(structure.id, where, applied, from, now, linkable);

  return {
    filters: applied,
    structure,
    structures: structureList,
    antennes: whole.antennes,
    conseillers: whole.conseillers,
    scope,
    parAntenne,
    parConseiller,
    months: flows.months,
    totals: flows.totals,
    period: { from, to: today },
    hours,
    attendance: att,
  };
}
