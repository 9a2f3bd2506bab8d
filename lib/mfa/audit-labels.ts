import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts of the second factor (lib/mfa/writes.ts). */
export const MFA_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "auth.mfa": "Double authentification vérifiée",
    "mfa.enrolment": "Activation de la double authentification",
    "mfa.recovery_codes": "Nouveaux codes de secours de double authentification",
    "compte.mfa_reset": "Réinitialisation de la double authentification d'un compte",
  },
  fields: {
    "compte.mfa_reset": {
      mfa: "Double authentification",
      recoveryCodes: "Codes de secours",
      sessions: "Sessions ouvertes (fermées)",
    },
  },
};
