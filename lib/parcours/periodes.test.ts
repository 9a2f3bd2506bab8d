import { describe, expect, it } from "vitest";
import { blockingPhasesMessage, contractPeriod, daysLeft, endDateRefusal, phasesAfterEnd, switchDates } from "./periodes";
import { phaseFieldErrors } from "./phase-errors";
import { checkPhases, type Phase } from "./phases";
import { checkNewContract } from "./signature";

const c = { debut: "2026-01-31", finPrevue: "2027-01-30", finReelle: null };

describe("contractPeriod and daysLeft", () => {
  it("runs to the actual end when ended, else to the planned end", () => {
    expect(contractPeriod(c)).toEqual({ start: "2026-01-31", end: "2027-01-30" });
    expect(contractPeriod({ ...c, finReelle: "2026-06-30" })).toEqual({ start: "2026-01-31", end: "2026-06-30" });
  });
  it("counts 0 on the last day, across a leap day", () => {
    expect(daysLeft("2027-01-30", c)).toBe(0);
    expect(daysLeft("2027-01-31", c)).toBe(-1);
    expect(daysLeft("2028-02-28", { debut: "2028-01-01", finPrevue: "2028-03-01", finReelle: null })).toBe(2);
  });
});

describe("endDateRefusal", () => {
  it("accepts the start day, today and the planned end", () => {
    expect(endDateRefusal(c, "2026-01-31", "2026-05-01")).toBeNull();
    expect(endDateRefusal(c, "2026-05-01", "2026-05-01")).toBeNull();
    expect(endDateRefusal(c, "2027-01-30", "2027-03-01")).toBeNull();
  });
  it("refuses before the start, in the future, after the planned end", () => {
    expect(endDateRefusal(c, "2026-01-30", "2026-05-01")).toMatch(/précéder le début du contrat, le 31 janvier 2026/);
    expect(endDateRefusal(c, "2026-05-02", "2026-05-01")).toMatch(/futur/);
    expect(endDateRefusal(c, "2027-01-31", "2027-03-01")).toMatch(/prolongez d'abord/);
  });
});

describe("switchDates", () => {
  it("ends the current contract the day before the switch, across a month end and a leap day", () => {
    expect(switchDates(c, "2026-03-01", "2026-05-01")).toEqual({ ok: true, ancienneFin: "2026-02-28", nouveauDebut: "2026-03-01" });
    expect(switchDates({ debut: "2028-01-10", finPrevue: "2029-01-09", finReelle: null }, "2028-03-01", "2028-04-01")).toEqual({
      ok: true,
      ancienneFin: "2028-02-29",
      nouveauDebut: "2028-03-01",
    });
  });
  it("needs at least one day under the current contract, no future date, and no gap after the planned end", () => {
    expect(switchDates(c, "2026-01-31", "2026-05-01")).toMatchObject({ ok: false, message: expect.stringMatching(/1er février 2026/) });
    expect(switchDates(c, "2026-02-01", "2026-05-01")).toMatchObject({ ok: true, ancienneFin: "2026-01-31" });
    expect(switchDates(c, "2026-05-02", "2026-05-01")).toMatchObject({ ok: false, message: expect.stringMatching(/futur/) });
    expect(switchDates(c, "2027-01-31", "2027-06-01")).toMatchObject({ ok: true, ancienneFin: "2027-01-30" });
    expect(switchDates(c, "2027-02-01", "2027-06-01")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/au plus tard le 31 janvier 2027/),
    });
  });
});

describe("phasesAfterEnd", () => {
  const phases = [
    { id: "a", debut: "2026-01-31", fin: "2026-03-31" },
    { id: "b", debut: "2026-04-01", fin: "2026-12-31" },
    { id: "c", debut: "2027-01-01", fin: "2027-01-30" },
  ];
  it("cuts the phase running on the end day and blocks those starting after it", () => {
    expect(phasesAfterEnd(phases, "2026-06-30")).toEqual({ shortened: [phases[1]], blocking: [phases[2]] });
    expect(phasesAfterEnd(phases, "2026-03-31")).toEqual({ shortened: [], blocking: [phases[1], phases[2]] });
    expect(phasesAfterEnd(phases, "2027-01-30")).toEqual({ shortened: [], blocking: [] });
    expect(blockingPhasesMessage([phases[2]!, phases[1]!], "2026-03-31")).toMatch(/commence le 1er avril 2026/);
  });
});

