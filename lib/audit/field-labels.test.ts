import { describe, expect, it } from "vitest";
import { auditFieldLabels } from "./field-labels";

describe("field names of an audited act", () => {
  it("reads a field by the act it belongs to", () => {
    expect(auditFieldLabels("jeune.update", ["statut", "commentaire"])).toEqual(["Statut du dossier", "Commentaire du conseiller"]);
    expect(auditFieldLabels("action_jeune.statut", ["statut"])).toEqual(["Statut de l'action"]);
    expect(auditFieldLabels("action_jeune.qualification", ["qualifieeLe", "qualifieePar", "categorie"])).toEqual([
      "Qualification",
      "Qualifiée par",
      "Catégorie",
    ]);
    expect(auditFieldLabels("sanction.decidee", ["statut", "effet"])).toEqual(["Statut de la sanction", "Effet sur l'allocation"]);
    expect(auditFieldLabels("contrat.prolongation", ["finPrevue", "prolongationMotif"])).toEqual(["Fin prévue", "Motif de prolongation"]);
  });

  it("falls back to the dossier's names, then to the stored name; the NIR's three names are one line", () => {
    expect(auditFieldLabels("jeune.update", ["nir", "nirEncrypted", "nirHmac"])).toEqual(["Numéro de sécurité sociale"]);
    expect(auditFieldLabels("agenda.presence", ["dispositif", "champInconnu"])).toEqual(["Dispositif", "champInconnu"]);
  });
});
