import { describe, expect, it } from "vitest";
import { daysCutoff, daysUntil, dossierVerdict, monthsCutoff, retentionEnd } from "./rules";

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

describe("dossierVerdict", () => {
  const free = {
    dateNaissance: "1990-03-02",
    limitationDepuis: null,
    contratEnCours: false,
    derniereDecisionAllocation: null,
    dernierEnregistrementParcours: null,
  };
  const withFse = { ...rules, fseAnneesApresDernierEnregistrement: 19 };

  it("is not due before the retention end, whatever holds it would have", () => {
    expect(dossierVerdict({ ...free, dateNaissance: "2002-05-10", limitationDepuis: new Date() }, withFse, "2026-11-25")).toEqual({
      due: false,
      until: "2030-05-09",
    });
    // The last kept day itself is not yet due; the day after is.
    expect(dossierVerdict({ ...free, dateNaissance: "2000-11-26" }, withFse, "2028-11-25").due).toBe(false);
    expect(dossierVerdict({ ...free, dateNaissance: "2000-11-26" }, withFse, "2028-11-26").due).toBe(true);
  });

  it("follows the CEJ rule: ten years after the end of the contract", () => {
    expect(dossierVerdict({ ...free, finDernierCej: "2020-06-30" }, rules, "2030-06-30").due).toBe(false);
    expect(dossierVerdict({ ...free, finDernierCej: "2020-06-30" }, rules, "2030-07-01")).toEqual({
      due: true,
      until: "2030-06-30",
      holds: [],
    });
  });

  it("names every hold of a file past its end: limitation, running contract, allowance accounting, ESF audits", () => {
    const held = dossierVerdict(
      {
        ...free,
        limitationDepuis: new Date("2026-11-01T10:00:00Z"),
        contratEnCours: true,
        derniereDecisionAllocation: "2019-05-31",
        dernierEnregistrementParcours: "2019-05-31",
      },
      withFse,
      "2026-11-25",
    );
    expect(held).toMatchObject({ due: true, holds: ["limitation", "contrat_en_cours", "allocation", "fse"] });
  });

  it("lets go once the allowance's ten years and the ESF's years are over", () => {
    const facts = { ...free, derniereDecisionAllocation: "2010-01-31", dernierEnregistrementParcours: "2010-01-31" };
    expect(dossierVerdict(facts, withFse, "2026-11-25")).toMatchObject({ holds: ["fse"] });
    expect(dossierVerdict(facts, withFse, "2029-02-01")).toMatchObject({ holds: [] });
    expect(dossierVerdict(facts, rules, "2026-11-25")).toMatchObject({ holds: [] });
    expect(dossierVerdict({ ...facts, derniereDecisionAllocation: "2017-01-31" }, rules, "2026-11-25")).toMatchObject({
      holds: ["allocation"],
    });
  });
});

describe("trace cutoffs", () => {
  it("keeps the consultation log N months, from the start of that day in Paris", () => {
    expect(monthsCutoff("2026-11-25", 7).toISOString()).toBe("2026-04-24T22:00:00.000Z");
    expect(monthsCutoff("2026-08-31", 6).toISOString()).toBe("2026-02-27T23:00:00.000Z");
  });
  it("keeps sessions and codes N days after they ended", () => {
    expect(daysCutoff(new Date("2026-11-25T03:00:00Z"), 30).toISOString()).toBe("2026-10-26T03:00:00.000Z");
  });
});
