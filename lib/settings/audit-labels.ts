import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on dated settings. */
export const SETTINGS_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "settings.create": "Nouvelle valeur de paramètre",
  },
};
