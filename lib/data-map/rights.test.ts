import { describe, expect, it } from "vitest";
import { FINALITIES } from "./finalities";
import { RIGHT_IDS, rightsFor, rightsForBasis } from "./rights";

describe("rightsForBasis", () => {
  it("offers portability only for consent and contract (GDPR art. 20)", () => {
    expect(rightsForBasis("6-1-a").portabilite.availability).toBe("oui");
    expect(rightsForBasis("6-1-b").portabilite.availability).toBe("oui");
    expect(rightsForBasis("6-1-c").portabilite.availability).toBe("non");
    expect(rightsForBasis("6-1-e").portabilite.availability).toBe("non");
  });

  it("assesses objection case by case for a public-interest task, and excludes it for a legal obligation (art. 21-1)", () => {
    expect(rightsForBasis("6-1-e").opposition.availability).toBe("sous_conditions");
    expect(rightsForBasis("6-1-c").opposition.availability).toBe("non");
  });

  it("usually refuses erasure while the data is needed, and says why (art. 17-3-b)", () => {
    expect(rightsForBasis("6-1-e").effacement).toMatchObject({
      availability: "sous_conditions",
      reason: expect.stringContaining("17-3-b"),
    });
    expect(rightsForBasis("6-1-c").effacement).toMatchObject({ availability: "non", reason: expect.stringContaining("17-3-b") });
    expect(rightsForBasis("6-1-a").effacement.availability).toBe("oui");
  });

  it("always grants access and rectification", () => {
    for (const basis of ["6-1-a", "6-1-b", "6-1-c", "6-1-e"] as const) {
      expect(rightsForBasis(basis).acces.availability).toBe("oui");
      expect(rightsForBasis(basis).rectification.availability).toBe("oui");
    }
  });
});

describe("rightsFor", () => {
  it("lists every right in notice order", () => {
    expect(rightsFor(FINALITIES.cej).map((r) => r.right)).toEqual(RIGHT_IDS);
  });

  it("applies a finality's override over its basis (statistics: erasure refused, art. 17-3-d)", () => {
    const stats = rightsFor(FINALITIES.statistiques);
    expect(stats.find((r) => r.right === "effacement")).toMatchObject({ availability: "non", reason: expect.stringContaining("17-3-d") });
    expect(stats.find((r) => r.right === "opposition")?.availability).toBe("sous_conditions");
  });

  it("follows the legal basis: the rights finality (legal obligation) has no objection", () => {
    expect(rightsFor(FINALITIES.droits).find((r) => r.right === "opposition")?.availability).toBe("non");
    expect(rightsFor(FINALITIES.accompagnement).find((r) => r.right === "opposition")?.availability).toBe("sous_conditions");
  });
});
