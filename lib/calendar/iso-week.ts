/**
 * ISO 8601 weeks ("2026-W48"): weeks start on Monday, week 1 holds the year's first Thursday. The agenda
 * and the CEJ gauge put the week in their URL (?semaine=…) so a link reproduces the view; parsing never
 * throws, and anything malformed or impossible is null (the caller falls back to the current week).
 */
import {
  addDays,
  compare,
  dayOfWeek,
  fromEpochDay,
  parseCivilDate,
  toCivilDate,
  toEpochDay,
  type CivilDate,
} from "@/lib/calendar/civil-date";

export interface IsoWeek {
  /** ISO week-numbering year (2027-01-01 belongs to week 53 of 2026). */
  year: number;
  week: number;
  /** Monday. */
  start: CivilDate;
  /** Sunday (inclusive). */
  end: CivilDate;
}

/** A week as its URL names it: the year and the number are enough to find its days. */
export type IsoWeekRef = Pick<IsoWeek, "year" | "week">;

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday = 0 … Sunday = 6. */
function isoWeekdayIndex(date: CivilDate): number {
  return (dayOfWeek(date) + 6) % 7;
}

export function mondayOf(date: CivilDate): CivilDate {
  return addDays(date, -isoWeekdayIndex(date));
}

/** The ISO week containing `date` (its year may differ from the date's near 1 January). */
export function isoWeekOf(date: CivilDate): IsoWeek {
  const start = mondayOf(date);
  const thursday = addDays(start, 3);
  const year = parseCivilDate(thursday).year;
  const firstThursdayEpoch = toEpochDay(addDays(mondayOf(toCivilDate(year, 1, 4)), 3)); // 4 January is always in week 1
  return { year, week: (toEpochDay(thursday) - firstThursdayEpoch) / 7 + 1, start, end: addDays(start, 6) };
}

/** 52 or 53. */
export function weeksInIsoYear(year: number): number {
  return isoWeekOf(toCivilDate(year, 12, 28)).week;
}

/** Monday of an ISO week. */
export function mondayOfIsoWeek({ year, week }: IsoWeekRef): CivilDate {
  const week1Monday = mondayOf(toCivilDate(year, 1, 4));
  return fromEpochDay(toEpochDay(week1Monday) + (week - 1) * 7);
}

/** The URL value: "2026-W05". */
export function formatIsoWeek({ year, week }: IsoWeekRef): string {
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** "2026-W48" → the week; null for anything else (wrong shape, week 0, week 53 of a 52-week year…). */
export function parseIsoWeek(value: unknown): IsoWeek | null {
  if (typeof value !== "string") return null;
  const match = WEEK.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1900 || year > 2999 || week < 1 || week > weeksInIsoYear(year)) return null;
  return isoWeekOf(mondayOfIsoWeek({ year, week }));
}

/** The week `by` weeks later (earlier when negative). */
export function shiftWeek(week: IsoWeekRef, by: number): IsoWeek {
  return isoWeekOf(addDays(mondayOfIsoWeek(week), by * 7));
}

/** The seven days Monday → Sunday. */
export function daysOfWeek(week: IsoWeekRef): CivilDate[] {
  const monday = mondayOfIsoWeek(week);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function isInWeek(date: CivilDate, week: Pick<IsoWeek, "start" | "end">): boolean {
  return compare(date, week.start) >= 0 && compare(date, week.end) <= 0;
}

/** The week asked for in the URL, or the week of `today` when the value is missing or invalid. */
export function resolveWeek(value: unknown, today: CivilDate): { week: IsoWeek; requested: boolean; invalid: boolean } {
  const raw = Array.isArray(value) ? value[0] : value;
  const parsed = parseIsoWeek(raw);
  if (parsed) return { week: parsed, requested: true, invalid: false };
  return { week: isoWeekOf(today), requested: false, invalid: raw !== undefined && raw !== "" };
}
