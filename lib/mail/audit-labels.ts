import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on the mail outbox. */
export const MAIL_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "mail.relance": "Relance d'un courriel non envoyé",
  },
};
