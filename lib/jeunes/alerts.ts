/**
 * The portfolio's alerts, computed by the database (never in the browser): each alert is one entry of
 * ALERTS, made of SQL expressions on a `jeunes` row. The portfolio query selects their details for the
 * rows shown, filters on them (`?alerte=<key>`) and counts them, all from this list, so a new alert
 * ("contrat se terminant sous 30 jours", "semaine CEJ sous 15 h", "rendez-vous manqué"…) is one entry.
 *
 * Expressions may reference `jeunes` columns and run correlated subqueries; tables other than `jeunes`
 * are written with their own SQL aliases so they never clash with the outer query.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { jeunes } from "@/db/schema";
import { addDays, addMonths, type CivilDate } from "@/lib/calendar/civil-date";
import { RECIPIENTS, type RecipientId } from "@/lib/data-map/recipients";
import { formatShortDate } from "@/lib/format/fr";
import { PARCOURS_ALERT_SPECS as P } from "./alerts-parcours";

export interface AlertContext {
  today: CivilDate;
  /** The viewer: a substitute reads "En remplacement de…", anyone else "Suivi par…". */
  userId: string;
}

/** Same words as the design system's badge tones; every badge also carries an icon and a word. */
export type AlertTone = "info" | "warning" | "error" | "neutral";

export interface AlertBadge {
  key: string;
  tone: AlertTone;
  text: string;
}

interface AlertSpec<K extends string, D> {
  key: K;
  /** Name of the alert in the filter ("Mineur"). */
  label: string;
  /** SQL boolean: does the alert apply to this jeune? Used to filter and count. */
  when: (ctx: AlertContext) => SQL;
  /** SQL json object with what the badge shows, or null when the alert does not apply. */
  detail: (ctx: AlertContext) => SQL;
  schema: z.ZodType<D>;
  badge: (detail: D, ctx: AlertContext) => Omit<AlertBadge, "key">;
}

export interface AlertDefinition<K extends string = string> {
  key: K;
  label: string;
  when: (ctx: AlertContext) => SQL;
  detail: (ctx: AlertContext) => SQL;
  /** The badge for a detail read back from the database, or null if it is malformed. */
  toBadge: (raw: unknown, ctx: AlertContext) => AlertBadge | null;
}

// The detail's type stays inside the definition, so the list can hold alerts of different shapes.
function defineAlert<const K extends string, D>(spec: AlertSpec<K, D>): AlertDefinition<K> {
  return {
    key: spec.key,
    label: spec.label,
    when: spec.when,
    detail: spec.detail,
    toBadge: (raw, ctx) => {
      const parsed = spec.schema.safeParse(raw);
      return parsed.success ? { key: spec.key, ...spec.badge(parsed.data, ctx) } : null;
    },
  };
}

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Temporary affectations running today (bounds inclusive), as lib/jeunes/scope.ts reads them. */
const running = (today: CivilDate) => sql`a.type = 'temporaire' and a.debut <= ${today}::date and a.fin >= ${today}::date`;

