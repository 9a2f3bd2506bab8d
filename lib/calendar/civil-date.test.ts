import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compare,
  dayOfWeek,
  daysInMonth,
  diffInDays,
  fromEpochDay,
  isValidCivilDate,
  parseCivilDate,
  toEpochDay,
  todayInParis,
} from "./civil-date";

// 1900-01-01 … 2199-12-31 as day counts.
const epochDay = fc.integer({ min: toEpochDay("1900-01-01"), max: toEpochDay("2199-12-31") });
const civilDate = epochDay.map(fromEpochDay);

describe("isValidCivilDate", () => {
  it.each(["2026-01-31", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])("accepts %s", (d) => {
    expect(isValidCivilDate(d)).toBe(true);
  });
  it.each([
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-5",
    "26-01-05",
    "2026-01-05T00:00",
    " 2026-01-05",
    "0000-01-01",
    "",
  ])("rejects %j", (d) => {
    expect(isValidCivilDate(d)).toBe(false);
  });
  it("rejects non-strings", () => {
    expect(isValidCivilDate(20260105)).toBe(false);
    expect(isValidCivilDate(null)).toBe(false);
  });
  it("makes every function throw on an invalid date", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("2026/01/31", 1)).toThrow(RangeError);
    expect(() => compare("2026-01-01", "nope")).toThrow(RangeError);
  });
});

describe("epoch days", () => {
  it("anchors on known dates", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("2000-03-01")).toBe(11017);
    expect(fromEpochDay(-1)).toBe("1969-12-31");
    expect(toEpochDay("2026-03-02")).toBe(Date.UTC(2026, 2, 2) / 86_400_000);
  });
  it("agrees with Date.UTC and round-trips", () => {
    fc.assert(
      fc.property(epochDay, (n) => {
        const d = fromEpochDay(n);
        const { year, month, day } = parseCivilDate(d);
        expect(Date.UTC(year, month - 1, day) / 86_400_000).toBe(n);
        expect(toEpochDay(d)).toBe(n);
      }),
    );
  });
});

describe("addDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    // Days of the DST changes in France are ordinary days here.
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
  });
  it("is undone by the opposite shift and measured by diffInDays", () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
        expect(diffInDays(d, addDays(d, n))).toBe(n);
      }),
    );
  });
});

describe("addMonths (Regulation 1182/71 month-end rule)", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-01-30", 1, "2026-02-28"],
    ["2026-01-28", 1, "2026-02-28"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-04-30", 1, "2026-05-30"],
    ["2026-01-15", 1, "2026-02-15"],
    ["2026-12-31", 1, "2027-01-31"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-01-31", -2, "2025-11-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2026-05-10", 0, "2026-05-10"],
  ] as const)("%s + %i month(s) = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
  it("keeps the day when it exists, else the target month's last day", () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: -36, max: 36 }), (d, n) => {
        const source = parseCivilDate(d);
        const result = parseCivilDate(addMonths(d, n));
        expect(result.year * 12 + result.month - (source.year * 12 + source.month)).toBe(n);
        expect(result.day).toBe(Math.min(source.day, daysInMonth(result.year, result.month)));
      }),
    );
  });
});

describe("compare", () => {
  it("orders dates", () => {
    expect(compare("2026-01-31", "2026-02-01")).toBe(-1);
    expect(compare("2026-02-01", "2026-01-31")).toBe(1);
    expect(compare("2026-02-01", "2026-02-01")).toBe(0);
    expect(["2026-03-01", "2025-12-31", "2026-01-15"].sort(compare)).toEqual(["2025-12-31", "2026-01-15", "2026-03-01"]);
  });
  it("agrees with day counts", () => {
    fc.assert(
      fc.property(civilDate, civilDate, (a, b) => {
        expect(compare(a, b)).toBe(Math.sign(toEpochDay(a) - toEpochDay(b)) || 0);
      }),
    );
  });
});

describe("dayOfWeek", () => {
  it("knows some days (0 = Sunday)", () => {
    expect(dayOfWeek("1970-01-01")).toBe(4);
    expect(dayOfWeek("2026-01-01")).toBe(4);
    expect(dayOfWeek("2026-02-28")).toBe(6);
    expect(dayOfWeek("2026-03-01")).toBe(0);
    expect(dayOfWeek("2026-03-02")).toBe(1);
    expect(dayOfWeek("1969-12-31")).toBe(3);
  });
  it("agrees with Date#getUTCDay", () => {
    fc.assert(
      fc.property(civilDate, (d) => {
        const { year, month, day } = parseCivilDate(d);
        expect(dayOfWeek(d)).toBe(new Date(Date.UTC(year, month - 1, day)).getUTCDay());
      }),
    );
  });
});

describe("diffInDays", () => {
  it("counts from the first to the second", () => {
    expect(diffInDays("2026-01-01", "2026-01-31")).toBe(30);
    expect(diffInDays("2026-01-31", "2026-01-01")).toBe(-30);
    expect(diffInDays("2024-01-01", "2025-01-01")).toBe(366);
  });
});

describe("todayInParis", () => {
  it("reads the civil date in Europe/Paris, not UTC", () => {
    expect(todayInParis(new Date("2026-03-02T22:59:59Z"))).toBe("2026-03-02"); // 23:59:59 CET
    expect(todayInParis(new Date("2026-03-02T23:00:00Z"))).toBe("2026-03-03"); // midnight CET
    expect(todayInParis(new Date("2026-07-14T21:59:59Z"))).toBe("2026-07-14"); // 23:59:59 CEST
    expect(todayInParis(new Date("2026-07-14T22:00:00Z"))).toBe("2026-07-15");
    expect(todayInParis(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
  it("rejects an invalid Date", () => {
    expect(() => todayInParis(new Date("nope"))).toThrow(RangeError);
  });
});
