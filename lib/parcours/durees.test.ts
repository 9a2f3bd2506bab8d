import { describe, expect, it } from "vitest";
import { durationLabel, durationParts } from "./durees";

describe("durationParts", () => {
  it("counts whole months with the month-end rule", () => {
    expect(durationParts("2026-01-01", "2026-12-31")).toEqual({ months: 12, days: 0 });
    expect(durationParts("2026-01-31", "2027-01-30")).toEqual({ months: 12, days: 0 });
    // One month from 31 January ends on the day before 28 February (addMonths caps at the month's end).
    expect(durationParts("2026-01-31", "2026-02-26")).toEqual({ months: 0, days: 27 });
    expect(durationParts("2026-01-31", "2026-02-27")).toEqual({ months: 1, days: 0 });
    expect(durationParts("2026-01-31", "2026-02-28")).toEqual({ months: 1, days: 1 });
  });
  it("handles a leap year", () => {
    expect(durationParts("2028-01-30", "2028-02-27")).toEqual({ months: 0, days: 29 });
    expect(durationParts("2028-01-30", "2028-02-28")).toEqual({ months: 1, days: 0 });
    expect(durationParts("2028-01-30", "2028-02-29")).toEqual({ months: 1, days: 1 });
    expect(durationParts("2028-02-29", "2029-02-27")).toEqual({ months: 12, days: 0 });
  });
  it("counts the remaining days, the end included", () => {
    expect(durationParts("2026-03-01", "2026-03-01")).toEqual({ months: 0, days: 1 });
    expect(durationParts("2026-03-01", "2026-04-15")).toEqual({ months: 1, days: 15 });
  });
});

describe("durationLabel", () => {
  it("reads naturally", () => {
    expect(durationLabel("2026-01-01", "2027-06-30")).toBe("18 mois");
    expect(durationLabel("2026-03-01", "2026-04-15")).toBe("1 mois et 15 jours");
    expect(durationLabel("2026-03-01", "2026-03-01")).toBe("1 jour");
  });
});
