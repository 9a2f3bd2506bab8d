import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on staff accounts (lib/comptes/writes.ts). */
export const COMPTES_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "compte.role": "Changement du rôle d'un compte",
    "compte.rattachement": "Changement de mission locale ou d'antenne d'un compte",
    "compte.desactivation": "Désactivation d'un compte",
    "compte.reactivation": "Réactivation d'un compte",
    "compte.membre_ajout": "Ajout d'une mission locale à un compte",
    "compte.membre_retrait": "Retrait d'une mission locale d'un compte",
    "compte.anonymise": "Anonymisation d'un compte (fin de la durée de conservation)",
    // Written by lib/comptes/structure-switch-writes.ts, hence worded here.
    "auth.structure_switch": "Changement de la mission locale de travail",
  },
  fields: {
    "compte.": {
      role: "Rôle",
      structureId: "Mission locale",
      antenneId: "Antenne",
      active: "Compte actif",
      deactivatedAt: "Date de désactivation",
      sessionVersion: "Sessions ouvertes (fermées)",
      memberships: "Missions locales du compte",
      name: "Nom",
      email: "Adresse e-mail",
      passwordHash: "Mot de passe",
      anonymisedAt: "Date d'anonymisation",
    },
    "auth.structure_switch": { structureId: "Mission locale de travail" },
  },
};
