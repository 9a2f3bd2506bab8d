import type { CivilDate } from "@/lib/calendar/civil-date";

export interface DatedValue<T> {
  effectiveFrom: CivilDate;
  value: T;
}

/**
 * The value in force on `on`: the row with the latest effective date not after `on`.
 * ISO civil dates compare correctly as strings. Null when the rule did not exist yet.
 */
export function valueInForce<T extends DatedValue<unknown>>(rows: readonly T[], on: CivilDate): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (row.effectiveFrom <= on && (!best || row.effectiveFrom > best.effectiveFrom)) best = row;
  }
  return best;
}
