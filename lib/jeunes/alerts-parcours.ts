/**
 * Portfolio alerts that read the pathway tables (db/schema/parcours.ts, actions-jeune.ts, agenda.ts…). Same model as lib/jeunes/alerts.ts:
 * SQL on a `jeunes` row, other tables under their own aliases.
 *
 * The CEJ hours alert recomputes the weekly gauge in SQL so the portfolio can filter and count on it;
 * it must give the same minutes as lib/cej/jauge.ts over the same rows (an integration test holds them
 * together): actions emploi/formation count `actionEmploiFormation`, other categories `autreAction`;
 * séances count their type's weight; "validées" = finished and qualified actions and séances attended;
 * "déclarées" = everything not cancelled. Weights and target: the national settings in force on the
 * week's Monday.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { jeunes } from "@/db/schema";
import { addDays, addMonths, type CivilDate } from "@/lib/calendar/civil-date";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { parisStartOfDay } from "@/lib/calendar/paris-time";
import { formatShortDate } from "@/lib/format/fr";

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The national value of a setting in force on `on`, as jsonb (null when none). */
const settingAt = (key: string, on: CivilDate) =>
  sql`(select st.value from settings st where st.key = ${key} and st.structure_id is null and st.effective_from <= ${on}::date order by st.effective_from desc limit 1)`;

type Count = "validees" | "declarees";

/**
 * Séances whose Paris civil date falls in [from, to]: as a range of instants (midnight to midnight in
 * Paris), which the (structure, debut) index and a per-file probe can serve, unlike
 * `(debut at time zone …)::date`. Same rows: the civil date grows with the instant.
 */
export function seanceBetween(from: CivilDate, to: CivilDate): SQL {
  return sql`se.debut >= ${parisStartOfDay(from).toISOString()}::timestamptz and se.debut < ${parisStartOfDay(addDays(to, 1)).toISOString()}::timestamptz`;
}

/** Minutes of CEJ activity of the young person `jeuneId` (SQL expression) in the ISO week starting on `monday`. */
export function cejWeekMinutesSql(jeuneId: SQL, monday: CivilDate, which: Count): SQL {
  const sunday = addDays(monday, 6);
  const w = settingAt("cej.heures.ponderation", monday);
  const actionCounted = which === "validees" ? sql`aj.statut = 'terminee' and aj.qualifiee_le is not null` : sql`aj.statut <> 'annulee'`;
  const presenceCounted = which === "validees" ? sql`pa.presence = 'present'` : sql`true`;
  return sql`(
    coalesce((select sum(((${w}) ->> (case when aj.categorie in ('emploi', 'formation') then 'actionEmploiFormation' else 'autreAction' end))::int)
      from actions_jeune aj
      where aj.jeune_id = ${jeuneId} and aj.debut between ${monday}::date and ${sunday}::date and ${actionCounted}), 0)
    + coalesce((select sum(((${w}) ->> (case se.type when 'atelier' then 'atelier' when 'information_collective' then 'informationCollective' else 'rendezVousIndividuel' end))::int)
      from participations pa join seances se on se.id = pa.seance_id
      where pa.jeune_id = ${jeuneId} and se.annulee_le is null and ${presenceCounted}
        and ${seanceBetween(monday, sunday)}), 0)
  )::int`;
}

/** The weekly target (minutes) in force on `monday`. */
export function cejTargetSql(monday: CivilDate): SQL {
  return sql`coalesce(((${settingAt("cej.heures.objectif_hebdo", monday)}) ->> 'minutes')::int, 900)`;
}

/** The CEJ contract open since at least `monday` (the week is owed in full). */
const cejOpenSince = (monday: CivilDate) => sql`c.type = 'CEJ' and c.fin_reelle is null and c.debut <= ${monday}::date`;

function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** Shared by the alert specs below: the ISO weeks the CEJ alert looks at. */
export function cejAlertWeeks(today: CivilDate): { previous: CivilDate; current: CivilDate } {
  const current = isoWeekOf(today).start;
  return { previous: addDays(current, -7), current };
}

