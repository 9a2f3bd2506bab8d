import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compare, fromEpochDay, toEpochDay } from "@/lib/calendar/civil-date";
import { checkCejEntry, checkPlannedEnd, checkSwitch, endAfterMonths, maxEndDate, nextCejPossibleFrom } from "./contrats";

const civilDate = fc.integer({ min: toEpochDay("2000-01-01"), max: toEpochDay("2100-12-31") }).map(fromEpochDay);

describe("end dates: start + N months − 1 day, inclusive", () => {
  it("a 12-month contract from 1 Jan ends on 31 Dec", () => {
    expect(endAfterMonths("2026-01-01", 12)).toBe("2026-12-31");
  });

  it("a 12-month contract from 31 Jan 2026 ends on 30 Jan 2027", () => {
    expect(maxEndDate("CEJ", "2026-01-31")).toBe("2027-01-30");
  });

  it("PACEA 24 months, CEJ 12, CEJ extended 18; extended is ignored for a PACEA", () => {
    expect(maxEndDate("PACEA", "2026-03-15")).toBe("2028-03-14");
    expect(maxEndDate("PACEA", "2026-03-15", { extended: true })).toBe("2028-03-14");
    expect(maxEndDate("CEJ", "2026-03-15")).toBe("2027-03-14");
    expect(maxEndDate("CEJ", "2026-03-15", { extended: true })).toBe("2027-09-14");
  });

  it("month-end rule around 29 February", () => {
    expect(maxEndDate("CEJ", "2027-02-28", { extended: false })).toBe("2028-02-27");
    expect(maxEndDate("CEJ", "2028-02-29")).toBe("2029-02-27"); // 2029-02-28 (no 29th) − 1 day
    expect(maxEndDate("CEJ", "2027-03-01")).toBe("2028-02-29");
  });

  it("property: the end is after the start and strictly before the same day N months later", () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const end = endAfterMonths(start, months);
        expect(compare(end, start)).toBe(1);
        expect(endAfterMonths(start, months + 1) > end).toBe(true);
      }),
    );
  });
});

describe("checkCejEntry", () => {
  const base = { birthDate: "2005-06-15", startDate: "2026-11-25", rqth: false, etudiant: false, previousCejEnds: [] as string[] };

  it("accepts an eligible young person without a previous CEJ", () => {
    expect(checkCejEntry(base)).toEqual({ ok: true });
  });

  it("refuses a new CEJ before the 6-month gap and gives the date it becomes possible", () => {
    const result = checkCejEntry({ ...base, startDate: "2027-06-30", previousCejEnds: ["2026-12-31"] });
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: "gap_too_short",
          message: "Un nouveau CEJ est possible à partir du 1er juillet 2027 (six mois après la fin du précédent, le 31 décembre 2026).",
        },
      ],
    });
  });

  it("accepts on the first possible day exactly", () => {
    expect(nextCejPossibleFrom("2026-12-31")).toBe("2027-07-01");
    expect(checkCejEntry({ ...base, startDate: "2027-07-01", previousCejEnds: ["2026-12-31"] })).toEqual({ ok: true });
  });

  it("uses the latest previous CEJ whatever the order", () => {
    const result = checkCejEntry({ ...base, startDate: "2027-01-10", previousCejEnds: ["2026-08-30", "2024-01-31"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusals[0]?.message).toContain("à partir du 28 février 2027");
    // the gap starts the day after the end: 31 Aug 2026 + 6 months = 28 Feb 2027 (month-end rule)
    expect(nextCejPossibleFrom("2026-08-30")).toBe("2027-02-28");
  });

  it("refuses a student, with a way forward", () => {
    const result = checkCejEntry({ ...base, etudiant: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusals.map((r) => r.code)).toEqual(["etudiant"]);
      expect(result.refusals[0]?.message).toMatch(/n'est pas ouvert aux étudiants.*PACEA/);
    }
  });

  it("checks the age on the start date: 25 révolus until the day before the 26th birthday", () => {
    expect(checkCejEntry({ ...base, birthDate: "2000-12-01", startDate: "2026-11-30" })).toEqual({ ok: true });
    const result = checkCejEntry({ ...base, birthDate: "2000-12-01", startDate: "2026-12-01" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusals[0]?.code).toBe("too_old_without_rqth");
      expect(result.refusals[0]?.message).toMatch(/^À la date de début prévue \(1er décembre 2026\) : Ce jeune a 26 ans/);
    }
  });

  it("accepts up to 29 révolus with a RQTH, refuses at 30", () => {
    expect(checkCejEntry({ ...base, birthDate: "1997-01-01", startDate: "2026-12-31", rqth: true })).toEqual({ ok: true });
    const result = checkCejEntry({ ...base, birthDate: "1997-01-01", startDate: "2027-01-01", rqth: true });
    expect(result.ok === false && result.refusals[0]?.code).toBe("too_old");
  });

  it("refuses under 16 on the start date", () => {
    const result = checkCejEntry({ ...base, birthDate: "2010-11-26", startDate: "2026-11-25" });
    expect(result.ok === false && result.refusals[0]?.code).toBe("too_young");
    expect(checkCejEntry({ ...base, birthDate: "2010-11-25", startDate: "2026-11-25" })).toEqual({ ok: true });
  });

  it("returns every reason at once", () => {
    const result = checkCejEntry({ ...base, birthDate: "1999-06-01", etudiant: true, previousCejEnds: ["2026-10-31"] });
    expect(result.ok === false && result.refusals.map((r) => r.code)).toEqual(["too_old_without_rqth", "etudiant", "gap_too_short"]);
  });

  it("property: entry is refused for a gap only before nextCejPossibleFrom", () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: -400, max: 400 }), (previousEnd, offset) => {
        const startDate = addDays(previousEnd, offset);
        const result = checkCejEntry({
          birthDate: addDays(startDate, -20 * 365),
          startDate,
          rqth: false,
          etudiant: false,
          previousCejEnds: [previousEnd],
        });
        const gapRefused = !result.ok && result.refusals.some((r) => r.code === "gap_too_short");
        expect(gapRefused).toBe(compare(startDate, nextCejPossibleFrom(previousEnd)) < 0);
      }),
    );
  });
});

