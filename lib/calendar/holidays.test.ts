import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compare, dayOfWeek, diffInDays, fromEpochDay, toCivilDate, toEpochDay } from "./civil-date";
import { easterSunday, isPublicHoliday, isWorkingDay, nextWorkingDay, publicHolidays } from "./holidays";

const civilDate = fc.integer({ min: toEpochDay("1990-01-01"), max: toEpochDay("2150-12-31") }).map(fromEpochDay);

describe("easterSunday", () => {
  it.each([
    [1818, "1818-03-22"], // earliest possible
    [1943, "1943-04-25"], // latest possible
    [2008, "2008-03-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ] as const)("%i → %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(dayOfWeek(easter)).toBe(0);
        expect(compare(easter, toCivilDate(year, 3, 22))).toBeGreaterThanOrEqual(0);
        expect(compare(easter, toCivilDate(year, 4, 25))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe("publicHolidays", () => {
  it("lists the eleven holidays of 2026 (Easter 5 April)", () => {
    expect(publicHolidays(2026)).toEqual([
      { date: "2026-01-01", name: "Jour de l'an" },
      { date: "2026-04-06", name: "Lundi de Pâques" },
      { date: "2026-05-01", name: "Fête du Travail" },
      { date: "2026-05-08", name: "Victoire 1945" },
      { date: "2026-05-14", name: "Ascension" },
      { date: "2026-05-25", name: "Lundi de Pentecôte" },
      { date: "2026-07-14", name: "Fête nationale" },
      { date: "2026-08-15", name: "Assomption" },
      { date: "2026-11-01", name: "Toussaint" },
      { date: "2026-11-11", name: "Armistice 1918" },
      { date: "2026-12-25", name: "Noël" },
    ]);
  });
  it("keeps both entries when Ascension falls on 1 May (2008)", () => {
    const dates = publicHolidays(2008).map((h) => h.date);
    expect(dates.filter((d) => d === "2008-05-01")).toHaveLength(2);
    expect(dates).toEqual([...dates].sort());
  });
  it("puts Ascension on a Thursday and the Monday holidays on Mondays", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const byName = new Map(publicHolidays(year).map((h) => [h.name, h.date]));
        expect(dayOfWeek(byName.get("Ascension") ?? "")).toBe(4);
        expect(dayOfWeek(byName.get("Lundi de Pâques") ?? "")).toBe(1);
        expect(dayOfWeek(byName.get("Lundi de Pentecôte") ?? "")).toBe(1);
      }),
    );
  });
});

describe("isPublicHoliday / isWorkingDay", () => {
  it.each(["2026-01-01", "2026-04-06", "2026-05-14", "2026-05-25", "2026-07-14", "2026-12-25", "2027-03-29"])("%s is a holiday", (d) => {
    expect(isPublicHoliday(d)).toBe(true);
    expect(isWorkingDay(d)).toBe(false);
  });
  it("does not count Easter Sunday, Good Friday, 26 Dec or the days around", () => {
    expect(isPublicHoliday("2026-04-05")).toBe(false);
    expect(isPublicHoliday("2026-04-03")).toBe(false); // Good Friday: Alsace-Moselle only
    expect(isWorkingDay("2026-04-03")).toBe(true);
    expect(isWorkingDay("2026-12-28")).toBe(true);
    expect(isPublicHoliday("2026-12-26")).toBe(false);
    expect(isWorkingDay("2026-05-13")).toBe(true);
    expect(isWorkingDay("2026-05-15")).toBe(true);
    expect(isWorkingDay("2026-07-13")).toBe(true);
  });
  it("excludes weekends", () => {
    expect(isWorkingDay("2026-02-28")).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-01")).toBe(false); // Sunday
    expect(isWorkingDay("2026-03-02")).toBe(true); // Monday
  });
});

describe("nextWorkingDay", () => {
  it.each([
    ["2026-03-02", "2026-03-02"], // already working
    ["2026-02-28", "2026-03-02"], // Saturday → Monday
    ["2026-04-04", "2026-04-07"], // Saturday, Easter Sunday, Easter Monday → Tuesday
    ["2026-05-08", "2026-05-11"], // Friday holiday → Monday
    ["2026-05-14", "2026-05-15"], // Ascension → Friday
    ["2026-12-25", "2026-12-28"],
    ["2026-12-26", "2026-12-28"],
    ["2027-01-01", "2027-01-04"], // across the year
  ] as const)("%s → %s", (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });
  it("returns the first working day on or after the date, at most 4 days later", () => {
    fc.assert(
      fc.property(civilDate, (d) => {
        const next = nextWorkingDay(d);
        expect(isWorkingDay(next)).toBe(true);
        const gap = diffInDays(d, next);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(4);
        for (let i = 0; i < gap; i++) expect(isWorkingDay(addDays(d, i))).toBe(false);
      }),
    );
  });
});
