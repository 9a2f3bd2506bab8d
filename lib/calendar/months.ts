/**
 * "YYYY-MM" months (the unit of allowance decisions). Pure. Fixed-width ISO months compare as strings.
 */
import { parseCivilDate, type CivilDate, daysInMonth } from "@/lib/calendar/civil-date";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** First day of a "YYYY-MM" month; throws a RangeError on a malformed month (a programmer error). */
export function firstDayOfMonth(month: string): CivilDate {
  if (!MONTH.test(month)) throw new RangeError(`Mois invalide : ${JSON.stringify(month)} (AAAA-MM attendu)`);
  return `${month}-01`;
}

/** The month a civil date falls in: "2026-11-25" → "2026-11". */
export function monthOf(date: CivilDate): string {
  parseCivilDate(date);
  return date.slice(0, 7);
}

/** Last day of a month: "2028-02" → "2028-02-29". */
export function lastDayOfMonth(month: string): CivilDate {
  firstDayOfMonth(month); // validates
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(year, m)).padStart(2, "0")}`;
}

/** `month` moved by `n` months: addToMonth("2026-12", 1) = "2027-01". */
export function addToMonth(month: string, n: number): string {
  firstDayOfMonth(month);
  if (!Number.isInteger(n)) throw new RangeError(`Nombre de mois non entier : ${n}`);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

/** Number of months from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  firstDayOfMonth(from);
  firstDayOfMonth(to);
  return Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));
}

/** A run of whole months, bounds included (`from` = `to` for one month). */
export interface MonthSpan {
  from: string;
  to: string;
}

const SPAN = /^(20\d{2}-(?:0[1-9]|1[0-2]))(?:\.\.(20\d{2}-(?:0[1-9]|1[0-2])))?$/;

/** "2026-06" (one month) or "2026-06..2026-11" (bounds included) → a span; null when odd or reversed (2000–2099 only). */
export function parseMonthSpan(value: string): MonthSpan | null {
  const m = SPAN.exec(value);
  if (!m) return null;
  const span = { from: m[1]!, to: m[2] ?? m[1]! };
  return span.from <= span.to ? span : null;
}

/** The URL form read by parseMonthSpan: "2026-06" for one month, "2026-06..2026-11" otherwise. */
export function formatMonthSpan(span: MonthSpan): string {
  return span.from === span.to ? span.from : `${span.from}..${span.to}`;
}

/** The span's first and last days. */
export function monthSpanDays(span: MonthSpan): [CivilDate, CivilDate] {
  return [firstDayOfMonth(span.from), lastDayOfMonth(span.to)];
}
