/**
 * French public holidays (jours fériés) in metropolitan France.
 *
 * Code du travail L3133-1 lists them: 1er janvier, lundi de Pâques, 1er mai, 8 mai, Ascension,
 * lundi de Pentecôte, 14 juillet, Assomption (15 août), Toussaint, 11 novembre, Noël.
 * Not included: Good Friday and 26 December (Alsace-Moselle only, L3134-13) and the overseas
 * abolition-of-slavery days (L3422-2); add them per structure if a mission locale there needs them.
 */
import { addDays, dayOfWeek, parseCivilDate, toCivilDate, type CivilDate } from "./civil-date";

export interface PublicHoliday {
  date: CivilDate;
  name: string;
}

/** Easter Sunday, Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Année hors calendrier grégorien : ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toCivilDate(year, month, day);
}

/** The eleven metropolitan public holidays of `year`, in calendar order. */
export function publicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  return [
    { date: toCivilDate(year, 1, 1), name: "Jour de l'an" },
    { date: addDays(easter, 1), name: "Lundi de Pâques" },
    { date: toCivilDate(year, 5, 1), name: "Fête du Travail" },
    { date: toCivilDate(year, 5, 8), name: "Victoire 1945" },
    { date: addDays(easter, 39), name: "Ascension" },
    { date: addDays(easter, 50), name: "Lundi de Pentecôte" },
    { date: toCivilDate(year, 7, 14), name: "Fête nationale" },
    { date: toCivilDate(year, 8, 15), name: "Assomption" },
    { date: toCivilDate(year, 11, 1), name: "Toussaint" },
    { date: toCivilDate(year, 11, 11), name: "Armistice 1918" },
    { date: toCivilDate(year, 12, 25), name: "Noël" },
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)); // Ascension can fall on 1 or 8 May (2008: 1 May)
}

const holidaysByYear = new Map<number, ReadonlySet<CivilDate>>();

function holidaySet(year: number): ReadonlySet<CivilDate> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(publicHolidays(year).map((h) => h.date));
    holidaysByYear.set(year, set);
  }
  return set;
}

export function isPublicHoliday(date: CivilDate): boolean {
  return holidaySet(parseCivilDate(date).year).has(date);
}

/** Not a Saturday, a Sunday or a public holiday (Regulation 1182/71 art. 3-4 counts "working days" so). */
export function isWorkingDay(date: CivilDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: CivilDate): CivilDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}
