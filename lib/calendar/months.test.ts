import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addToMonth,
  firstDayOfMonth,
  formatMonthSpan,
  lastDayOfMonth,
  monthOf,
  monthSpanDays,
  monthsBetween,
  parseMonthSpan,
} from "./months";

describe("months", () => {
  it("month of a date, last day with leap years", () => {
    expect(monthOf("2026-11-25")).toBe("2026-11");
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2027-02")).toBe("2027-02-28");
    expect(lastDayOfMonth("2026-04")).toBe("2026-04-30");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });

  it("adds months across years, both ways", () => {
    expect(addToMonth("2026-12", 1)).toBe("2027-01");
    expect(addToMonth("2027-01", -1)).toBe("2026-12");
    expect(addToMonth("2026-05", -11)).toBe("2025-06");
    expect(addToMonth("2026-05", 0)).toBe("2026-05");
    expect(monthsBetween("2025-06", "2026-05")).toBe(11);
    expect(monthsBetween("2026-05", "2025-06")).toBe(-11);
  });

  it("rejects malformed months", () => {
    expect(() => addToMonth("2026-13", 1)).toThrow(RangeError);
    expect(() => lastDayOfMonth("2026-1")).toThrow(RangeError);
    expect(() => addToMonth("2026-01", 0.5)).toThrow(RangeError);
  });
});

describe("firstDayOfMonth", () => {
  it("gives the first day and refuses a malformed month", () => {
    expect(firstDayOfMonth("2027-04")).toBe("2027-04-01");
    expect(() => firstDayOfMonth("2027-13")).toThrow(RangeError);
    expect(() => firstDayOfMonth("2027-4")).toThrow(RangeError);
  });
});

describe("month spans", () => {
  it("reads one month or two bounds, and refuses odd or reversed ones", () => {
    expect(parseMonthSpan("2026-06")).toEqual({ from: "2026-06", to: "2026-06" });
    expect(parseMonthSpan("2025-12..2026-11")).toEqual({ from: "2025-12", to: "2026-11" });
    expect(monthSpanDays({ from: "2025-12", to: "2026-02" })).toEqual(["2025-12-01", "2026-02-28"]);
    for (const odd of ["2026-11..2026-06", "2026-6", "2026-06..", "..2026-06", "2026-06...2026-07", "1999-01", "2026-06..2026-13", ""])
      expect(parseMonthSpan(odd), odd).toBeNull();
  });

  it("formats what it parses", () => {
    const month = fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(month, month, (a, b) => {
        const span = a <= b ? { from: a, to: b } : { from: b, to: a };
        expect(parseMonthSpan(formatMonthSpan(span))).toEqual(span);
      }),
    );
    expect(formatMonthSpan({ from: "2026-06", to: "2026-06" })).toBe("2026-06");
  });
});
