/**
 * Civil dates (a day on the calendar, no time, no zone) as ISO strings `YYYY-MM-DD`.
 *
 * `CivilDate` is a plain string alias, not a brand: values come straight from Postgres `date` columns,
 * form inputs (`<input type="date">`) and zod schemas, and a brand would force casts everywhere.
 * Every function validates its input and throws a `RangeError` on a malformed date (a programmer
 * error: user input is checked beforehand with `isValidCivilDate` or the zod schema).
 *
 * Arithmetic is done on an integer day count (days since 1970-01-01, proleptic Gregorian), so no
 * time zone or daylight-saving change can shift a date.
 */
export type CivilDate = string;

export interface CivilDateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for an existing calendar day written `YYYY-MM-DD` (years 0001–9999). */
export function isValidCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseCivilDate(date: CivilDate): CivilDateParts {
  if (!isValidCivilDate(date)) throw new RangeError(`Date civile invalide : ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function toCivilDate(year: number, month: number, day: number): CivilDate {
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isValidCivilDate(date)) throw new RangeError(`Date civile invalide : ${year}-${month}-${day}`);
  return date;
}

/** Days since 1970-01-01 (negative before). Algorithm "days_from_civil" (H. Hinnant). */
export function toEpochDay(date: CivilDate): number {
  const { year, month, day } = parseCivilDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `toEpochDay` ("civil_from_days", H. Hinnant). */
export function fromEpochDay(epochDay: number): CivilDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Nombre de jours invalide : ${epochDay}`);
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return toCivilDate(year, month, day);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  if (!Number.isInteger(days)) throw new RangeError(`Nombre de jours non entier : ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Same day of the target month, or that month's last day if it has no such day
 * (Regulation (EEC, Euratom) 1182/71 art. 3-2-c): 31 Jan + 1 month = 28 Feb (29 in a leap year).
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new RangeError(`Nombre de mois non entier : ${months}`);
  const { year, month, day } = parseCivilDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return toCivilDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** -1 if a < b, 0 if equal, 1 if a > b (usable with `Array.prototype.sort`). */
export function compare(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  parseCivilDate(a);
  parseCivilDate(b);
  // Fixed-width ISO strings sort like the dates they denote.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday (like `Date.prototype.getDay`). */
export function dayOfWeek(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** Number of days from `from` to `to`: positive when `to` is later. diffInDays("2026-01-01", "2026-01-31") = 30. */
export function diffInDays(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

const parisDateParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The civil date in mainland France at instant `now` (pass the clock in; rules never read it). */
export function todayInParis(now: Date): CivilDate {
  if (Number.isNaN(now.getTime())) throw new RangeError("Instant invalide");
  const parts = parisDateParts.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return toCivilDate(part("year"), part("month"), part("day"));
}
