import { describe, expect, it } from "vitest";
import { describeSettingValue } from "./display";

describe("describeSettingValue", () => {
  it("shows amounts in euros, weights in hours, dates in words", () => {
    expect(describeSettingValue("cej.allocation.montants", { mineur: 22468 })).toEqual([{ label: "Mineur", text: "224,68\u00a0€" }]);
    expect(describeSettingValue("cej.heures.ponderation", { atelier: 240, rendezVousIndividuel: 90 })).toEqual([
      { label: "Atelier", text: "4 h" },
      { label: "Rendez-vous individuel", text: "1 h 30" },
    ]);
    expect(describeSettingValue("c2s.presomption.date_debut", { date: "2026-07-01" })[0]!.text).toBe("mercredi 1er juillet 2026");
    expect(describeSettingValue("pacea.allocation.plafond", { multiplicateurRsa: 6, deduireForfaitLogement: false })).toEqual([
      { label: "Plafond (× RSA)", text: "6" },
      { label: "Déduire le forfait logement", text: "Non" },
    ]);
    expect(describeSettingValue("cej.allocation.degressivite", { abattementCents: 30000, partSmicPourcent: 80 })).toEqual([
      { label: "Abattement sur les ressources déduites en partie", text: "300,00\u00a0€" },
      { label: "Part du SMIC brut où l'allocation s'annule (%)", text: "80" },
    ]);
    expect(describeSettingValue("smic.brut_mensuel", { cents: 182303 })).toEqual([{ label: "Montant", text: "1\u202f823,03\u00a0€" }]);
  });
});
