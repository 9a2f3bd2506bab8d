import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatLongCivilDate,
  formatMoneyCents,
  formatMonth,
  formatMonthSpanPhrase,
  formatNumber,
  formatShortDate,
  formatTime,
} from "./fr";

const NNBSP = "\u202f"; // narrow no-break space: thousands separator
const NBSP = "\u00a0"; // no-break space: before € and %

describe("formatDate", () => {
  it("writes a civil date in full", () => {
    expect(formatDate("2026-03-02")).toBe("lundi 2 mars 2026");
    expect(formatDate("2026-03-03")).toBe("mardi 3 mars 2026");
    expect(formatDate("2026-07-14")).toBe("mardi 14 juillet 2026");
  });
  it("writes the first of the month as 1er", () => {
    expect(formatDate("2026-03-01")).toBe("dimanche 1er mars 2026");
    expect(formatDate("2026-03-11")).toBe("mercredi 11 mars 2026");
  });
  it("never shifts a civil date, whatever the process time zone", () => {
    expect(formatDate("2026-01-01")).toBe("jeudi 1er janvier 2026");
    expect(formatDate("2026-12-31")).toBe("jeudi 31 décembre 2026");
  });
  it("reads an instant in Europe/Paris", () => {
    expect(formatDate(new Date("2026-03-02T23:30:00Z"))).toBe("mardi 3 mars 2026"); // 00:30 CET
    expect(formatDate(new Date("2026-03-02T22:30:00Z"))).toBe("lundi 2 mars 2026");
  });
});

describe("formatShortDate", () => {
  it("uses dd/mm/yyyy", () => {
    expect(formatShortDate("2026-03-03")).toBe("03/03/2026");
    expect(formatShortDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
  });
});

describe("formatTime / formatDateTime", () => {
  it("writes hours the French way, in Paris time (CET and CEST)", () => {
    expect(formatTime(new Date("2026-01-15T13:30:00Z"))).toBe("14 h 30");
    expect(formatTime(new Date("2026-07-14T07:05:00Z"))).toBe("9 h 05");
    expect(formatTime(new Date("2026-07-14T22:00:00Z"))).toBe("0 h 00");
  });
  it("joins date and time with « à »", () => {
    expect(formatDateTime(new Date("2026-03-03T13:30:00Z"))).toBe("3 mars 2026 à 14 h 30");
    expect(formatDateTime(new Date("2026-07-14T12:30:00Z"))).toBe("14 juillet 2026 à 14 h 30");
    expect(formatDateTime(new Date("2026-02-28T23:15:00Z"))).toBe("1er mars 2026 à 0 h 15");
  });
  it("rejects an invalid Date", () => {
    expect(() => formatTime(new Date("nope"))).toThrow(RangeError);
  });
});

describe("formatMoneyCents / formatNumber", () => {
  it("formats integer cents as euros with no-break spaces", () => {
    expect(formatMoneyCents(56168)).toBe(`561,68${NBSP}€`);
    expect(formatMoneyCents(391014)).toBe(`3${NNBSP}910,14${NBSP}€`);
    expect(formatMoneyCents(123456789)).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(formatMoneyCents(0)).toBe(`0,00${NBSP}€`);
    expect(formatMoneyCents(5)).toBe(`0,05${NBSP}€`);
    expect(formatMoneyCents(-33700)).toBe(`-337,00${NBSP}€`);
  });
  it("refuses fractional cents", () => {
    expect(() => formatMoneyCents(561.68)).toThrow(RangeError);
  });
  it("formats numbers", () => {
    expect(formatNumber(1234567.5)).toBe(`1${NNBSP}234${NNBSP}567,5`);
    expect(formatNumber(0.8, { style: "percent", maximumFractionDigits: 1 })).toBe(`80${NBSP}%`);
  });
});

describe("formatMonth", () => {
  it("writes a month in French", () => {
    expect(formatMonth("2027-04")).toBe("avril 2027");
  });
});

describe("formatLongCivilDate", () => {
  it("writes the first of the month as an ordinal and no weekday", () => {
    expect(formatLongCivilDate("2027-07-01")).toBe("1er juillet 2027");
    expect(formatLongCivilDate("2026-12-31")).toBe("31 décembre 2026");
  });
});

describe("formatMonthSpanPhrase", () => {
  it("says one month or a run of months after a verb, eliding before a vowel", () => {
    expect(formatMonthSpanPhrase({ from: "2027-04", to: "2027-04" })).toBe("en avril 2027");
    expect(formatMonthSpanPhrase({ from: "2026-06", to: "2027-05" })).toBe("de juin 2026 à mai 2027");
    expect(formatMonthSpanPhrase({ from: "2026-08", to: "2026-10" })).toBe("d'août 2026 à octobre 2026");
  });
});
