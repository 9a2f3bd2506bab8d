import { describe, expect, it } from "vitest";
import {
  erasureHolds,
  oppositionIssueRefusal,
  oppositionRule,
  parseRectifiedValue,
  rectificationKey,
  type ErasureFacts,
} from "./traitement-rules";

const RULES = { dossierAgeMaxAns: 25, dossierAnneesApresAgeMax: 2, cejAnneesApresFin: 10, fseAnneesApresDernierEnregistrement: 19 };
const TODAY = "2026-11-25";
const none: ErasureFacts = {
  dateNaissance: "1990-01-01",
  limitationDepuis: null,
  contratEnCours: null,
  finDernierCej: null,
  derniereDecisionAllocation: null,
  dernierEnregistrementParcours: null,
};

describe("rectified values follow the dossier form's rules", () => {
  it("normalises like the dossier form", () => {
    expect(parseRectifiedValue("telephone", "0612345678", TODAY)).toEqual({ ok: true, value: "06 12 34 56 78" });
    expect(parseRectifiedValue("nomNaissance", "  dupont  ", TODAY)).toEqual({ ok: true, value: "DUPONT" });
    expect(parseRectifiedValue("email", "Lea@Exemple.FR", TODAY)).toEqual({ ok: true, value: "lea@exemple.fr" });
    expect(parseRectifiedValue("nomUsage", "", TODAY)).toEqual({ ok: true, value: null });
  });
  it("refuses what the dossier form refuses, with its message", () => {
    expect(parseRectifiedValue("codePostal", "6900", TODAY)).toMatchObject({ ok: false, message: expect.stringContaining("5 chiffres") });
    expect(parseRectifiedValue("sexe", "X", TODAY)).toMatchObject({ ok: false });
    expect(parseRectifiedValue("prenoms", "   ", TODAY)).toMatchObject({ ok: false });
    expect(parseRectifiedValue("dateNaissance", "2027-01-01", TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining("postérieure"),
    });
  });
  it("keys one transfer per request, dossier version, recipient and finality", () => {
    expect(rectificationKey("d1", 4, "franceTravail", "cej")).toBe("rectification:d1:v4:franceTravail:cej");
  });
});

describe("erasure holds", () => {
  it("none for an adult past retention, never in a programme", () => {
    expect(erasureHolds(none, RULES, TODAY)).toEqual([]);
  });
  it("an open contract, a limitation and the retention period each hold, in plain words", () => {
    const holds = erasureHolds(
      {
        ...none,
        dateNaissance: "2006-03-14",
        limitationDepuis: new Date(),
        contratEnCours: { type: "CEJ", debut: "2026-06-01", finPrevue: "2027-05-31" },
      },
      RULES,
      TODAY,
    );
    expect(holds.map((h) => h.code)).toEqual(["limitation", "contrat_en_cours", "conservation"]);
    expect(holds[1]!.text).toContain("contrat d'engagement jeune (CEJ) est en cours depuis le");
  });
  it("an allowance holds ten years after the last decision, not one day more", () => {
    expect(erasureHolds({ ...none, derniereDecisionAllocation: "2016-11-25" }, RULES, TODAY).map((h) => h.code)).toEqual(["allocation"]);
    expect(erasureHolds({ ...none, derniereDecisionAllocation: "2016-11-24" }, RULES, TODAY)).toEqual([]);
  });
  it("ESF audits hold 19 years after the last pathway record, only when the setting exists", () => {
    expect(erasureHolds({ ...none, dernierEnregistrementParcours: "2010-01-01" }, RULES, TODAY).map((h) => h.code)).toEqual(["fse"]);
    const { fseAnneesApresDernierEnregistrement: _fse, ...withoutFse } = RULES;
    expect(erasureHolds({ ...none, dernierEnregistrementParcours: "2010-01-01" }, withoutFse, TODAY)).toEqual([]);
  });
});

describe("objection per finality", () => {
  it("is excluded where the finality rests on a legal obligation, assessed case by case under public interest", () => {
    expect(oppositionRule("droits")?.availability).toBe("non");
    expect(oppositionRule("cej")?.availability).toBe("sous_conditions");
    expect(oppositionIssueRefusal("droits", "acceptee")).toContain("La décision ne peut être qu'un refus");
    expect(oppositionIssueRefusal("droits", "refusee")).toBeNull();
    expect(oppositionIssueRefusal("cej", "acceptee")).toBeNull();
  });
});
