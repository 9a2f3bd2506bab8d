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
