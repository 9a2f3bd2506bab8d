/**
 * The CEJ weekly gauge from the database: a young person's actions and séance attendances of one ISO
 * week, turned into activities (lib/cej/activites.ts) and weighed with the settings in force on the
 * week's Monday (lib/cej/jauge.ts). Reads only; every query is limited to one structure.
 */
import { and, asc, eq, gte, inArray, lt, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionsJeune, participations, seances } from "@/db/schema";
import { addDays, type CivilDate } from "@/lib/calendar/civil-date";
import { settingInForce } from "@/lib/settings/read";
import { actionActivity, participationActivity, type GaugeActivity } from "./activites";
import { weeklyGauge, type ActivityWeights, type WeeklyGauge } from "./jauge";
import { isInWeek, type IsoWeek } from "@/lib/calendar/iso-week";

export interface GaugeRules {
  weights: ActivityWeights;
  targetMinutes: number;
  /** Effective dates of the two settings used: "which rule" for the counsellor. */
  ponderationDepuis: CivilDate;
  objectifDepuis: CivilDate;
}

/** Weights and weekly target in force on the week's Monday; null while either setting is missing. */
export async function gaugeRules(db: DbOrTx, week: Pick<IsoWeek, "start">): Promise<GaugeRules | null> {
  const [ponderation, objectif] = await Promise.all([
    settingInForce(db, "cej.heures.ponderation", week.start),
    settingInForce(db, "cej.heures.objectif_hebdo", week.start),
  ]);
  if (!ponderation || !objectif) return null;
  return {
    weights: ponderation.value,
    targetMinutes: objectif.value.minutes,
    ponderationDepuis: ponderation.effectiveFrom,
    objectifDepuis: objectif.effectiveFrom,
  };
}

/**
 * Activities of the week for each young person, in two queries whatever their number: actions by start
 * date (index actions_jeune_jeune_idx), attendances joined to their séance. Séances are fetched over a
 * slightly wider UTC window, then kept when their Paris civil date falls in the week.
 */
export async function weekActivities(
  db: DbOrTx,
  params: { structureId: string; jeuneIds: readonly string[]; week: IsoWeek },
): Promise<Map<string, GaugeActivity[]>> {
  const { structureId, week } = params;
  const jeuneIds = [...new Set(params.jeuneIds)];
  const out = new Map<string, GaugeActivity[]>(jeuneIds.map((id) => [id, []]));
  if (jeuneIds.length === 0) return out;
  const [actionRows, participationRows] = await Promise.all([
    db
      .select({
        id: actionsJeune.id,
        jeuneId: actionsJeune.jeuneId,
        categorie: actionsJeune.categorie,
        statut: actionsJeune.statut,
        debut: actionsJeune.debut,
        qualifieeLe: actionsJeune.qualifieeLe,
        libelle: actionsJeune.libelle,
        dureeMinutes: actionsJeune.dureeMinutes,
      })
      .from(actionsJeune)
      .where(
        and(
          inArray(actionsJeune.jeuneId, jeuneIds),
          eq(actionsJeune.structureId, structureId),
          gte(actionsJeune.debut, week.start),
          lte(actionsJeune.debut, week.end),
        ),
      )
      .orderBy(asc(actionsJeune.debut), asc(actionsJeune.id)),
    db
      .select({
        id: participations.id,
        jeuneId: participations.jeuneId,
        presence: participations.presence,
        seanceType: seances.type,
        seanceDebut: seances.debut,
        seanceFin: seances.fin,
        seanceAnnuleeLe: seances.annuleeLe,
        titre: seances.titre,
      })
      .from(participations)
      .innerJoin(seances, eq(seances.id, participations.seanceId))
      .where(
        and(
          inArray(participations.jeuneId, jeuneIds),
          eq(participations.structureId, structureId),
          eq(seances.structureId, structureId),
          gte(seances.debut, new Date(`${addDays(week.start, -1)}T00:00:00Z`)),
          lt(seances.debut, new Date(`${addDays(week.end, 2)}T00:00:00Z`)),
        ),
      )
      .orderBy(asc(seances.debut), asc(participations.id)),
  ]);
  for (const row of actionRows) out.get(row.jeuneId)!.push(actionActivity(row));
  for (const row of participationRows) {
    const activity = participationActivity(row);
    if (isInWeek(activity.date, week)) out.get(row.jeuneId)!.push(activity);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source.localeCompare(b.source)));
  return out;
}

export interface JeuneWeekGauge {
  week: IsoWeek;
  rules: GaugeRules;
  gauge: WeeklyGauge;
  /** Every activity of the week, cancelled ones included (they count 0 h). */
  activities: GaugeActivity[];
}

/** One young person's week (the dossier's Parcours tab). null while the settings are missing. */
export async function jeuneWeekGauge(
  db: DbOrTx,
  params: { structureId: string; jeuneId: string; week: IsoWeek },
): Promise<JeuneWeekGauge | null> {
  const rules = await gaugeRules(db, params.week);
  if (!rules) return null;
  const activities =
    (await weekActivities(db, { structureId: params.structureId, jeuneIds: [params.jeuneId], week: params.week })).get(params.jeuneId) ??
    [];
  return { week: params.week, rules, gauge: weeklyGauge(activities, rules.weights, rules.targetMinutes, params.week), activities };
}

/**
 * The gauge of many young people for one week, in four queries (two settings, actions, attendances) —
 * for portfolio alerts such as "CEJ : semaine sous 15 h". Every id passed gets an entry (a young person
 * with no activity gets 0 h); ids of another structure simply have no rows. Returns null while the
 * settings are missing. The caller chooses which young people are concerned (e.g. open CEJ contract).
 */
export async function cejGaugeAlerts(
  db: DbOrTx,
  params: { structureId: string; jeuneIds: readonly string[]; week: IsoWeek },
): Promise<{ rules: GaugeRules; gauges: Map<string, WeeklyGauge> } | null> {
  const rules = await gaugeRules(db, params.week);
  if (!rules) return null;
  const activities = await weekActivities(db, params);
  const gauges = new Map<string, WeeklyGauge>();
  for (const [jeuneId, list] of activities) gauges.set(jeuneId, weeklyGauge(list, rules.weights, rules.targetMinutes, params.week));
  return { rules, gauges };
}
