/**
 * The director's dashboard URL (`/pilotage?structure=<uuid>&antenne=<uuid>&conseiller=<uuid>&mois=12`) ↔
 * typed filters. Pure. Each parameter is parsed on its own and falls back to its default when odd: a
 * hand-edited link never fails.
 */
import { z } from "zod";
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
