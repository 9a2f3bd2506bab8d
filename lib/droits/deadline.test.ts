import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compare, dayOfWeek, diffInDays, fromEpochDay, toEpochDay } from "@/lib/calendar/civil-date";
import { isWorkingDay } from "@/lib/calendar/holidays";
import { canExtend, computeDeadline, daysLeft } from "./deadline";

const civilDate = fc.integer({ min: toEpochDay("2000-01-01"), max: toEpochDay("2100-12-31") }).map(fromEpochDay);

describe("computeDeadline — acceptance cases (checked by hand)", () => {
  it("31 Jan 2026 → 2 Mar 2026: one month ends on 28 Feb (no 31 Feb), a Saturday → Monday", () => {
    expect(dayOfWeek("2026-02-28")).toBe(6);
    expect(computeDeadline({ receivedOn: "2026-01-31" })).toEqual({
      deadline: "2026-03-02",
      base: "2026-02-28",
      moved: true,
      suspended: false,
    });
  });

  it("30 Apr 2026 → 1 Jun 2026: 30 May is a Saturday, 31 May a Sunday", () => {
    expect(dayOfWeek("2026-05-30")).toBe(6);
    expect(dayOfWeek("2026-05-31")).toBe(0);
    expect(computeDeadline({ receivedOn: "2026-04-30" })).toEqual({
      deadline: "2026-06-01",
      base: "2026-05-30",
      moved: true,
      suspended: false,
    });
  });

  it("14 Apr 2026 → 15 May 2026: 14 May is Ascension (Easter 5 Apr + 39 days), a Thursday", () => {
    expect(dayOfWeek("2026-04-05")).toBe(0);
    expect(addDays("2026-04-05", 39)).toBe("2026-05-14");
    expect(computeDeadline({ receivedOn: "2026-04-14" })).toEqual({
      deadline: "2026-05-15",
      base: "2026-05-14",
      moved: true,
      suspended: false,
    });
  });

  it("keeps a working-day deadline as is", () => {
    // 15 Jan 2026 → 15 Feb 2026 is a Sunday → 16 Feb; 16 Jan → 16 Feb, a Monday.
    expect(computeDeadline({ receivedOn: "2026-01-16" })).toEqual({
      deadline: "2026-02-16",
      base: "2026-02-16",
      moved: false,
      suspended: false,
    });
    expect(computeDeadline({ receivedOn: "2026-01-15" }).deadline).toBe("2026-02-16");
  });

  it("moves across Easter: 5 Mar 2026 → 5 Apr (Easter Sunday), 6 Apr (Easter Monday) → Tuesday 7 Apr", () => {
    expect(computeDeadline({ receivedOn: "2026-03-05" }).deadline).toBe("2026-04-07");
  });

  it("uses 29 February in a leap year", () => {
    expect(computeDeadline({ receivedOn: "2028-01-31" }).base).toBe("2028-02-29"); // Tuesday
    expect(computeDeadline({ receivedOn: "2028-01-31" }).deadline).toBe("2028-02-29");
  });
});

describe("computeDeadline — identity checks (clock restarts on receipt of the information)", () => {
  it("restarts the full month from the day the information arrives", () => {
    // Received 10 Jan, information asked 15 Jan, received 20 Jan → 20 Feb 2026 (a Friday).
    expect(computeDeadline({ receivedOn: "2026-01-10", pauses: [{ from: "2026-01-15", to: "2026-01-20" }] })).toEqual({
      deadline: "2026-02-20",
      base: "2026-02-20",
      moved: false,
      suspended: false,
    });
  });

  it("uses the latest completed pause, whatever the order given", () => {
    const pauses = [
      { from: "2026-02-01", to: "2026-02-10" },
      { from: "2026-01-12", to: "2026-01-14" },
    ];
    expect(computeDeadline({ receivedOn: "2026-01-10", pauses }).base).toBe("2026-03-10");
  });

  it("is suspended while the information is awaited", () => {
    const result = computeDeadline({
      receivedOn: "2026-01-10",
      pauses: [
        { from: "2026-01-12", to: "2026-01-14" },
        { from: "2026-01-20", to: null },
      ],
    });
    expect(result).toEqual({ deadline: null, base: null, moved: false, suspended: true });
  });

  it("applies the extension from the restarted clock", () => {
    // Restart 20 Jan → 20 Feb → + 2 months = 20 Apr 2026, a Monday.
    expect(computeDeadline({ receivedOn: "2026-01-10", pauses: [{ from: "2026-01-15", to: "2026-01-20" }], extended: true }).deadline).toBe(
      "2026-04-20",
    );
  });

  it("rejects inconsistent pauses", () => {
    expect(() => computeDeadline({ receivedOn: "2026-01-10", pauses: [{ from: "2026-01-05", to: "2026-01-12" }] })).toThrow(RangeError);
    expect(() => computeDeadline({ receivedOn: "2026-01-10", pauses: [{ from: "2026-01-15", to: "2026-01-12" }] })).toThrow(RangeError);
  });
});

