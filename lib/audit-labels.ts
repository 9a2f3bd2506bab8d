/**
 * The journal's wording of every audited act (the audit page, a dossier's history, the access pack):
 * each feature's own labels, gathered here so the dependency points from this table down to the features,
 * never from lib/audit up. Acts on the dossier itself (and any unknown act) name their fields with the
 * dossier's names (lib/jeunes/field-labels.ts).
 */
import { ACTIONS_JEUNE_AUDIT_LABELS } from "@/lib/actions-jeune/audit-labels";
import { AGENDA_AUDIT_LABELS } from "@/lib/agenda/audit-labels";
import { ALLOCATION_AUDIT_LABELS } from "@/lib/allocation/audit-labels";
import { auditLabelLookup, type FeatureAuditLabels } from "@/lib/audit/labels";
import { AUTH_AUDIT_LABELS } from "@/lib/auth/audit-labels";
import { COMPTES_AUDIT_LABELS } from "@/lib/comptes/audit-labels";
import { INVITATIONS_AUDIT_LABELS } from "@/lib/comptes/invitation-audit-labels";
import { JEUNES_AUDIT_LABELS } from "@/lib/jeunes/audit-labels";
import { JEUNE_FIELD_LABELS } from "@/lib/jeunes/field-labels";
import { MAIL_AUDIT_LABELS } from "@/lib/mail/audit-labels";
import { MFA_AUDIT_LABELS } from "@/lib/mfa/audit-labels";
import { PARCOURS_AUDIT_LABELS } from "@/lib/parcours/audit-labels";
import { RETENTION_AUDIT_LABELS } from "@/lib/retention/audit-labels";
import { SANCTIONS_AUDIT_LABELS } from "@/lib/sanctions/audit-labels";
import { SESSIONS_AUDIT_LABELS } from "@/lib/sessions/audit-labels";
import { SETTINGS_AUDIT_LABELS } from "@/lib/settings/audit-labels";
import { STRUCTURES_AUDIT_LABELS } from "@/lib/structures/audit-labels";
import { TRANSMISSIONS_AUDIT_LABELS } from "@/lib/transmissions/audit-labels";

/**
 * Rights requests word their acts here rather than in lib/droits: the access pack (lib/droits/access-pack.ts)
 * reads this whole table, so a lib/droits/audit-labels.ts imported from here would close a loop.
 */
const DROITS_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "droits.demande_create": "Enregistrement d'une demande d'exercice de droits",
    "droits.identite_demandee": "Demande de droits : complément d'identité demandé",
    "droits.identite_recue": "Demande de droits : complément d'identité reçu",
    "droits.identite_verifiee": "Demande de droits : identité vérifiée",
    "droits.prolongation": "Demande de droits : délai prolongé",
    "droits.reponse": "Demande de droits : réponse envoyée",
    "droits.cloture": "Demande de droits : clôture",
    "droits.limitation_appliquee": "Limitation du traitement appliquée",
    "droits.limitation_levee": "Limitation du traitement levée",
    "droits.document": "Téléchargement d'un courrier de demande de droits",
    "droits.registre_export": "Export du registre des demandes de droits",
    "droits.access_pack": "Téléchargement de la copie complète du dossier (droit d'accès)",
    "droits.piece_envoyee": "Demande de droits : document envoyé par le jeune",
    "droits.piece": "Téléchargement d'un document envoyé pour une demande de droits",
    "droits.pack_demande": "Copie du dossier demandée depuis Mon espace",
    "droits.pack_relance": "Copie du dossier : préparation relancée",
    "droits.pack_telechargement": "Téléchargement de sa copie du dossier depuis Mon espace",
  },
};

export const { auditActionLabel, auditFieldLabels } = auditLabelLookup(
  [
    AUTH_AUDIT_LABELS,
    SETTINGS_AUDIT_LABELS,
    STRUCTURES_AUDIT_LABELS,
    JEUNES_AUDIT_LABELS,
    DROITS_AUDIT_LABELS,
    TRANSMISSIONS_AUDIT_LABELS,
    MAIL_AUDIT_LABELS,
    PARCOURS_AUDIT_LABELS,
    ACTIONS_JEUNE_AUDIT_LABELS,
    AGENDA_AUDIT_LABELS,
    ALLOCATION_AUDIT_LABELS,
    SANCTIONS_AUDIT_LABELS,
    INVITATIONS_AUDIT_LABELS,
    // Before the accounts' labels: its "compte.mfa_reset" fields are looked up by the longer prefix first.
    MFA_AUDIT_LABELS,
    COMPTES_AUDIT_LABELS,
    SESSIONS_AUDIT_LABELS,
    RETENTION_AUDIT_LABELS,
  ],
  JEUNE_FIELD_LABELS,
);
