import { describe, expect, it } from "vitest";
import { describeBasis } from "./labels";

describe("describeBasis", () => {
  it("CEJ: household, minor, income", () => {
    expect(describeBasis("CEJ", { foyer: "non_imposable", base: "majeur_non_imposable", revenusActiviteCents: 0 })).toBe(
      "Foyer non imposable · pas de revenus d'activité",
    );
    expect(describeBasis("CEJ", { foyer: "autre", base: "mineur", revenusActiviteCents: 45000 })).toBe(
      "Jeune mineur au 1er du mois · revenus d'activité 450,00\u00a0€",
    );
    expect(describeBasis("CEJ", { foyer: "autre", base: "non_eligible" })).toBe(
      "Foyer imposable au-delà de la première tranche (non éligible) · pas de revenus d'activité",
    );
  });

  it("PACEA: requested amount and ceiling", () => {
    expect(describeBasis("PACEA", { montantDemandeCents: 30000, plafondCents: 391014 })).toBe(
      "Montant demandé 300,00\u00a0€ · plafond 3\u202f910,14\u00a0€ sur 12 mois glissants",
    );
  });
});