describe("checkPlannedEnd", () => {
  it("accepts a CEJ ending on the last day of its 12 months", () => {
    expect(checkPlannedEnd({ kind: "CEJ", start: "2026-01-31", plannedEnd: "2027-01-30" })).toEqual({ ok: true, maxEnd: "2027-01-30" });
  });

  it("refuses a CEJ ending after 12 months without an extension reason, and says how to fix it", () => {
    const result = checkPlannedEnd({ kind: "CEJ", start: "2026-01-31", plannedEnd: "2027-01-31" });
    expect(result).toEqual({
      ok: false,
      maxEnd: "2027-01-30",
      code: "cej_extension_reason_required",
      message:
        "Un CEJ dure au plus 12 mois (fin au plus tard le 30 janvier 2027). Pour aller jusqu'au 31 janvier 2027, indiquez le motif exceptionnel de la prolongation (18 mois au plus).",
    });
  });

  it("a blank extension reason is no reason", () => {
    expect(checkPlannedEnd({ kind: "CEJ", start: "2026-01-31", plannedEnd: "2027-01-31", extensionReason: "   " }).ok).toBe(false);
  });

  it("accepts up to 18 months with a reason, refuses beyond", () => {
    expect(
      checkPlannedEnd({ kind: "CEJ", start: "2026-01-01", plannedEnd: "2027-06-30", extensionReason: "Formation qualifiante en cours" }),
    ).toEqual({
      ok: true,
      maxEnd: "2027-06-30",
    });
    const tooLong = checkPlannedEnd({ kind: "CEJ", start: "2026-01-01", plannedEnd: "2027-07-01", extensionReason: "Formation" });
    expect(tooLong.ok === false && tooLong.code).toBe("too_long");
    expect(tooLong.ok === false && tooLong.message).toContain("au plus tard le 30 juin 2027");
    const tooLongNoReason = checkPlannedEnd({ kind: "CEJ", start: "2026-01-01", plannedEnd: "2027-07-01" });
    expect(tooLongNoReason.ok === false && tooLongNoReason.code).toBe("too_long");
  });

  it("PACEA: 24 months at most, no extension", () => {
    expect(checkPlannedEnd({ kind: "PACEA", start: "2026-01-01", plannedEnd: "2027-12-31" }).ok).toBe(true);
    const result = checkPlannedEnd({ kind: "PACEA", start: "2026-01-01", plannedEnd: "2028-01-01", extensionReason: "x" });
    expect(result).toEqual({
      ok: false,
      maxEnd: "2027-12-31",
      code: "too_long",
      message: "Un PACEA dure au plus 24 mois : commencé le 1er janvier 2026, il doit se terminer au plus tard le 31 décembre 2027.",
    });
  });

  it("refuses an end before the start; a one-day contract is accepted", () => {
    const result = checkPlannedEnd({ kind: "PACEA", start: "2026-03-02", plannedEnd: "2026-03-01" });
    expect(result.ok === false && result.code).toBe("end_before_start");
    expect(checkPlannedEnd({ kind: "PACEA", start: "2026-03-02", plannedEnd: "2026-03-02" }).ok).toBe(true);
  });
});

describe("checkSwitch", () => {
  it("needs a motive, returned trimmed", () => {
    expect(checkSwitch("CEJ", "PACEA", "  Reprise d'études envisagée ")).toEqual({ ok: true, motif: "Reprise d'études envisagée" });
    expect(checkSwitch("PACEA", "CEJ", "")).toEqual({
      ok: false,
      code: "motif_required",
      message: "Indiquez le motif du passage du PACEA au CEJ : il est conservé dans l'historique du parcours.",
    });
    expect(checkSwitch("CEJ", "PACEA", null).ok).toBe(false);
  });

  it("refuses a switch to the same contract", () => {
    expect(checkSwitch("CEJ", "CEJ", "motif").ok === false && checkSwitch("CEJ", "CEJ", "motif")).toMatchObject({ code: "same_contract" });
  });
});