export const ALERTS = [
  defineAlert({
    key: "remplacement",
    label: "Remplacement en cours",
    // Correlated: each file probes its own rows (index by jeune_id), so the cost follows the portfolio,
    // never the country's tables (a director's counts read the stored state, lib/jeunes/alert-state.ts).
    when: ({ today }) => sql`exists (select 1 from affectations a where a.jeune_id = ${jeunes.id} and ${running(today)} offset 0)`,
    detail: ({ today }) => sql`(select json_build_object(
        'fin', a.fin,
        'remplacantId', a.vers_conseiller_id,
        'remplacant', (select v.name from users v where v.id = a.vers_conseiller_id),
        'titulaire', (select t.name from users t where t.id = coalesce(a.de_conseiller_id, ${jeunes.conseillerId}))
      ) from affectations a where a.jeune_id = ${jeunes.id} and ${running(today)} order by a.fin desc, a.id desc limit 1)`,
    schema: z.object({ fin: civilDate, remplacantId: z.string(), remplacant: z.string().nullable(), titulaire: z.string().nullable() }),
    badge: (d, { userId }) => ({
      tone: "info",
      text:
        d.remplacantId === userId
          ? `En remplacement de ${d.titulaire ?? "son conseiller"} jusqu'au ${formatShortDate(d.fin)}`
          : `Suivi par ${d.remplacant ?? "un autre conseiller"} jusqu'au ${formatShortDate(d.fin)}`,
    }),
  }),
  defineAlert({
    key: "titre_sejour",
    label: "Titre de séjour expiré ou expirant sous 30 jours",
    when: ({ today }) => sql`${jeunes.titreSejourFin} <= ${addDays(today, 30)}::date`,
    detail: ({ today }) =>
      sql`case when ${jeunes.titreSejourFin} <= ${addDays(today, 30)}::date then json_build_object('fin', ${jeunes.titreSejourFin}) end`,
    schema: z.object({ fin: civilDate }),
    badge: (d, { today }) =>
      d.fin < today
        ? { tone: "error", text: `Titre de séjour expiré le ${formatShortDate(d.fin)}` }
        : { tone: "warning", text: `Titre de séjour : fin le ${formatShortDate(d.fin)}` },
  }),
  defineAlert(P.contratFin),
  defineAlert(P.cejHeures),
  defineAlert(P.absence),
  defineAlert(P.sansContact),
  defineAlert(P.sanction),
  defineAlert(P.allocation),
  defineAlert({
    key: "demande_droits",
    label: "Demande de droits en cours",
    when: () =>
      sql`exists (select 1 from demandes_droits d where d.jeune_id = ${jeunes.id} and d.statut not in ('repondue', 'close') offset 0)`,
    detail: () => sql`(select json_build_object('echeance', d.echeance, 'numero', d.numero)
      from demandes_droits d where d.jeune_id = ${jeunes.id} and d.statut not in ('repondue', 'close')
      order by d.echeance asc nulls last, d.recue_le asc limit 1)`,
    schema: z.object({ echeance: civilDate.nullable(), numero: z.string() }),
    badge: (d, { today }) =>
      d.echeance === null
        ? { tone: "info", text: `Demande de droits n° ${d.numero} (délai suspendu)` }
        : d.echeance < today
          ? { tone: "error", text: `Demande de droits n° ${d.numero} en retard` }
          : { tone: "warning", text: `Demande de droits n° ${d.numero} : réponse avant le ${formatShortDate(d.echeance)}` },
  }),
  defineAlert({
    key: "transmission_echouee",
    label: "Transmission refusée ou abandonnée",
    when: () =>
      sql`exists (select 1 from transmissions tr where tr.jeune_id = ${jeunes.id} and tr.status in ('rejetee', 'abandonnee') offset 0)`,
    detail: () => sql`(select json_build_object('recipient', tr.recipient, 'status', tr.status)
      from transmissions tr where tr.jeune_id = ${jeunes.id} and tr.status in ('rejetee', 'abandonnee')
      order by tr.created_at desc limit 1)`,
    schema: z.object({ recipient: z.string(), status: z.enum(["rejetee", "abandonnee"]) }),
    badge: (d) => ({
      tone: "error",
      text: `Envoi ${d.status === "rejetee" ? "refusé" : "abandonné"} : ${RECIPIENTS[d.recipient as RecipientId]?.name ?? d.recipient}`,
    }),
  }),
  defineAlert({
    key: "limitation",
    label: "Limitation en cours (aucune transmission)",
    when: () => sql`${jeunes.limitationDepuis} is not null`,
    detail: () =>
      sql`case when ${jeunes.limitationDepuis} is not null then json_build_object('depuis', (${jeunes.limitationDepuis} at time zone 'Europe/Paris')::date) end`,
    schema: z.object({ depuis: civilDate }),
    badge: (d) => ({ tone: "warning", text: `Limitation depuis le ${formatShortDate(d.depuis)}` }),
  }),
  defineAlert({
    key: "mineur",
    label: "Mineur (informer les représentants légaux)",
    // Under 18 on `today` ⇔ born after today minus 18 years (addMonths clamps 29 February like ageOn).
    when: ({ today }) => sql`${jeunes.dateNaissance} > ${addMonths(today, -18 * 12)}::date`,
    detail: ({ today }) => sql`case when ${jeunes.dateNaissance} > ${addMonths(today, -18 * 12)}::date then json_build_object() end`,
    schema: z.object({}),
    badge: () => ({ tone: "neutral", text: "Mineur" }),
  }),
] as const;

export type AlertKey = (typeof ALERTS)[number]["key"];

export const ALERT_KEYS = ALERTS.map((a) => a.key) as [AlertKey, ...AlertKey[]];

export function alertDefinition(key: AlertKey): AlertDefinition<AlertKey> {
  return ALERTS.find((a) => a.key === key)!;
}

/** Badges of a row, in the order of ALERTS, from the `{ key: detail }` object the query returns. */
export function alertBadges(raw: unknown, ctx: AlertContext): AlertBadge[] {
  if (!raw || typeof raw !== "object") return [];
  const details = raw as Record<string, unknown>;
  return ALERTS.flatMap((a) => {
    const detail = details[a.key];
    if (detail === null || detail === undefined) return [];
    const badge = a.toBadge(detail, ctx);
    return badge ? [badge] : [];
  });
}
