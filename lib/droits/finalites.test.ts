import { describe, expect, it } from "vitest";
import { FINALITES, finaliteLabel, portabilityOffered, rightAssessment } from "./finalites";
import { OFFERED_TYPES } from "./schema";

describe("finalities from the data map", () => {
  it("lists the data map's finalities by id and name", () => {
    expect(FINALITES.map((f) => f.id)).toContain("accompagnement");
    expect(finaliteLabel("statistiques")).toBe("Statistiques et pilotage des politiques de l'emploi (données pseudonymisées)");
    expect(finaliteLabel(null)).toBeNull();
  });

  it("offers portability only where a legal basis allows it (GDPR art. 20)", () => {
    expect(portabilityOffered([{ legalBasis: "6-1-e" }, { legalBasis: "6-1-c" }])).toBe(false);
    expect(portabilityOffered([{ legalBasis: "6-1-e" }, { legalBasis: "6-1-a" }])).toBe(true);
    expect(portabilityOffered([{ legalBasis: "6-1-b" }])).toBe(true);
    expect(portabilityOffered()).toBe(false);
    expect(OFFERED_TYPES).not.toContain("portabilite");
    expect(OFFERED_TYPES).toContain("opposition");
  });

  it("tells the DPO what the data map says of an objection to a finality", () => {
    expect(rightAssessment("opposition", "accompagnement")).toMatchObject({ availability: "sous_conditions", label: "Sous conditions" });
    expect(rightAssessment("opposition", "droits")).toMatchObject({ availability: "non", label: "Non applicable" });
    expect(rightAssessment("question_transmission", "accompagnement")).toBeNull();
    expect(rightAssessment("opposition", null)).toBeNull();
  });
});

describe("requests offered to a young person", () => {
  it("follows the legal bases of their finalities: no portability under public interest, objection offered", async () => {
    const { typesOfferedFor, finalitesOfDispositif } = await import("./finalites");
    const types = typesOfferedFor(finalitesOfDispositif("CEJ"));
    expect(types).toEqual(["acces", "rectification", "effacement", "limitation", "opposition", "question_transmission"]);
    expect(typesOfferedFor(["droits"])).not.toContain("opposition");
    expect(typesOfferedFor(["droits"])).not.toContain("portabilite");
  });
});
