import { describe, expect, it } from "vitest";
import { addToMonth, firstDayOfMonth, lastDayOfMonth, monthOf, monthsBetween } from "./months";

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
