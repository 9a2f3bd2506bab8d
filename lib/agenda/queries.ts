import "server-only";
import { and, asc, count, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type DbOrTx, getDb } from "@/db/client";
import { auditLog, jeunes, participations, seances, users, type Seance } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { addDays } from "@/lib/calendar/civil-date";
import { normalizeForSearch } from "@/lib/jeunes/rules";
import { escapeLike } from "@/lib/http/search-params";
import { displayName } from "@/lib/jeunes/labels";
import { parisStartOfDay } from "@/lib/calendar/paris-time";
import { ANNULATION_MOTIFS, type AnnulationMotif, type Presence, type SeanceType } from "./rules";
import { mondayOfIsoWeek, type IsoWeek } from "@/lib/calendar/iso-week";

/** A week holds at most this many séances on screen; beyond, the page says the list is cut (filters narrow it). */
export const WEEK_LIMIT = 400;

export interface WeekSeance {
  id: string;
  type: SeanceType;
  titre: string;
  debut: Date;
  fin: Date;
  lieu: string | null;
  animateurId: string | null;
  animateurName: string | null;
  capacite: number | null;
  inscrits: number;
  annulee: boolean;
  cloturee: boolean;
}

function scope(user: SessionUser): string {
  const structureId = structureScope(user);
  // The agenda is a structure's: a role without one (admin) has no agenda.
  if (!structureId) throw new Error("agenda: caller without structure");
  return structureId;
}

const inscritsCount = sql<number>`(select count(*)::int from ${participations} where ${participations.seanceId} = ${seances.id})`;

/** The caller's structure's séances of an ISO week (Paris days, Monday 00:00 → next Monday 00:00). */
export async function listWeek(
  user: SessionUser,
  week: IsoWeek,
  filters: { type: SeanceType | null; mine: boolean },
): Promise<{ seances: WeekSeance[]; truncated: boolean }> {
  const db = await getDb();
  const monday = mondayOfIsoWeek(week);
  const conditions: SQL[] = [
    eq(seances.structureId, scope(user)),
    gte(seances.debut, parisStartOfDay(monday)),
    lt(seances.debut, parisStartOfDay(addDays(monday, 7))),
  ];
  if (filters.type) conditions.push(eq(seances.type, filters.type));
  if (filters.mine) conditions.push(eq(seances.animateurId, user.id));
  // Served by seances_structure_debut_idx; the count is a correlated subquery on participations' unique (seance, jeune) index.
  const rows = await db
    .select({
      id: seances.id,
      type: seances.type,
      titre: seances.titre,
      debut: seances.debut,
      fin: seances.fin,
      lieu: seances.lieu,
      animateurId: seances.animateurId,
      animateurName: users.name,
      capacite: seances.capacite,
      inscrits: inscritsCount,
      annuleeLe: seances.annuleeLe,
      clotureeLe: seances.clotureeLe,
    })
    .from(seances)
    .leftJoin(users, eq(users.id, seances.animateurId))
    .where(and(...conditions))
    .orderBy(asc(seances.debut), asc(seances.id))
    .limit(WEEK_LIMIT + 1);
  return {
    truncated: rows.length > WEEK_LIMIT,
    seances: rows.slice(0, WEEK_LIMIT).map(({ annuleeLe, clotureeLe, ...r }) => ({
      ...r,
      inscrits: Number(r.inscrits),
      annulee: annuleeLe !== null,
      cloturee: clotureeLe !== null,
    })),
  };
}

export interface SeanceParticipant {
  id: string;
  jeuneId: string;
  name: string;
  presence: Presence;
  motifAbsence: string | null;
  version: number;
  marqueeLe: Date | null;
}

export interface SeanceDetail {
  seance: Seance;
  structureName: string | null;
  animateurName: string | null;
  clotureeParName: string | null;
  annulationMotif: string | null;
  participants: SeanceParticipant[];
}

const closer = alias(users, "closer");

/**
 * One séance of the caller's structure with its participants; null when missing or elsewhere (same answer).
 * `tx`: a download's transaction, so the read and its audit entry are one.
 */
export async function getSeanceDetail(user: SessionUser, seanceId: string, tx?: DbOrTx): Promise<SeanceDetail | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ seance: seances, animateurName: users.name, clotureeParName: closer.name })
    .from(seances)
    .leftJoin(users, eq(users.id, seances.animateurId))
    .leftJoin(closer, eq(closer.id, seances.clotureePar))
    .where(and(eq(seances.id, seanceId), eq(seances.structureId, scope(user))));
  if (!row) return null;
  const people = await db
    .select({
      id: participations.id,
      jeuneId: participations.jeuneId,
      presence: participations.presence,
      motifAbsence: participations.motifAbsence,
      version: participations.version,
      marqueeLe: participations.marqueeLe,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
    })
    .from(participations)
    .innerJoin(jeunes, eq(jeunes.id, participations.jeuneId))
    .where(eq(participations.seanceId, seanceId))
    .orderBy(asc(jeunes.searchText), asc(participations.id));
  let annulationMotif: string | null = null;
  if (row.seance.annuleeLe) {
    const [entry] = await db
      .select({ meta: auditLog.meta })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "seance"), eq(auditLog.targetId, seanceId), eq(auditLog.action, "agenda.seance_cancel")))
      .orderBy(desc(auditLog.at))
      .limit(1);
    const code = entry?.meta?.motif;
    annulationMotif = typeof code === "string" && code in ANNULATION_MOTIFS ? ANNULATION_MOTIFS[code as AnnulationMotif] : null;
  }
  return {
    seance: row.seance,
    structureName: user.structureName,
    animateurName: row.animateurName,
    clotureeParName: row.clotureeParName,
    annulationMotif,
    participants: people.map((p) => ({
      id: p.id,
      jeuneId: p.jeuneId,
      name: displayName(p),
      presence: p.presence,
      motifAbsence: p.motifAbsence,
      version: p.version,
      marqueeLe: p.marqueeLe,
    })),
  };
}

