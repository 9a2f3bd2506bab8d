import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, fromEpochDay, toEpochDay } from "./civil-date";
import {
  daysOfWeek,
  formatIsoWeek,
  isInWeek,
  isoWeekOf,
  mondayOfIsoWeek,
  parseIsoWeek,
  resolveWeek,
  shiftWeek,
  weeksInIsoYear,
} from "./iso-week";

describe("ISO weeks", () => {
  it("finds the week of a date, including around 1 January", () => {
    expect(isoWeekOf("2026-11-25")).toMatchObject({ year: 2026, week: 48 });
    expect(isoWeekOf("2026-01-01")).toMatchObject({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeekOf("2027-01-01")).toMatchObject({ year: 2026, week: 53 }); // a Friday: last week of 2026
    expect(isoWeekOf("2024-12-30")).toMatchObject({ year: 2025, week: 1 }); // a Monday: first week of 2025
    expect(isoWeekOf("2026-11-29")).toMatchObject({ year: 2026, week: 48 }); // Sunday ends the week
    expect(isoWeekOf("2026-11-30")).toMatchObject({ year: 2026, week: 49 });
  });

  it("knows 52- and 53-week years", () => {
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2020)).toBe(53);
  });

  it("gives Monday and the seven days of a week", () => {
    expect(mondayOfIsoWeek({ year: 2026, week: 48 })).toBe("2026-11-23");
    expect(mondayOfIsoWeek({ year: 2025, week: 1 })).toBe("2024-12-30");
    expect(daysOfWeek({ year: 2026, week: 48 })).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
  });

  it("parses and formats the URL value, refusing anything odd", () => {
    expect(parseIsoWeek("2026-W48")).toMatchObject({ year: 2026, week: 48 });
    expect(formatIsoWeek({ year: 2026, week: 5 })).toBe("2026-W05");
    for (const bad of [
      "2026-W00",
      "2025-W53",
      "2026-W54",
      "2026W48",
      "2026-w48",
      "2026-W4",
      "abc",
      "",
      "9999999-W01",
      "<script>",
      42,
      undefined,
      null,
    ]) {
      expect(parseIsoWeek(bad)).toBeNull();
    }
    expect(parseIsoWeek("2026-W53")).toMatchObject({ year: 2026, week: 53 });
  });

  it("moves week by week across year ends", () => {
    expect(shiftWeek({ year: 2026, week: 53 }, 1)).toMatchObject({ year: 2027, week: 1 });
    expect(shiftWeek({ year: 2027, week: 1 }, -1)).toMatchObject({ year: 2026, week: 53 });
    expect(shiftWeek({ year: 2025, week: 52 }, 1)).toMatchObject({ year: 2026, week: 1 });
    expect(shiftWeek({ year: 2026, week: 48 }, 0)).toMatchObject({ year: 2026, week: 48 });
  });

  it("falls back to the current week for a missing or invalid value", () => {
    expect(resolveWeek(undefined, "2026-11-25")).toMatchObject({ week: { year: 2026, week: 48 }, requested: false, invalid: false });
    expect(resolveWeek("n'importe quoi", "2026-11-25")).toMatchObject({ week: { year: 2026, week: 48 }, requested: false, invalid: true });
    expect(resolveWeek(["2026-W02", "2026-W03"], "2026-11-25")).toMatchObject({
      week: { year: 2026, week: 2 },
      requested: true,
      invalid: false,
    });
  });
});

describe("ISO weeks in the URL", () => {
  it("accepts week 53 of a year that has one (2026 starts on a Thursday)", () => {
    expect(parseIsoWeek("2026-W53")).toEqual({ year: 2026, week: 53, start: "2026-12-28", end: "2027-01-03" });
  });

  it("refuses week 53 of a year without one, week 0, week 54 and malformed values", () => {
    for (const v of [
      "2025-W53",
      "2026-W00",
      "2026-W54",
      "2026-W5",
      "2026W05",
      "2026-w05",
      "2026-05",
      "semaine",
      "",
      " ",
      "2026-W05x",
      "<script>",
    ])
      expect(parseIsoWeek(v)).toBeNull();
    expect(parseIsoWeek(undefined)).toBeNull();
    expect(parseIsoWeek(["2026-W05"])).toBeNull();
  });

  it("knows the first week of a year can start in December", () => {
    expect(parseIsoWeek("2026-W01")).toMatchObject({ start: "2025-12-29", end: "2026-01-04" });
    expect(parseIsoWeek("2021-W01")).toMatchObject({ start: "2021-01-04" });
  });

  it("round-trips any day's week through its URL value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 60 }), (offset) => {
        const week = isoWeekOf(addDays("2000-01-01", offset));
        expect(parseIsoWeek(formatIsoWeek(week))).toEqual(week);
        expect(formatIsoWeek(week)).toMatch(/^\d{4}-W\d{2}$/);
      }),
    );
  });

  it("steps to the previous and next week across the year end", () => {
    const w53 = parseIsoWeek("2026-W53")!;
    expect(formatIsoWeek(shiftWeek(w53, 1))).toBe("2027-W01");
    expect(formatIsoWeek(shiftWeek(parseIsoWeek("2027-W01")!, -1))).toBe("2026-W53");
  });
});

describe("isoWeekOf (ISO 8601)", () => {
  it("Monday to Sunday around a Wednesday", () => {
    expect(isoWeekOf("2026-11-25")).toEqual({ year: 2026, week: 48, start: "2026-11-23", end: "2026-11-29" });
  });

  it("a Monday and a Sunday belong to their own week", () => {
    expect(isoWeekOf("2026-11-23").start).toBe("2026-11-23");
    expect(isoWeekOf("2026-11-29").start).toBe("2026-11-23");
  });

  it("year boundaries: 1 Jan 2027 (Friday) is in week 53 of 2026; 29 Dec 2025 starts week 1 of 2026", () => {
    expect(isoWeekOf("2027-01-01")).toEqual({ year: 2026, week: 53, start: "2026-12-28", end: "2027-01-03" });
    expect(isoWeekOf("2025-12-31")).toEqual({ year: 2026, week: 1, start: "2025-12-29", end: "2026-01-04" });
    expect(isoWeekOf("2027-01-04").week).toBe(1);
  });

  it("property: starts on a Monday, holds the date, lasts 7 days, week between 1 and 53", () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay("2000-01-01"), max: toEpochDay("2100-12-31") }).map(fromEpochDay), (date) => {
        const week = isoWeekOf(date);
        expect(dayOfWeek(week.start)).toBe(1);
        expect(week.end).toBe(addDays(week.start, 6));
        expect(isInWeek(date, week)).toBe(true);
        expect(week.week).toBeGreaterThanOrEqual(1);
        expect(week.week).toBeLessThanOrEqual(53);
      }),
    );
  });
});
