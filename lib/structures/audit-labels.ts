import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on missions locales and their antennes. */
export const STRUCTURES_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "structure.create": "Création d'une mission locale",
    "structure.update": "Modification d'une mission locale",
    "structure.deactivate": "Désactivation d'une mission locale",
    "structure.reactivate": "Réactivation d'une mission locale",
    "antenne.create": "Création d'une antenne",
    "antenne.update": "Modification d'une antenne",
    "antenne.deactivate": "Désactivation d'une antenne",
    "antenne.reactivate": "Réactivation d'une antenne",
  },
  fields: {
    "structure.": {
      name: "Nom de la mission locale",
      siret: "SIRET",
      departement: "Département",
      commune: "Commune du siège",
      dpoEmail: "Adresse e-mail du DPO",
      mfaRequired: "Double authentification obligatoire",
      active: "Active",
    },
    "antenne.": {
      name: "Nom de l'antenne",
      commune: "Commune",
      codePostal: "Code postal",
      active: "Active",
    },
  },
};
