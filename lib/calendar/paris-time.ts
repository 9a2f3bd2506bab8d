/**
 * Europe/Paris wall-clock ↔ instants. Séances are typed as a civil date and a time on the agency's clock;
 * the database stores instants (timestamptz). The offset is read from Intl (tz database), so the change to
 * summer time (last Sunday of March, 02:00 → 03:00) and back (last Sunday of October, 03:00 → 02:00) are
 * handled without a hand-written rule.
 */
import { isValidCivilDate, toCivilDate, type CivilDate } from "@/lib/calendar/civil-date";

const PARIS_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidTime(value: unknown): value is string {
  return typeof value === "string" && TIME.test(value);
}

/** The Paris date and time ("HH:MM") of an instant. */
export function parisWallClock(instant: Date): { date: CivilDate; time: string; minutes: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Instant invalide");
  const parts = PARIS_PARTS.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const hour = get("hour");
  const minute = get("minute");
  return {
    date: toCivilDate(get("year"), get("month"), get("day")),
    time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
    minutes: hour * 60 + minute,
  };
}

/** Offset of Paris from UTC at `instant`, in minutes (+60 in winter, +120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const parts = PARIS_PARTS.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export type ParisInstant = { ok: true; instant: Date } | { ok: false; reason: "invalid" | "nonexistent" };

/**
 * The instant at which Paris clocks show `date` `time`. A time skipped by the change to summer time
 * (e.g. 02:30 on the last Sunday of March) does not exist: refused, so nobody is booked at a phantom hour.
 * A time seen twice in October (02:00–02:59) is read as the first one (still summer time).
 */
export function parisToInstant(date: CivilDate, time: string): ParisInstant {
  if (!isValidCivilDate(date) || !isValidTime(time)) return { ok: false, reason: "invalid" };
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = new Date(0);
  naive.setUTCFullYear(y, m - 1, d);
  naive.setUTCHours(hh, mm, 0, 0);
  const wall = naive.getTime();
  // Try both offsets around the date; keep those that land back on the wanted wall-clock, earliest first.
  const candidates = new Set<number>();
  for (const probe of [wall - 12 * 3600_000, wall, wall + 12 * 3600_000]) {
    candidates.add(wall - parisOffsetMinutes(new Date(probe)) * 60_000);
  }
  const matches = [...candidates]
    .filter((t) => {
      const back = parisWallClock(new Date(t));
      return back.date === date && back.time === time;
    })
    .sort((a, b) => a - b);
  if (matches.length === 0) return { ok: false, reason: "nonexistent" };
  return { ok: true, instant: new Date(matches[0]!) };
}

/** Midnights already computed (the portfolio's alerts ask for the same few days on every request). */
const MIDNIGHTS = new Map<CivilDate, number>();

/** Midnight in Paris at the start of `date` (midnight always exists in France). */
export function parisStartOfDay(date: CivilDate): Date {
  const known = MIDNIGHTS.get(date);
  if (known !== undefined) return new Date(known);
  const result = parisToInstant(date, "00:00");
  if (!result.ok) throw new RangeError(`Date civile invalide : ${date}`);
  if (MIDNIGHTS.size >= 4096) MIDNIGHTS.clear();
  MIDNIGHTS.set(date, result.instant.getTime());
  return result.instant;
}
