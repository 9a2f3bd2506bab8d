import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on staff accounts (lib/comptes/writes.ts). */
export const COMPTES_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "compte.role": "Changement du rôle d'un compte",
    "compte.rattachement": "Changement de mission locale ou d'antenne d'un compte",
    "compte.desactivation": "Désactivation d'un compte",
    "compte.reactivation": "Réactivation d'un compte",
  },
  fields: {
    "compte.": {
      role: "Rôle",
      structureId: "Mission locale",
      antenneId: "Antenne",
      active: "Compte actif",
      deactivatedAt: "Date de désactivation",
      sessionVersion: "Sessions ouvertes (fermées)",
    },
  },
};
