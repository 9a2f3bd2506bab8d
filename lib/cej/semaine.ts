/** ISO weeks in URLs: "2026-W48" (?semaine=…). Parsing never throws; an impossible week is null. */
import { addDays, toCivilDate } from "@/lib/calendar/civil-date";
import { weekOf, type IsoWeek } from "./jauge";

const PATTERN = /^(\d{4})-W(\d{2})$/;

/** "2026-W53" → that week; null for anything else (week 00, 2025-W53 which does not exist, free text…). */
export function parseIsoWeek(value: unknown): IsoWeek | null {
  if (typeof value !== "string") return null;
  const match = PATTERN.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > 53) return null;
  // 4 January is always in week 1; week n starts 7 (n − 1) days after week 1's Monday.
  const candidate = weekOf(addDays(weekOf(toCivilDate(year, 1, 4)).start, 7 * (week - 1)));
  return candidate.year === year && candidate.week === week ? candidate : null;
}

export function isoWeekParam(week: Pick<IsoWeek, "year" | "week">): string {
  return `${week.year}-W${String(week.week).padStart(2, "0")}`;
}

export function previousWeek(week: Pick<IsoWeek, "start">): IsoWeek {
  return weekOf(addDays(week.start, -7));
}

export function nextWeek(week: Pick<IsoWeek, "start">): IsoWeek {
  return weekOf(addDays(week.start, 7));
}
