/**
 * Display helpers for French users: fr-FR conventions, instants shown in Europe/Paris.
 * Numbers follow Intl fr-FR (CLDR): narrow no-break space U+202F between thousands, no-break space
 * U+00A0 before "€" and "%". Those spaces are pinned after formatting so that servers and browsers with
 * another ICU version render the same string (no hydration mismatch). "14 h 30" and " à " use ordinary spaces.
 */
import { parseCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { firstDayOfMonth, type MonthSpan } from "@/lib/calendar/months";

const PARIS = "Europe/Paris";

const fullDate = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;
const longDate = { day: "numeric", month: "long", year: "numeric" } as const;
const shortDate = { day: "2-digit", month: "2-digit", year: "numeric" } as const;

// Civil dates are formatted at UTC midnight in UTC, so no zone can move them to another day.
const civilFull = new Intl.DateTimeFormat("fr-FR", { ...fullDate, timeZone: "UTC" });
const civilShort = new Intl.DateTimeFormat("fr-FR", { ...shortDate, timeZone: "UTC" });
const parisFull = new Intl.DateTimeFormat("fr-FR", { ...fullDate, timeZone: PARIS });
const parisLong = new Intl.DateTimeFormat("fr-FR", { ...longDate, timeZone: PARIS });
const parisShort = new Intl.DateTimeFormat("fr-FR", { ...shortDate, timeZone: PARIS });
const parisTime = new Intl.DateTimeFormat("fr-FR", { hour: "numeric", minute: "2-digit", hourCycle: "h23", timeZone: PARIS });
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

function civilToUtcInstant(date: CivilDate): Date {
  const { year, month, day } = parseCivilDate(date);
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as is
  return instant;
}

function checkedInstant(date: Date): Date {
  if (Number.isNaN(date.getTime())) throw new RangeError("Instant invalide");
  return date;
}

/** French usage writes the first day of a month as an ordinal: "1er mars". */
function withOrdinalFirst(parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((p) => (p.type === "day" && p.value === "1" ? "1er" : p.value)).join("");
}

/** "lundi 2 mars 2026", "dimanche 1er mars 2026". A `Date` is read in Europe/Paris. */
export function formatDate(date: CivilDate | Date): string {
  return typeof date === "string"
    ? withOrdinalFirst(civilFull.formatToParts(civilToUtcInstant(date)))
    : withOrdinalFirst(parisFull.formatToParts(checkedInstant(date)));
}

/** "03/03/2026". A `Date` is read in Europe/Paris. */
export function formatShortDate(date: CivilDate | Date): string {
  return typeof date === "string" ? civilShort.format(civilToUtcInstant(date)) : parisShort.format(checkedInstant(date));
}

/** "14 h 30", "9 h 05" (Europe/Paris). */
export function formatTime(date: Date): string {
  const parts = parisTime.formatToParts(checkedInstant(date));
  const hour = parts.find((p) => p.type === "hour")?.value ?? "";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "";
  return `${hour} h ${minute}`;
}

/** "3 mars 2026 à 14 h 30" (Europe/Paris). */
export function formatDateTime(date: Date): string {
  return `${withOrdinalFirst(parisLong.formatToParts(checkedInstant(date)))} à ${formatTime(date)}`;
}

const NARROW_NBSP = "\u202f";
const NBSP = "\u00a0";

function withPinnedSpaces(parts: Intl.NumberFormatPart[]): string {
  return parts.map((p) => (p.type === "group" ? NARROW_NBSP : p.type === "literal" && /^\s+$/.test(p.value) ? NBSP : p.value)).join("");
}

/** 56168 → "561,68 €" (U+00A0 before "€"); 391014 → "3 910,14 €" (U+202F in thousands). Money is integer cents. */
export function formatMoneyCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Montant en centimes non entier : ${cents}`);
  return withPinnedSpaces(euros.formatToParts(cents / 100));
}

/** One formatter per set of options: building an Intl.NumberFormat costs far more than formatting with it. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1234567.5 → "1 234 567,5" (U+202F between thousands); options as in Intl.NumberFormat. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = options ? JSON.stringify(options) : "";
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", options);
    if (numberFormats.size < 64) numberFormats.set(key, format);
  }
  return withPinnedSpaces(format.formatToParts(value));
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** "avril 2027". */
export function formatMonth(month: string): string {
  const first = firstDayOfMonth(month);
  return monthFormat.format(new Date(`${first}T00:00:00Z`));
}

/** "en avril 2027" for one month, "d'avril 2027 à novembre 2027", "de juin 2026 à mai 2027" otherwise (after a verb). */
export function formatMonthSpanPhrase(span: MonthSpan): string {
  if (span.from === span.to) return `en ${formatMonth(span.from)}`;
  const from = formatMonth(span.from);
  // Avril, août, octobre: elided « d' ».
  return `${/^[aeo]/.test(from) ? "d'" : "de "}${from} à ${formatMonth(span.to)}`;
}

const longCivilDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "1er juillet 2027", "31 décembre 2026" (no weekday: reads better inside a sentence). */
export function formatLongCivilDate(date: CivilDate): string {
  const { year, month, day } = parseCivilDate(date);
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  return longCivilDate
    .formatToParts(instant)
    .map((p) => (p.type === "day" && p.value === "1" ? "1er" : p.value))
    .join("");
}
