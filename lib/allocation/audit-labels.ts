import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited allowance decisions, and of the fields they list. */
export const ALLOCATION_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "allocation.decision": "Décision d'allocation mensuelle",
    "allocation.decision_remplacee": "Décision d'allocation remplacée par une nouvelle décision",
  },
  fields: {
    "allocation.": {
      mois: "Mois",
      montantCents: "Montant",
      entrees: "Éléments du calcul",
      regleVersion: "Règles appliquées",
      explication: "Explication",
      remplace: "Décision remplacée",
      remplaceeParId: "Remplacée par",
    },
  },
};
