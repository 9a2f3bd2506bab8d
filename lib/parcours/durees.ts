/** A contract's length in words ("12 mois", "3 mois et 14 jours"), inclusive ends as in ./contrats.ts. Pure. */
import { compare, diffInDays, type CivilDate } from "@/lib/calendar/civil-date";
import { endAfterMonths } from "./contrats";

export function durationParts(start: CivilDate, end: CivilDate): { months: number; days: number } {
  if (compare(end, start) < 0) return { months: 0, days: 0 };
  let months = 0;
  while (compare(endAfterMonths(start, months + 1), end) <= 0) months++;
  // Days after the last whole month, the end day included.
  const days = months === 0 ? diffInDays(start, end) + 1 : diffInDays(endAfterMonths(start, months), end);
  return { months, days };
}

export function durationLabel(start: CivilDate, end: CivilDate): string {
  const { months, days } = durationParts(start, end);
  const m = months > 0 ? `${months} mois` : "";
  const d = days > 0 ? `${days} jour${days > 1 ? "s" : ""}` : "";
  return [m, d].filter(Boolean).join(" et ") || "0 jour";
}