describe("computeDeadline — extension of two months", () => {
  it("adds two months to the unmoved first-month date, then moves it", () => {
    // 31 Jan → 28 Feb (unmoved) → 28 Apr 2026 (a Tuesday); not 30 Apr, not 2 May.
    expect(computeDeadline({ receivedOn: "2026-01-31", extended: true })).toEqual({
      deadline: "2026-04-28",
      base: "2026-04-28",
      moved: false,
      suspended: false,
    });
    // 5 Mar → 5 Apr (Easter Sunday, unmoved) → 5 Jun 2026 (a Friday).
    expect(computeDeadline({ receivedOn: "2026-03-05", extended: true }).deadline).toBe("2026-06-05");
    // 14 Apr → 14 May → 14 Jul (national day, a Tuesday) → 15 Jul.
    expect(computeDeadline({ receivedOn: "2026-04-14", extended: true })).toEqual({
      deadline: "2026-07-15",
      base: "2026-07-14",
      moved: true,
      suspended: false,
    });
  });
});

describe("computeDeadline — properties", () => {
  it("is at least 28 days after receipt and at most one month plus 4 days", () => {
    fc.assert(
      fc.property(civilDate, (receivedOn) => {
        const { deadline } = computeDeadline({ receivedOn });
        const days = diffInDays(receivedOn, deadline ?? "");
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31 + 4);
      }),
    );
  });

  it("never ends on a non-working day, and moves only from a non-working day", () => {
    fc.assert(
      fc.property(civilDate, fc.boolean(), (receivedOn, extended) => {
        const { deadline, base, moved } = computeDeadline({ receivedOn, extended });
        expect(isWorkingDay(deadline ?? "")).toBe(true);
        expect(moved).toBe(!isWorkingDay(base ?? ""));
        expect(moved).toBe(deadline !== base);
      }),
    );
  });

  it("gives a later deadline when extended", () => {
    fc.assert(
      fc.property(civilDate, (receivedOn) => {
        const plain = computeDeadline({ receivedOn }).deadline ?? "";
        const extended = computeDeadline({ receivedOn, extended: true }).deadline ?? "";
        expect(compare(extended, plain)).toBe(1);
        expect(diffInDays(plain, extended)).toBeGreaterThanOrEqual(56);
      }),
    );
  });

  it("never ends before the restart date plus 28 days", () => {
    fc.assert(
      fc.property(civilDate, fc.nat(60), fc.nat(30), (receivedOn, askedAfter, answeredAfter) => {
        const from = addDays(receivedOn, askedAfter);
        const to = addDays(from, answeredAfter);
        const { deadline } = computeDeadline({ receivedOn, pauses: [{ from, to }] });
        expect(diffInDays(to, deadline ?? "")).toBeGreaterThanOrEqual(28);
      }),
    );
  });
});

describe("canExtend", () => {
  it("allows the decision up to and including the first deadline", () => {
    const firstDeadline = computeDeadline({ receivedOn: "2026-01-31" }).deadline ?? "";
    expect(canExtend({ decidedOn: "2026-02-10", firstDeadline })).toBe(true);
    expect(canExtend({ decidedOn: "2026-03-02", firstDeadline })).toBe(true); // the moved Monday still counts
    expect(canExtend({ decidedOn: "2026-03-03", firstDeadline })).toBe(false);
  });
  it("is false for any decision after the first deadline", () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 1, max: 400 }), (receivedOn, lateBy) => {
        const firstDeadline = computeDeadline({ receivedOn }).deadline ?? "";
        expect(canExtend({ decidedOn: addDays(firstDeadline, lateBy), firstDeadline })).toBe(false);
        expect(canExtend({ decidedOn: addDays(firstDeadline, -lateBy + 1), firstDeadline })).toBe(true);
      }),
    );
  });
});

describe("daysLeft", () => {
  it("counts down to 0 on the last day, negative once late", () => {
    expect(daysLeft("2026-03-02", "2026-02-20")).toBe(10);
    expect(daysLeft("2026-03-02", "2026-03-02")).toBe(0);
    expect(daysLeft("2026-03-02", "2026-03-05")).toBe(-3);
  });
});
