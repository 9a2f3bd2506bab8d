import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on transmissions to partners. */
export const TRANSMISSIONS_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "transmissions.relance": "Relance d'une transmission abandonnée ou refusée",
    "transmissions.envoi_immediat": "Envoi immédiat d'une transmission en attente",
    "transmissions.export": "Export de la liste des transmissions (CSV)",
  },
};
