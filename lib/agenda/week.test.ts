import { describe, expect, it } from "vitest";
import { daysOfWeek, formatIsoWeek, isoWeekOf, mondayOfIsoWeek, parseIsoWeek, resolveWeek, shiftWeek, weeksInIsoYear } from "./week";

describe("ISO weeks", () => {
  it("finds the week of a date, including around 1 January", () => {
    expect(isoWeekOf("2026-11-25")).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf("2026-01-01")).toEqual({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeekOf("2027-01-01")).toEqual({ year: 2026, week: 53 }); // a Friday: last week of 2026
    expect(isoWeekOf("2024-12-30")).toEqual({ year: 2025, week: 1 }); // a Monday: first week of 2025
    expect(isoWeekOf("2026-11-29")).toEqual({ year: 2026, week: 48 }); // Sunday ends the week
    expect(isoWeekOf("2026-11-30")).toEqual({ year: 2026, week: 49 });
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
    expect(parseIsoWeek("2026-W48")).toEqual({ year: 2026, week: 48 });
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
    expect(parseIsoWeek("2026-W53")).toEqual({ year: 2026, week: 53 });
  });

  it("moves week by week across year ends", () => {
    expect(shiftWeek({ year: 2026, week: 53 }, 1)).toEqual({ year: 2027, week: 1 });
    expect(shiftWeek({ year: 2027, week: 1 }, -1)).toEqual({ year: 2026, week: 53 });
    expect(shiftWeek({ year: 2025, week: 52 }, 1)).toEqual({ year: 2026, week: 1 });
    expect(shiftWeek({ year: 2026, week: 48 }, 0)).toEqual({ year: 2026, week: 48 });
  });

  it("falls back to the current week for a missing or invalid value", () => {
    expect(resolveWeek(undefined, "2026-11-25")).toEqual({ week: { year: 2026, week: 48 }, requested: false, invalid: false });
    expect(resolveWeek("n'importe quoi", "2026-11-25")).toEqual({ week: { year: 2026, week: 48 }, requested: false, invalid: true });
    expect(resolveWeek(["2026-W02", "2026-W03"], "2026-11-25")).toEqual({ week: { year: 2026, week: 2 }, requested: true, invalid: false });
  });
});

describe("agenda URL", async () => {
  const { agendaHref, parseAgendaFilters } = await import("./params");
  it("keeps the week and the filters, and ignores unknown values", () => {
    expect(agendaHref({ year: 2026, week: 48 }, { type: "atelier", mine: true })).toBe("/agenda?semaine=2026-W48&type=atelier&mes=1");
    expect(agendaHref(null, { type: null, mine: false })).toBe("/agenda");
    expect(parseAgendaFilters({ type: "atelier", mes: "1" })).toEqual({ type: "atelier", mine: true });
    expect(parseAgendaFilters({ type: "drop table", mes: "yes" })).toEqual({ type: null, mine: false });
  });
});
