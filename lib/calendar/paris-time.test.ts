import { describe, expect, it } from "vitest";
import { parisOffsetMinutes, parisStartOfDay, parisToInstant, parisWallClock } from "./paris-time";

const at = (date: string, time: string) => {
  const r = parisToInstant(date, time);
  if (!r.ok) throw new Error(`expected ${date} ${time} to exist, got ${r.reason}`);
  return r.instant.toISOString();
};

describe("parisToInstant", () => {
  it("uses UTC+1 in winter and UTC+2 in summer", () => {
    expect(at("2026-01-15", "09:30")).toBe("2026-01-15T08:30:00.000Z");
    expect(at("2026-07-15", "09:30")).toBe("2026-07-15T07:30:00.000Z");
  });

  it("handles the last Sunday of March (29 March 2026): 02:00–02:59 does not exist", () => {
    expect(at("2026-03-29", "01:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(parisToInstant("2026-03-29", "02:00")).toEqual({ ok: false, reason: "nonexistent" });
    expect(parisToInstant("2026-03-29", "02:30")).toEqual({ ok: false, reason: "nonexistent" });
    expect(at("2026-03-29", "03:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(at("2026-03-29", "14:00")).toBe("2026-03-29T12:00:00.000Z");
    // The day before and after are plain winter / summer days.
    expect(at("2026-03-28", "14:00")).toBe("2026-03-28T13:00:00.000Z");
    expect(at("2026-03-30", "14:00")).toBe("2026-03-30T12:00:00.000Z");
  });

  it("handles the last Sunday of October (25 October 2026): 02:00–02:59 happens twice, the first is kept", () => {
    expect(at("2026-10-25", "01:30")).toBe("2026-10-24T23:30:00.000Z");
    expect(at("2026-10-25", "02:30")).toBe("2026-10-25T00:30:00.000Z"); // still summer time (UTC+2)
    expect(at("2026-10-25", "03:00")).toBe("2026-10-25T02:00:00.000Z"); // winter time (UTC+1)
    expect(at("2026-10-25", "14:00")).toBe("2026-10-25T13:00:00.000Z");
  });

  it("refuses malformed dates and times", () => {
    expect(parisToInstant("2026-02-30", "10:00")).toEqual({ ok: false, reason: "invalid" });
    expect(parisToInstant("2026-02-10", "24:00")).toEqual({ ok: false, reason: "invalid" });
    expect(parisToInstant("2026-02-10", "9:00")).toEqual({ ok: false, reason: "invalid" });
  });

  it("round-trips through parisWallClock every 15 minutes across both changes", () => {
    for (const date of ["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"]) {
      for (let m = 0; m < 24 * 60; m += 15) {
        const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const r = parisToInstant(date, time);
        if (!r.ok) {
          expect(date).toBe("2026-03-29");
          expect(time.startsWith("02:")).toBe(true);
          continue;
        }
        expect(parisWallClock(r.instant)).toMatchObject({ date, time });
      }
    }
  });
});

describe("parisWallClock / offsets / start of day", () => {
  it("reads an instant on the Paris clock", () => {
    expect(parisWallClock(new Date("2026-11-23T23:30:00Z"))).toEqual({ date: "2026-11-24", time: "00:30", minutes: 30 });
    expect(parisOffsetMinutes(new Date("2026-01-01T12:00:00Z"))).toBe(60);
    expect(parisOffsetMinutes(new Date("2026-06-01T12:00:00Z"))).toBe(120);
  });

  it("gives Paris midnight, whatever the season", () => {
    expect(parisStartOfDay("2026-11-23").toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(parisStartOfDay("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(parisStartOfDay("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});
