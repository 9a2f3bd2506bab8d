import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on a young person's actions, and of the fields they list. */
export const ACTIONS_JEUNE_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "action_jeune.create": "Ajout d'une action",
    "action_jeune.update": "Modification d'une action",
    "action_jeune.statut": "Changement de statut d'une action",
    "action_jeune.cloture": "Action terminée",
    "action_jeune.qualification": "Qualification d'une action (heures validées)",
  },
  fields: {
    "action_jeune.": {
      categorie: "Catégorie",
      libelle: "Intitulé",
      commentaire: "Commentaire",
      debut: "Date de début",
      fin: "Date de fin",
      dureeMinutes: "Durée",
      statut: "Statut de l'action",
      qualifieeLe: "Qualification",
      qualifieePar: "Qualifiée par",
      contratId: "Contrat",
    },
  },
};