describe("phaseFieldErrors", () => {
  const contract = { start: "2026-01-01", end: "2026-12-31" };
  const diag: Phase = { kind: "diagnostic", start: "2026-01-01", end: "2026-01-31" };
  const acc: Phase = { kind: "accompagnement", start: "2026-02-01", end: "2026-06-30" };
  const errors = (set: Phase[], edited: number) => {
    const r = checkPhases(contract, set);
    return r.ok ? {} : phaseFieldErrors(r.refusals, set, edited);
  };
  it("puts an overlap on the new phase's start", () => {
    expect(Object.keys(errors([diag, { ...acc, start: "2026-01-31" }], 1))).toEqual(["debut"]);
  });
  it("puts an overlap caused by lengthening an earlier phase on its end", () => {
    expect(Object.keys(errors([{ ...diag, end: "2026-02-01" }, acc], 0))).toEqual(["fin"]);
  });
  it("puts a missing diagnostic on the type, and dates outside the contract on the matching field", () => {
    expect(Object.keys(errors([acc], 0))).toEqual(["type"]);
    expect(Object.keys(errors([{ ...diag, start: "2025-12-31" }], 0))).toEqual(["debut"]);
    expect(Object.keys(errors([diag, { ...acc, end: "2027-01-01" }], 1))).toEqual(["fin"]);
    expect(Object.keys(errors([diag, { ...acc, end: "2026-01-15", start: "2026-02-01" }], 1))).toEqual(["fin"]);
  });
  it("moving the diagnostic after an accompaniment phase is reported on the diagnostic's start", () => {
    expect(errors([{ ...diag, start: "2026-07-01", end: "2026-07-31" }, acc], 0)).toHaveProperty("debut");
  });
});

describe("checkNewContract", () => {
  const base = {
    type: "CEJ" as const,
    signeLe: "2026-03-01",
    debut: "2026-03-01",
    finPrevue: "2027-02-28",
    prolongationMotif: null,
    etudiant: false,
  };
  const ctx = { birthDate: "2004-03-01", rqth: false, previous: [], today: "2026-03-10" };
  it("accepts a 12-month CEJ starting on the signature day", () => {
    expect(checkNewContract(base, ctx)).toEqual({});
  });
  it("refuses a young person who turns 26 on the start day, accepts one who turns 26 the day after", () => {
    expect(checkNewContract(base, { ...ctx, birthDate: "2000-03-01" })).toHaveProperty("type");
    expect(checkNewContract(base, { ...ctx, birthDate: "2000-03-02" })).toEqual({});
  });
  it("keys every problem to its field, all at once", () => {
    const errors = checkNewContract(
      { ...base, signeLe: "2026-03-11", debut: "2026-03-05", finPrevue: "2027-03-10", etudiant: true },
      { ...ctx, birthDate: "1995-01-01", previous: [{ type: "CEJ", debut: "2025-01-01", fin: "2025-12-31" }] },
    );
    expect(Object.keys(errors).sort()).toEqual(["debut", "etudiant", "finPrevue", "signeLe", "type"]);
    expect(errors.debut!.join(" ")).toMatch(/1er juillet 2026/);
  });
  it("uses the switch form's field name for the start", () => {
    expect(checkNewContract({ ...base, debut: "2026-02-01" }, { ...ctx, debutField: "dateBascule" })).toHaveProperty("dateBascule");
  });
  it("checks the PACEA age too, without the RQTH extension", () => {
    expect(
      checkNewContract({ ...base, type: "PACEA", finPrevue: "2028-02-29" }, { ...ctx, birthDate: "1999-01-01", rqth: true }),
    ).toHaveProperty("type");
    expect(checkNewContract({ ...base, type: "PACEA", finPrevue: "2028-02-29" }, ctx)).toEqual({});
  });
});
