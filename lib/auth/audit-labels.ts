import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts of signing in. */
export const AUTH_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "auth.sign_in": "Connexion",
    "auth.sso_link": "Liaison du compte à une identité de connexion unique (ProConnect)",
  },
};