export const PARCOURS_ALERT_SPECS = {
  contratFin: {
    key: "contrat_fin",
    label: "Contrat se terminant sous 30 jours",
    when: ({ today }: { today: CivilDate }) =>
      sql`exists (select 1 from contrats c where c.jeune_id = ${jeunes.id} and c.fin_reelle is null and c.fin_prevue <= ${addDays(today, 30)}::date offset 0)`,
    detail: ({ today }: { today: CivilDate }) => sql`(select json_build_object('type', c.type, 'fin', c.fin_prevue)
      from contrats c where c.jeune_id = ${jeunes.id} and c.fin_reelle is null and c.fin_prevue <= ${addDays(today, 30)}::date limit 1)`,
    schema: z.object({ type: z.enum(["PACEA", "CEJ"]), fin: civilDate }),
    badge: (d: { type: "PACEA" | "CEJ"; fin: CivilDate }, { today }: { today: CivilDate }) =>
      d.fin < today
        ? { tone: "error" as const, text: `${d.type} : fin prévue le ${formatShortDate(d.fin)}, sortie à saisir` }
        : { tone: "warning" as const, text: `${d.type} : fin le ${formatShortDate(d.fin)}` },
  },
  cejHeures: {
    key: "cej_heures",
    label: "CEJ : semaine sous 15 h",
    // Last week's validated hours, else this week's planned hours, below the target. Correlated to the row,
    // so the gauge is computed only for the young people the rest of the query kept (a counsellor's
    // portfolio, one structure), never for every open CEJ of the database.
    when: ({ today }: { today: CivilDate }) => {
      const { previous, current } = cejAlertWeeks(today);
      return sql`exists (select 1 from contrats c where c.jeune_id = ${jeunes.id} and (
        (${cejOpenSince(previous)} and ${cejWeekMinutesSql(sql`c.jeune_id`, previous, "validees")} < ${cejTargetSql(previous)})
        or (${cejOpenSince(current)} and ${cejWeekMinutesSql(sql`c.jeune_id`, current, "declarees")} < ${cejTargetSql(current)})) offset 0)`;
    },
    detail: ({ today }: { today: CivilDate }) => {
      const { previous, current } = cejAlertWeeks(today);
      return sql`(select case
          when c.debut <= ${previous}::date and ${cejWeekMinutesSql(sql`c.jeune_id`, previous, "validees")} < ${cejTargetSql(previous)}
            then json_build_object('semaine', 'precedente', 'minutes', ${cejWeekMinutesSql(sql`c.jeune_id`, previous, "validees")}, 'cible', ${cejTargetSql(previous)})
          when ${cejWeekMinutesSql(sql`c.jeune_id`, current, "declarees")} < ${cejTargetSql(current)}
            then json_build_object('semaine', 'en_cours', 'minutes', ${cejWeekMinutesSql(sql`c.jeune_id`, current, "declarees")}, 'cible', ${cejTargetSql(current)})
        end
        from contrats c where c.jeune_id = ${jeunes.id} and ${cejOpenSince(current)} limit 1)`;
    },
    schema: z.object({ semaine: z.enum(["precedente", "en_cours"]), minutes: z.number().int().min(0), cible: z.number().int().min(0) }),
    badge: (d: { semaine: "precedente" | "en_cours"; minutes: number; cible: number }) =>
      d.semaine === "precedente"
        ? { tone: "error" as const, text: `CEJ : ${hoursText(d.minutes)} validées la semaine dernière (objectif ${hoursText(d.cible)})` }
        : { tone: "warning" as const, text: `CEJ : ${hoursText(d.minutes)} prévues cette semaine (objectif ${hoursText(d.cible)})` },
  },
  absence: {
    key: "absence",
    label: "Rendez-vous manqué (30 derniers jours)",
    when: ({ today }: { today: CivilDate }) => sql`exists (select 1 from participations pa join seances se on se.id = pa.seance_id
      where pa.jeune_id = ${jeunes.id} and pa.presence = 'absent_non_excuse' and se.annulee_le is null
        and ${seanceBetween(addDays(today, -30), today)} offset 0)`,
    detail: ({
      today,
    }: {
      today: CivilDate;
    }) => sql`(select json_build_object('date', (se.debut at time zone 'Europe/Paris')::date, 'nombre', count(*) over ())
      from participations pa join seances se on se.id = pa.seance_id
      where pa.jeune_id = ${jeunes.id} and pa.presence = 'absent_non_excuse' and se.annulee_le is null
        and ${seanceBetween(addDays(today, -30), today)}
      order by se.debut desc limit 1)`,
    schema: z.object({ date: civilDate, nombre: z.number().int().min(1) }),
    badge: (d: { date: CivilDate; nombre: number }) => ({
      tone: "error" as const,
      text:
        d.nombre > 1
          ? `${d.nombre} absences non excusées, dernière le ${formatShortDate(d.date)}`
          : `Absent sans excuse le ${formatShortDate(d.date)}`,
    }),
  },
  sansContact: {
    key: "sans_contact",
    label: "Sans contact depuis 30 jours",
    // A contact is a séance the young person attended. Dossiers younger than 30 days are not flagged.
    when: ({ today }: { today: CivilDate }) => sql`${jeunes.statut} = 'actif' and ${jeunes.anonymisedAt} is null
      and ${jeunes.createdAt} < ${parisStartOfDay(addDays(today, -30)).toISOString()}::timestamptz
      and not exists (select 1 from participations pa join seances se on se.id = pa.seance_id
        where pa.jeune_id = ${jeunes.id} and pa.presence = 'present' and ${seanceBetween(addDays(today, -30), today)} offset 0)`,
    detail: ({ today }: { today: CivilDate }) => sql`case when ${jeunes.statut} = 'actif' and ${jeunes.anonymisedAt} is null
      and ${jeunes.createdAt} < ${parisStartOfDay(addDays(today, -30)).toISOString()}::timestamptz
      and not exists (select 1 from participations pa join seances se on se.id = pa.seance_id
        where pa.jeune_id = ${jeunes.id} and pa.presence = 'present' and ${seanceBetween(addDays(today, -30), today)} offset 0)
      then json_build_object('dernier', (select (max(se.debut) at time zone 'Europe/Paris')::date from participations pa join seances se on se.id = pa.seance_id
        where pa.jeune_id = ${jeunes.id} and pa.presence = 'present' and se.debut < ${parisStartOfDay(addDays(today, 1)).toISOString()}::timestamptz)) end`,
    schema: z.object({ dernier: civilDate.nullable() }),
    badge: (d: { dernier: CivilDate | null }) => ({
      tone: "warning" as const,
      text: d.dernier ? `Sans contact depuis le ${formatShortDate(d.dernier)}` : "Aucun contact enregistré",
    }),
  },
  sanction: {
    key: "sanction",
    label: "Sanction à examiner",
    when: () =>
      sql`exists (select 1 from sanctions sa where sa.jeune_id = ${jeunes.id} and sa.statut in ('proposee', 'contradictoire') offset 0)`,
    detail: () => sql`(select json_build_object('date', sa.date_fait, 'statut', sa.statut)
      from sanctions sa where sa.jeune_id = ${jeunes.id} and sa.statut in ('proposee', 'contradictoire') order by sa.date_fait asc limit 1)`,
    schema: z.object({ date: civilDate, statut: z.enum(["proposee", "contradictoire"]) }),
    badge: (d: { date: CivilDate; statut: "proposee" | "contradictoire" }) => ({
      tone: "warning" as const,
      text:
        d.statut === "proposee"
          ? `Sanction proposée (manquement du ${formatShortDate(d.date)})`
          : `Sanction : réponse du jeune reçue, décision à prendre`,
    }),
  },
  allocation: {
    key: "allocation_a_decider",
    label: "Allocation CEJ du mois dernier à décider",
    // A CEJ in force during last month (started before its end) and no current decision for it.
    when: ({ today }: { today: CivilDate }) => {
      const { month, first, last } = previousMonth(today);
      return sql`exists (select 1 from contrats c where c.jeune_id = ${jeunes.id} and c.type = 'CEJ' and c.debut <= ${last}::date and coalesce(c.fin_reelle, c.fin_prevue) >= ${first}::date
        and not exists (select 1 from allocation_decisions ad where ad.contrat_id = c.id and ad.mois = ${month} and ad.remplacee_par_id is null offset 0) offset 0)`;
    },
    detail: ({ today }: { today: CivilDate }) => {
      const { month, first, last } = previousMonth(today);
      return sql`(select json_build_object('mois', ${month}::text) from contrats c where c.jeune_id = ${jeunes.id} and c.type = 'CEJ' and c.debut <= ${last}::date and coalesce(c.fin_reelle, c.fin_prevue) >= ${first}::date
        and not exists (select 1 from allocation_decisions ad where ad.contrat_id = c.id and ad.mois = ${month} and ad.remplacee_par_id is null offset 0) limit 1)`;
    },
    schema: z.object({ mois: z.string().regex(/^\d{4}-\d{2}$/) }),
    badge: (d: { mois: string }) => ({ tone: "info" as const, text: `Allocation de ${monthName(d.mois)} à décider` }),
  },
} as const;

/** "YYYY-MM" of the month before `today`, with its first and last days. */
export function previousMonth(today: CivilDate): { month: string; first: CivilDate; last: CivilDate } {
  const first = addMonths(`${today.slice(0, 7)}-01`, -1);
  return { month: first.slice(0, 7), first, last: addDays(`${today.slice(0, 7)}-01`, -1) };
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
function monthName(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}
