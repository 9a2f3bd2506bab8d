import { describe, expect, it } from "vitest";
import { auditActionLabel, auditFieldLabels } from "./audit-labels";

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

describe("wording of an audited act", () => {
  it("finds each feature's acts, and shows an unknown act as stored", () => {
    expect(auditActionLabel("auth.sign_in")).toBe("Connexion");
    expect(auditActionLabel("droits.reponse")).toBe("Demande de droits : réponse envoyée");
    expect(auditActionLabel("contrat.signature")).toBe("Signature d'un contrat (PACEA ou CEJ)");
    expect(auditActionLabel("sanction.levee")).toBe("Suspension de l'allocation levée");
    expect(auditActionLabel("agenda.presence")).toBe("Présence à une séance notée");
    expect(auditActionLabel("antenne.deactivate")).toBe("Désactivation d'une antenne");
    expect(auditFieldLabels("structure.update", ["siret", "dpoEmail"])).toEqual(["SIRET", "Adresse e-mail du DPO"]);
    expect(auditActionLabel("inconnu.acte")).toBe("inconnu.acte");
  });
});
