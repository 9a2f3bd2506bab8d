import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts of invitations (lib/comptes/invitation-writes.ts). */
export const INVITATIONS_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "compte.invitation": "Création d'un compte et envoi de son invitation",
    "compte.invitation_renvoi": "Nouvelle invitation envoyée (la précédente ne vaut plus)",
    "compte.invitation_revocation": "Révocation d'une invitation",
    "compte.invitation_acceptee": "Mot de passe choisi depuis une invitation",
  },
  // Listed before the accounts' labels in lib/audit-labels.ts: this prefix is the more specific one.
  fields: {
    "compte.invitation": {
      name: "Nom",
      email: "Adresse e-mail",
      invitation: "Invitation",
      passwordHash: "Mot de passe",
      membership: "Rattachement à la mission locale",
      role: "Rôle",
      structureId: "Mission locale",
      antenneId: "Antenne",
    },
  },
};
