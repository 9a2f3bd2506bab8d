/** French wording of audited actions (unknown actions show their technical name). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Connexion",
  "settings.create": "Nouvelle valeur de paramètre",
  "jeune.reaffectation": "Réaffectation",
  "jeune.archive": "Archivage du dossier",
  "jeune.restore": "Restauration du dossier",
  "jeune.anonymise": "Anonymisation (fin de la durée de conservation)",
  "jeune.consultation": "Consultation d'un dossier",
  "jeune.break_glass": "Motif donné pour ouvrir le dossier hors portefeuille",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
