/**
 * The director's dashboard URL (`/pilotage?structure=<uuid>&antenne=<uuid>&conseiller=<uuid>&mois=12`) ↔
 * typed filters. Pure. Each parameter is parsed on its own and falls back to its default when odd: a
 * hand-edited link never fails.
 */
import { z } from "zod";
import { MARKED_PRESENCES, type MarkedPresence } from "@/lib/agenda/rules";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { addToMonth, firstDayOfMonth, type MonthSpan, monthOf } from "@/lib/calendar/months";
import { withParams } from "@/lib/http/search-params";

export const PERIOD_VALUES = [3, 6, 12] as const;
export type PeriodMonths = (typeof PERIOD_VALUES)[number];

export interface PilotageFilters {
  /** The admin's chosen structure (ignored for a director, who sees their own). */
  structure: string | null;
  antenne: string | null;
  conseiller: string | null;
  /** How many months, ending with the current one, the entries, exits and attendance cover. */
  mois: PeriodMonths;
}

export const DEFAULT_PILOTAGE: Readonly<PilotageFilters> = Object.freeze({ structure: null, antenne: null, conseiller: null, mois: 12 });

const uuidOrNull = z.uuid().nullable().catch(null);
const schema = z.object({
  structure: uuidOrNull,
  antenne: uuidOrNull,
  conseiller: uuidOrNull,
  mois: z.coerce
    .number()
    .refine((n): n is PeriodMonths => (PERIOD_VALUES as readonly number[]).includes(n))
    .catch(12),
});

type RawParams = Record<string, string | string[] | undefined>;

/** The period of `mois` months ending with today's: its months, in order, and its first day. */
export function periodOf(mois: PeriodMonths, today: CivilDate): { months: string[]; span: MonthSpan; from: CivilDate } {
  const last = monthOf(today);
  const months = Array.from({ length: mois }, (_, i) => addToMonth(last, i - mois + 1));
  return { months, span: { from: months[0]!, to: last }, from: firstDayOfMonth(months[0]!) };
}

export function parsePilotageParams(raw: RawParams): PilotageFilters {
  const first = (key: keyof PilotageFilters) => {
    const v = raw[key];
    const value = Array.isArray(v) ? v[0] : v;
    return value === "" || value === undefined ? null : value;
  };
  const parsed = schema.parse({
    structure: first("structure")?.toLowerCase() ?? null,
    antenne: first("antenne")?.toLowerCase() ?? null,
    conseiller: first("conseiller")?.toLowerCase() ?? null,
    mois: first("mois") ?? 12,
  });
  return parsed as PilotageFilters;
}

export function pilotageHref(filters: PilotageFilters, change: Partial<PilotageFilters> = {}): string {
  const next = { ...filters, ...change };
  return withParams("/pilotage", {
    structure: next.structure ?? undefined,
    antenne: next.antenne ?? undefined,
    conseiller: next.conseiller ?? undefined,
    mois: next.mois === DEFAULT_PILOTAGE.mois ? undefined : next.mois,
  });
}

export const RENDEZ_VOUS_PAGE_MAX = 10_000;

/**
 * The list behind the dashboard's attendance (`/pilotage/rendez-vous?antenne=&conseiller=&mois=6&presence=present
 * &page=2`): the dashboard's scope and period, the attendance counted. Odd values fall back like the dashboard's.
 */
export interface RendezVousFilters {
  antenne: string | null;
  conseiller: string | null;
  mois: PeriodMonths;
  /** One marked attendance; null: the three (what the attendance rate divides by). */
  presence: MarkedPresence | null;
  page: number;
}

const rendezVousExtra = z.object({
  presence: z.enum(MARKED_PRESENCES).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(RENDEZ_VOUS_PAGE_MAX).catch(1),
});

export function parseRendezVousParams(raw: RawParams): RendezVousFilters {
  const { antenne, conseiller, mois } = parsePilotageParams(raw);
  const first = (key: "presence" | "page") => {
    const v = raw[key];
    const value = Array.isArray(v) ? v[0] : v;
    return value === "" ? undefined : value;
  };
  return { antenne, conseiller, mois, ...rendezVousExtra.parse({ presence: first("presence") ?? null, page: first("page") }) };
}

export function rendezVousHref(filters: RendezVousFilters, change: Partial<RendezVousFilters> = {}): string {
  const next: RendezVousFilters = { ...filters, page: 1, ...change };
  return withParams("/pilotage/rendez-vous", {
    antenne: next.antenne ?? undefined,
    conseiller: next.conseiller ?? undefined,
    mois: next.mois === DEFAULT_PILOTAGE.mois ? undefined : next.mois,
    presence: next.presence ?? undefined,
    page: next.page > 1 ? next.page : undefined,
  });
}
