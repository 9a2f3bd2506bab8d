/**
 * Response deadline for a demande d'exercice de droits — GDPR art. 12-3: one month from receipt,
 * extendable by two further months if the person is told, with reasons, within the first month.
 * Periods are counted under Regulation (EEC, Euratom) 1182/71: a month ends on the same day of the
 * next month, or that month's last day (art. 3-2-c); a period ending on a Saturday, Sunday or public
 * holiday ends on the next working day (art. 3-4).
 */
import { addMonths, compare, diffInDays, parseCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { nextWorkingDay } from "@/lib/calendar/holidays";

/** A request for more information to confirm identity (EDPB guidelines 01/2022): asked `from`, received `to`. */
export interface IdentityPause {
  from: CivilDate;
  /** `null` while the information is still awaited. */
  to: CivilDate | null;
}

export interface DeadlineInput {
  receivedOn: CivilDate;
  pauses?: readonly IdentityPause[];
  /** The two-month extension of art. 12-3 was notified within the first month. */
  extended?: boolean;
}

export interface DeadlineResult {
  /** Last day to answer, already moved to a working day; `null` while the clock is suspended. */
  deadline: CivilDate | null;
  /** The same date before the working-day move; `null` while suspended. */
  base: CivilDate | null;
  /** `deadline` differs from `base` because `base` is a Saturday, Sunday or public holiday. */
  moved: boolean;
  /** An identity check is awaiting the person's answer. */
  suspended: boolean;
}

const MONTHS_TO_ANSWER = 1;
const EXTENSION_MONTHS = 2;

export function computeDeadline({ receivedOn, pauses = [], extended = false }: DeadlineInput): DeadlineResult {
  parseCivilDate(receivedOn);
  for (const pause of pauses) {
    if (compare(pause.from, receivedOn) < 0)
      throw new RangeError(`Suspension commencée (${pause.from}) avant la réception (${receivedOn})`);
    if (pause.to !== null && compare(pause.to, pause.from) < 0)
      throw new RangeError(`Suspension terminée (${pause.to}) avant d'avoir commencé (${pause.from})`);
  }
  if (pauses.some((pause) => pause.to === null)) return { deadline: null, base: null, moved: false, suspended: true };

  // Domain choice (domain.md §6): "we restart the clock on receipt of it" — the full month runs again
  // from the day the awaited information arrives, so the latest completed pause's end is the new start.
  // The time already elapsed before the request is not kept (a restart, not a mere suspension).
  let start = receivedOn;
  for (const pause of pauses) if (pause.to !== null && compare(pause.to, start) > 0) start = pause.to;

  const firstMonth = addMonths(start, MONTHS_TO_ANSWER);
  // The extension is added to the unmoved first-month date: 31 Jan → 28 Feb → 28 Apr (not 30 Apr).
  const base = extended ? addMonths(firstMonth, EXTENSION_MONTHS) : firstMonth;
  const deadline = nextWorkingDay(base);
  return { deadline, base, moved: deadline !== base, suspended: false };
}

/**
 * The extension may only be decided (and notified) within the first month: `firstDeadline` is the
 * non-extended `deadline` of `computeDeadline` (already moved to a working day).
 */
export function canExtend({ decidedOn, firstDeadline }: { decidedOn: CivilDate; firstDeadline: CivilDate }): boolean {
  return compare(decidedOn, firstDeadline) <= 0;
}

/** Days until the deadline: 0 on the last day, negative once it has passed. */
export function daysLeft(deadline: CivilDate, today: CivilDate): number {
  return diffInDays(today, deadline);
}
