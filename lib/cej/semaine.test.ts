import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar/civil-date";
import { weekOf } from "./jauge";
import { isoWeekParam, nextWeek, parseIsoWeek, previousWeek } from "./semaine";

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
        const week = weekOf(addDays("2000-01-01", offset));
        expect(parseIsoWeek(isoWeekParam(week))).toEqual(week);
        expect(isoWeekParam(week)).toMatch(/^\d{4}-W\d{2}$/);
      }),
    );
  });

  it("steps to the previous and next week across the year end", () => {
    const w53 = parseIsoWeek("2026-W53")!;
    expect(isoWeekParam(nextWeek(w53))).toBe("2027-W01");
    expect(isoWeekParam(previousWeek(parseIsoWeek("2027-W01")!))).toBe("2026-W53");
  });
});
