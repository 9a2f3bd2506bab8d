/**
 * The buckets of last ISO week's validated CEJ hours, shared by the director's dashboard and the
 * portfolio's `heures` filter (`/portefeuille?heures=5-10`, `heures=objectif`). Pure: the SQL is in
 * lib/jeunes/cej-hours.ts.
 */
const HOUR = 60;

export interface CejHoursBucket {
  key: string;
  label: string;
  /** Validated minutes in [min, max). */
  min: number;
  max: number | null;
}

export const CEJ_HOURS_BUCKETS = [
  { key: "0", label: "0 h", min: 0, max: 1 },
  { key: "0-5", label: "Moins de 5 h", min: 1, max: 5 * HOUR },
  { key: "5-10", label: "5 à 10 h", min: 5 * HOUR, max: 10 * HOUR },
  { key: "10-15", label: "10 à 15 h", min: 10 * HOUR, max: 15 * HOUR },
  { key: "15-20", label: "15 à 20 h", min: 15 * HOUR, max: 20 * HOUR },
  { key: "20+", label: "20 h et plus", min: 20 * HOUR, max: null },
] as const satisfies readonly CejHoursBucket[];

/** `objectif`: the weekly target reached (validated minutes ≥ the target in force on the week's Monday). */
export type CejHoursKey = (typeof CEJ_HOURS_BUCKETS)[number]["key"] | "objectif";
export const CEJ_HOURS_KEYS = ["objectif", ...CEJ_HOURS_BUCKETS.map((b) => b.key)] as [CejHoursKey, ...CejHoursKey[]];
