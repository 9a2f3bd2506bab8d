import { ACTIONS_AUDIT_LABELS } from "./labels-actions";
import { AGENDA_AUDIT_LABELS } from "./labels-agenda";
import { ALLOCATION_AUDIT_LABELS } from "./labels-allocation";
import { CONTRATS_AUDIT_LABELS } from "./labels-contrats";

/** French wording of audited actions (unknown actions show their technical name). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Connexion",
  "settings.create": "Nouvelle valeur de paramètre",
  "jeune.reaffectation": "Réaffectation",
  "jeune.archive": "Archivage du dossier",
  "jeune.restore": "Restauration du dossier",
  "jeune.anonymise": "Anonymisation (fin de la durée de conservation)",
  "jeune.consultation": "Consultation d'un dossier",
  "jeune.create": "Création d'un dossier",
  "jeune.update": "Modification d'un dossier",
  "jeune.nir_reveal": "Affichage du numéro de sécurité sociale",
  "jeune.break_glass": "Motif donné pour ouvrir le dossier hors portefeuille",
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
  "transmissions.relance": "Relance d'une transmission abandonnée ou refusée",
  "transmissions.envoi_immediat": "Envoi immédiat d'une transmission en attente",
  "transmissions.export": "Export de la liste des transmissions (CSV)",
  ...CONTRATS_AUDIT_LABELS,
  ...ACTIONS_AUDIT_LABELS,
  ...AGENDA_AUDIT_LABELS,
  ...ALLOCATION_AUDIT_LABELS,
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
