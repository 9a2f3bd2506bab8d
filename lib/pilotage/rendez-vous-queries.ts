import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { antennes, jeunes, participations, seances, users } from "@/db/schema";
import { MARKED_PRESENCES, type MarkedPresence } from "@/lib/agenda/rules";
import { can } from "@/lib/auth/permissions";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { parisStartOfDay } from "@/lib/calendar/paris-time";
import { portfolioListCondition } from "@/lib/dossier/scope";
import { DomainError } from "@/lib/errors/domain-error";
import { displayName } from "@/lib/jeunes/labels";
import { periodOf, type RendezVousFilters } from "./params";

/**
 * Individual rendez-vous of the period already held (not cancelled) of the young people `jeuneWhere` selects,
 * with a marked attendance (one, or the three). The dashboard's attendance counts these rows and the list
 * shows them: one condition for both.
 */
export function attendanceCondition(o: {
  structureId: string;
  jeuneWhere: SQL;
  from: CivilDate;
  now: Date;
  presence: MarkedPresence | null;
}): SQL {
  return and(
    eq(participations.structureId, o.structureId),
    eq(seances.structureId, o.structureId),
    o.jeuneWhere,
    eq(seances.type, "rendez_vous_individuel"),
    isNull(seances.annuleeLe),
    gte(seances.debut, parisStartOfDay(o.from)),
    lte(seances.debut, o.now),
    o.presence ? eq(participations.presence, o.presence) : inArray(participations.presence, [...MARKED_PRESENCES]),
  )!;
}

export const RENDEZ_VOUS_PAGE_SIZE = 50;

export interface RendezVousRow {
  participationId: string;
  seanceId: string;
  debut: Date;
  titre: string;
  jeuneId: string;
  jeuneName: string;
  animateurName: string | null;
  presence: MarkedPresence;
}

export interface RendezVousList {
  filters: RendezVousFilters;
  period: { from: CivilDate; to: CivilDate };
  antenne: { id: string; name: string } | null;
  conseiller: { id: string; name: string } | null;
  rows: RendezVousRow[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * The rendez-vous the dashboard's attendance counts, for a reader whose portfolio is the structure (the
 * director): the same scope (an antenne, a titular counsellor — one of another structure is dropped, as on the
 * dashboard), the same period, one attendance or the three. Latest first, paginated.
 */
export async function listRendezVous(user: SessionUser, filters: RendezVousFilters, now: Date, today: CivilDate): Promise<RendezVousList> {
  const portfolio = portfolioListCondition(user, today);
  // The admin has no portfolio, a counsellor no dashboard: the list is the director's, as the links are.
  const structureId = structureScope(user);
  if (!can(user.role, "pilotage.read") || !portfolio || !structureId) throw new DomainError("forbidden");
  const db = await getDb();
  const [antenne] = filters.antenne
    ? await db
        .select({ id: antennes.id, name: antennes.name })
        .from(antennes)
        .where(and(eq(antennes.id, filters.antenne), eq(antennes.structureId, structureId)))
    : [];
  const [conseiller] = filters.conseiller
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.id, filters.conseiller), eq(users.structureId, structureId), eq(users.role, "conseiller")))
    : [];
  const applied: RendezVousFilters = { ...filters, antenne: antenne?.id ?? null, conseiller: conseiller?.id ?? null };
  const period = periodOf(applied.mois, today);
  const where = attendanceCondition({
    structureId,
    jeuneWhere: and(
      portfolio,
      applied.antenne ? eq(jeunes.antenneId, applied.antenne) : undefined,
      applied.conseiller ? eq(jeunes.conseillerId, applied.conseiller) : undefined,
    )!,
    from: period.from,
    now,
    presence: applied.presence,
  });
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(participations)
    .innerJoin(seances, eq(seances.id, participations.seanceId))
    .innerJoin(jeunes, eq(jeunes.id, participations.jeuneId))
    .where(where);
  const pageCount = Math.max(1, Math.ceil(total / RENDEZ_VOUS_PAGE_SIZE));
  const page = Math.min(applied.page, pageCount);
  const rows = await db
    .select({
      participationId: participations.id,
      seanceId: seances.id,
      debut: seances.debut,
      titre: seances.titre,
      jeuneId: jeunes.id,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
      animateurName: users.name,
      presence: sql<MarkedPresence>`${participations.presence}`,
    })
    .from(participations)
    .innerJoin(seances, eq(seances.id, participations.seanceId))
    .innerJoin(jeunes, eq(jeunes.id, participations.jeuneId))
    .leftJoin(users, eq(users.id, seances.animateurId))
    .where(where)
    .orderBy(desc(seances.debut), asc(participations.id))
    .limit(RENDEZ_VOUS_PAGE_SIZE)
    .offset((page - 1) * RENDEZ_VOUS_PAGE_SIZE);
  return {
    filters: { ...applied, page },
    period: { from: period.from, to: today },
    antenne: antenne ?? null,
    conseiller: conseiller ?? null,
    total,
    page,
    pageCount,
    rows: rows.map(({ nomNaissance, nomUsage, prenoms, ...r }) => ({ ...r, jeuneName: displayName({ nomNaissance, nomUsage, prenoms }) })),
  };
}
