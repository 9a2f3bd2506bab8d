import { describe, expect, it } from "vitest";
import { FINALITIES, FINALITY_IDS } from "@/lib/data-map/finalities";
import { flowsOfFinality } from "@/lib/data-map/flows";
import { rightsFor } from "@/lib/data-map/rights";
import { TEST_CONTEXT } from "@/lib/data-map/test-context";
import { ACRONYMS, usesAcronym, explainsAcronym, type Acronym } from "@/lib/data-map/glossary";
import { buildMyInformation, finalitiesOf, isMinor } from "./informations";

const cej = { dispositif: "CEJ", contractTypes: ["CEJ"], allowance: { cej: true, pacea: false } } as const;
const pacea = { dispositif: "PACEA", contractTypes: ["PACEA"], allowance: { cej: false, pacea: false } } as const;

describe("the finalities that apply to one young person", () => {
  it("follow their contracts and allowance, in the data map's order", () => {
    expect(finalitiesOf(cej)).toEqual(["accompagnement", "cej", "c2s", "allocation", "statistiques", "droits"]);
    expect(finalitiesOf(pacea)).toEqual(["accompagnement", "pacea", "statistiques", "droits"]);
    // A CEJ that ended after a PACEA: both stay, since both were processed.
    expect(finalitiesOf({ dispositif: "aucun", contractTypes: ["PACEA", "CEJ"], allowance: { cej: false, pacea: true } })).toEqual([
      "accompagnement",
      "pacea",
      "cej",
      "allocation",
      "statistiques",
      "droits",
    ]);
    expect(finalitiesOf({ dispositif: "aucun", contractTypes: [], allowance: { cej: false, pacea: false } })).toEqual([
      "accompagnement",
      "statistiques",
      "droits",
    ]);
  });
});

describe("isMinor", () => {
  it("is true until the eighteenth birthday, 29 February included", () => {
    expect(isMinor("2008-11-26", "2026-11-25")).toBe(true);
    expect(isMinor("2008-11-25", "2026-11-25")).toBe(false);
    expect(isMinor("2008-02-29", "2026-02-28")).toBe(true);
    expect(isMinor("2008-02-29", "2026-03-01")).toBe(false);
  });
});

describe("my information, explained", () => {
  const ctx = TEST_CONTEXT;

  it("explains each of my finalities from the data map: title, why, basis, recipients, retention, rights", () => {
    const info = buildMyInformation({ finalities: finalitiesOf(cej), minor: false, ctx });
    expect(info.finalities.map((f) => f.id)).toEqual(finalitiesOf(cej));
    for (const f of info.finalities) {
      const source = FINALITIES[f.id];
      expect(f.title.startsWith(source.falc.title.split(" (")[0]!)).toBe(true);
      expect(f.why.slice(0, source.falc.why.length).join(" ")).toContain(source.falc.why[0]!.split(" ").slice(0, 4).join(" "));
      expect(f.recipients).toHaveLength(flowsOfFinality(f.id).length);
      expect(f.rights.map((r) => [r.right, r.availability])).toEqual(rightsFor(source).map((r) => [r.right, r.availability]));
      expect(f.retention.length).toBeGreaterThan(0);
      expect(f.further).toMatch(/^Pour aller plus loin : /);
    }
    const c2s = info.finalities.find((f) => f.id === "c2s")!;
    expect(c2s.recipients[0]!.who).toMatch(/^L'Assurance maladie/);
    expect(c2s.recipients[0]!.what).toBe(
      "Votre nom, vos prénoms, votre date de naissance, votre sexe, votre numéro de sécurité sociale, le mois de votre allocation et si votre foyer paie l'impôt sur le revenu.",
    );
    // Sensitive data and the counsellor's notes are said to stay inside.
    expect(info.finalities[0]!.dataKept.join(" ")).toMatch(/santé/i);
    // Portability does not apply to a public-interest task.
    expect(info.finalities[0]!.rights.find((r) => r.right === "portabilite")).toMatchObject({ answer: "Non" });
  });

  it("leaves out the finalities that do not apply", () => {
    const info = buildMyInformation({ finalities: finalitiesOf(pacea), minor: false, ctx });
    expect(info.finalities.map((f) => f.id)).not.toContain("cej");
    expect(info.finalities.map((f) => f.id)).not.toContain("c2s");
    expect(JSON.stringify(info)).not.toContain("Assurance maladie");
  });

  it("speaks to a minor under 18: parents told, rights alone from 15, the minor's allowance", () => {
    const minor = buildMyInformation({ finalities: finalitiesOf(cej), minor: true, ctx });
    const adult = buildMyInformation({ finalities: finalitiesOf(cej), minor: false, ctx });
    expect(minor.minor).toBe(true);
    expect(minor.intro).toContain("Vous avez moins de 18 ans. Cette page est écrite pour vous.");
    expect(minor.finalities[0]!.why.join(" ")).toMatch(/vos parents, ou la personne responsable de vous, sont prévenus/);
    expect(minor.finalities.find((f) => f.id === "allocation")!.why.join(" ")).toMatch(/plus petit que pour un adulte/);
    const acces = minor.finalities[0]!.rights.find((r) => r.right === "acces")!;
    expect(acces.text).toMatch(/Vous pouvez faire cette demande vous-même, dès 15 ans/);
    // A right that does not apply is not offered to do alone.
    expect(minor.finalities[0]!.rights.find((r) => r.right === "portabilite")!.text).not.toMatch(/dès 15 ans/);
    expect(minor.ask.join(" ")).toMatch(/pas besoin de l'accord de vos parents/);
    expect(JSON.stringify(adult)).not.toMatch(/moins de 18 ans|dès 15 ans|vos parents/);
  });

  it("explains every acronym at its first use, in reading order", () => {
    for (const minor of [false, true]) {
      const info = buildMyInformation({ finalities: FINALITY_IDS, minor, ctx });
      const texts = [
        ...info.intro,
        ...info.finalities.flatMap((f) => [
          f.title,
          ...f.why,
          f.basis,
          ...f.data,
          ...f.dataKept,
          ...f.recipients.flatMap((r) => [r.who, r.what, r.when, r.keep]),
          ...f.retention,
          ...f.rights.flatMap((r) => [r.label, r.text]),
          f.further,
        ]),
        ...info.ask,
      ];
      for (const acronym of Object.keys(ACRONYMS) as Acronym[]) {
        const first = texts.find((t) => usesAcronym(t, acronym));
        if (first) expect(explainsAcronym(first, acronym), `${acronym} in « ${first} »`).toBe(true);
      }
    }
  });
});
