import { describe, expect, it } from "vitest";
import { daysUntil, retentionEnd } from "./rules";

const rules = { dossierAgeMaxAns: 25, dossierAnneesApresAgeMax: 2, cejAnneesApresFin: 10 };

describe("retentionEnd", () => {
  it("keeps the dossier until 25 révolus plus two years", () => {
    // Born 2001-03-15: 26th birthday 2027-03-15, +2 years = 2029-03-15, last kept day 2029-03-14.
    expect(retentionEnd({ dateNaissance: "2001-03-15" }, rules)).toEqual({ until: "2029-03-14", basis: "age" });
  });

  it("handles a 29 February birth", () => {
    // 2004-02-29 + 28 years = 2032-02-29 (leap year), last kept day 2032-02-28.
    expect(retentionEnd({ dateNaissance: "2004-02-29" }, rules).until).toBe("2032-02-28");
    // 2003-02-28 + 28 years = 2031-02-28; last kept day 2031-02-27.
    expect(retentionEnd({ dateNaissance: "2003-02-28" }, rules).until).toBe("2031-02-27");
  });

  it("keeps a CEJ beneficiary ten years after the end of the contract when that is later", () => {
    expect(retentionEnd({ dateNaissance: "2001-03-15", finDernierCej: "2026-06-30" }, rules)).toEqual({
      until: "2036-06-30",
      basis: "cej",
    });
  });

  it("waits for a programme still running", () => {
    expect(retentionEnd({ dateNaissance: "1990-01-01", finProgrammeEnCours: "2027-01-31" }, rules)).toEqual({
      until: "2027-01-31",
      basis: "programme",
    });
  });

  it("follows the rules given (values are settings, not code)", () => {
    expect(retentionEnd({ dateNaissance: "2001-03-15" }, { ...rules, dossierAnneesApresAgeMax: 3 }).until).toBe("2030-03-14");
  });

  it("counts days left", () => {
    expect(daysUntil("2026-12-01", "2026-11-25")).toBe(6);
    expect(daysUntil("2026-11-20", "2026-11-25")).toBe(-5);
  });
});
