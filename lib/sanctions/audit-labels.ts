import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on sanctions, and of the fields they list. */
export const SANCTIONS_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "sanction.proposee": "Sanction proposée (manquement)",
    "sanction.contradictoire": "Sanction : réponse du jeune enregistrée",
    "sanction.decidee": "Sanction décidée",
    "sanction.abandonnee": "Sanction abandonnée",
    "sanction.levee": "Suspension de l'allocation levée",
  },
  fields: {
    "sanction.": {
      dateFait: "Date du manquement",
      motif: "Motif",
      participationIds: "Absences concernées",
      regime: "Règle applicable",
      palier: "Palier",
      palierIndex: "Palier",
      statut: "Statut de la sanction",
      reponseJeune: "Réponse du jeune",
      reponseLe: "Date de la réponse",
      decision: "Décision",
      effet: "Effet sur l'allocation",
      decideeLe: "Date de la décision",
    },
  },
};