export interface Option {
  value: string;
  label: string;
}

/** Counsellors and directors of the caller's structure who can run a séance. */
export async function animateurOptions(user: SessionUser): Promise<Option[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.structureId, scope(user)), eq(users.active, true), inArray(users.role, ["conseiller", "directeur"])))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

const jeuneLabel = (j: { nomNaissance: string; nomUsage: string | null; prenoms: string; dateNaissance: string }) =>
  `${displayName(j)} (né(e) le ${j.dateNaissance.slice(8, 10)}/${j.dateNaissance.slice(5, 7)}/${j.dateNaissance.slice(0, 4)})`;

const jeuneColumns = {
  id: jeunes.id,
  nomNaissance: jeunes.nomNaissance,
  nomUsage: jeunes.nomUsage,
  prenoms: jeunes.prenoms,
  dateNaissance: jeunes.dateNaissance,
};

/** The list offered before any search: the caller's own active young people (a director: the first of the structure). */
export const PICKER_LIMIT = 60;

export async function defaultJeuneOptions(user: SessionUser, extraIds: string[] = []): Promise<Option[]> {
  const db = await getDb();
  const base = [eq(jeunes.structureId, scope(user)), eq(jeunes.statut, "actif")];
  const mine = user.role === "conseiller" ? [eq(jeunes.conseillerId, user.id)] : [];
  const rows = await db
    .select(jeuneColumns)
    .from(jeunes)
    .where(and(...base, extraIds.length > 0 ? or(and(...mine), inArray(jeunes.id, extraIds)) : and(...mine)))
    .orderBy(asc(jeunes.searchText), asc(jeunes.id))
    .limit(PICKER_LIMIT);
  return rows.map((r) => ({ value: r.id, label: jeuneLabel(r) }));
}

/** The young person a new séance starts with (?jeune= from a dossier): their id if active and of the caller's structure, else null. */
export async function preselectedJeuneId(user: SessionUser, jeuneId: string): Promise<string | null> {
  if (!user.structureId) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: jeunes.id })
    .from(jeunes)
    .where(and(eq(jeunes.id, jeuneId), eq(jeunes.structureId, user.structureId), eq(jeunes.statut, "actif")));
  return row?.id ?? null;
}

/** Active young people of the caller's structure whose name has words starting like the query's ("dup lea"). */
export async function searchJeunes(user: SessionUser, query: string): Promise<Option[]> {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean).slice(0, 4);
  if (words.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select(jeuneColumns)
    .from(jeunes)
    .where(
      and(
        eq(jeunes.structureId, scope(user)),
        eq(jeunes.statut, "actif"),
        ...words.map((w) => or(like(jeunes.searchText, `${escapeLike(w)}%`), like(jeunes.searchText, `% ${escapeLike(w)}%`))!),
      ),
    )
    .orderBy(asc(jeunes.searchText), asc(jeunes.id))
    .limit(20);
  return rows.map((r) => ({ value: r.id, label: jeuneLabel(r) }));
}

export interface JeuneSeance {
  participationId: string;
  seanceId: string;
  type: SeanceType;
  titre: string;
  debut: Date;
  fin: Date;
  lieu: string | null;
  presence: Presence;
  annulee: boolean;
  cloturee: boolean;
  aVenir: boolean;
}

export const JEUNE_SEANCES_PAGE_SIZE = 10;

/** A young person's séances: upcoming first (soonest first), then past ones (latest first), paginated. */
export async function listJeuneSeances(
  user: SessionUser,
  jeuneId: string,
  page: number,
  now: Date,
): Promise<{ rows: JeuneSeance[]; total: number; pageCount: number; page: number }> {
  const db = await getDb();
  // Any reader of the dossier (DPO, admin too): the page already checked access; the structure still bounds it.
  const structureId = structureScope(user);
  const where = and(eq(participations.jeuneId, jeuneId), ...(structureId ? [eq(participations.structureId, structureId)] : []));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(participations).where(where);
  const pageCount = Math.max(1, Math.ceil(total / JEUNE_SEANCES_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  // An ISO string with a cast: postgres.js does not serialise a Date inside a raw SQL fragment.
  const upcoming = sql<boolean>`${seances.fin} >= ${now.toISOString()}::timestamptz`;
  const rows = await db
    .select({
      participationId: participations.id,
      seanceId: seances.id,
      type: seances.type,
      titre: seances.titre,
      debut: seances.debut,
      fin: seances.fin,
      lieu: seances.lieu,
      presence: participations.presence,
      annuleeLe: seances.annuleeLe,
      clotureeLe: seances.clotureeLe,
      aVenir: upcoming,
    })
    .from(participations)
    .innerJoin(seances, eq(seances.id, participations.seanceId))
    .where(where)
    // participations_jeune_idx finds the rows; the sort runs on one person's séances only.
    .orderBy(desc(upcoming), sql`case when ${upcoming} then ${seances.debut} end asc`, desc(seances.debut), asc(participations.id))
    .limit(JEUNE_SEANCES_PAGE_SIZE)
    .offset((current - 1) * JEUNE_SEANCES_PAGE_SIZE);
  return {
    total,
    pageCount,
    page: current,
    rows: rows.map(({ annuleeLe, clotureeLe, ...r }) => ({ ...r, annulee: annuleeLe !== null, cloturee: clotureeLe !== null })),
  };
}
