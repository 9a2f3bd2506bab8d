/**
 * Last ISO week's validated CEJ hours, as the director's dashboard distributes them and as the portfolio
 * filters on them (`/portefeuille?heures=5-10`, `heures=objectif`): the active CEJ young people whose CEJ
 * contract covered the whole week, by validated minutes (the SQL gauge of lib/jeunes/alerts-parcours.ts,
 * held equal to the dossier's TypeScript gauge by an integration test). Pure except for the SQL it builds.
 */
import { sql, type SQL } from "drizzle-orm";
import { jeunes } from "@/db/schema";
import { addDays, type CivilDate } from "@/lib/calendar/civil-date";
import { type IsoWeek, isoWeekOf } from "@/lib/calendar/iso-week";
import { cejTargetSql, cejWeekMinutesSql } from "./alerts-parcours";
import { CEJ_HOURS_BUCKETS, type CejHoursKey } from "./cej-hours-buckets";

export { CEJ_HOURS_BUCKETS, CEJ_HOURS_KEYS, type CejHoursBucket, type CejHoursKey } from "./cej-hours-buckets";

/** The ISO week the figures are about: the one before `today`'s. */
export function cejHoursWeek(today: CivilDate): IsoWeek {
  const current = isoWeekOf(today);
  return isoWeekOf(addDays(current.start, -7));
}

/** SQL on a `jeunes` row: counted in that week's distribution, in bucket `key` (or at the target). */
export function cejHoursCondition(key: CejHoursKey, today: CivilDate): SQL {
  const week = cejHoursWeek(today);
  const minutes = cejWeekMinutesSql(sql`${jeunes.id}`, week.start, "validees");
  const bucket = CEJ_HOURS_BUCKETS.find((b) => b.key === key);
  const range = bucket
    ? bucket.max === null
      ? sql`${minutes} >= ${bucket.min}`
      : sql`${minutes} >= ${bucket.min} and ${minutes} < ${bucket.max}`
    : sql`${minutes} >= ${cejTargetSql(week.start)}`;
  return sql`(${jeunes.statut} = 'actif' and ${jeunes.dispositif} = 'CEJ'
    and exists (select 1 from contrats c where c.jeune_id = ${jeunes.id} and c.type = 'CEJ' and c.debut <= ${week.start}::date
      and coalesce(c.fin_reelle, c.fin_prevue) >= ${week.end}::date offset 0)
    and ${range})`;
}
