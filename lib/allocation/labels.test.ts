import { describe, expect, it } from "vitest";
import { describeBasis } from "./labels";

describe("describeBasis", () => {
  it("CEJ: household, minor, other resources", () => {
    expect(
      describeBasis("CEJ", {
        foyer: "non_imposable",
        base: "majeur_non_imposable",
        ressourcesDeduitesEnPartieCents: 0,
        ressourcesDeduitesEnTotaliteCents: 0,
      }),
    ).toBe("Foyer non imposable · pas d'autres ressources");
    expect(describeBasis("CEJ", { foyer: "autre", base: "mineur", ressourcesDeduitesEnPartieCents: 45000 })).toBe(
      "Jeune mineur au 1er du mois · ressources déduites en partie 450,00\u00a0€",
    );
    expect(
      describeBasis("CEJ", {
        foyer: "non_imposable",
        base: "majeur_non_imposable",
        ressourcesDeduitesEnPartieCents: 60000,
        ressourcesDeduitesEnTotaliteCents: 10000,
      }),
    ).toBe("Foyer non imposable · ressources déduites en partie 600,00\u00a0€ · ressources déduites en totalité 100,00\u00a0€");
    expect(describeBasis("CEJ", { foyer: "autre", base: "non_eligible" })).toBe(
      "Foyer imposable au-delà de la première tranche (non éligible) · pas d'autres ressources",
    );
  });

  it("CEJ decisions recorded before the D5131-23 reduction stay readable", () => {
    expect(describeBasis("CEJ", { foyer: "non_imposable", base: "majeur_non_imposable", revenusActiviteCents: 45000 })).toBe(
      "Foyer non imposable · revenus d'activité 450,00\u00a0€",
    );
  });

  it("PACEA: requested amount and ceiling", () => {
    expect(describeBasis("PACEA", { montantDemandeCents: 30000, plafondCents: 391014 })).toBe(
      "Montant demandé 300,00\u00a0€ · plafond 3\u202f910,14\u00a0€ sur 12 mois glissants",
    );
  });
});
