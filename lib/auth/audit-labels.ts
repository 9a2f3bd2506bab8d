import type { FeatureAuditLabels } from "@/lib/audit/labels";

/**
 * French wording of the audited acts of signing in, and of the invitation into Mon espace
 * (lib/espace/invitation-writes.ts): worded here, since lib/espace reads the gathered table (lib/audit-labels.ts).
 */
export const AUTH_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "auth.sign_in": "Connexion",
    "auth.sso_link": "Liaison du compte à une identité de connexion unique (ProConnect)",
    "espace.invitation": "Invitation dans Mon espace envoyée à l'adresse e-mail du dossier",
  },
  fields: {
    "espace.invitation": {
      invitation: "Invitation dans Mon espace",
      compte: "Compte Mon espace créé",
      email: "Adresse e-mail du compte",
    },
  },
};
