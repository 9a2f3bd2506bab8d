import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on signed-in sessions (lib/sessions/writes.ts). */
export const SESSIONS_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "auth.session_revocation": "Fermeture d'une session",
    "auth.other_sessions_revocation": "Fermeture des autres sessions",
    "auth.sign_out_everywhere": "Déconnexion de tous les appareils",
    "auth.account_sessions_revocation": "Fermeture de toutes les sessions d'un compte",
  },
};
