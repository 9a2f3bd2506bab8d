import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts of Mon espace (lib/espace/invitation-writes.ts). */
export const ESPACE_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "espace.invitation": "Invitation dans Mon espace envoyée à l'adresse e-mail du dossier",
  },
  fields: {
    "espace.": {
      invitation: "Invitation dans Mon espace",
      compte: "Compte Mon espace créé",
      email: "Adresse e-mail du compte",
    },
  },
};
