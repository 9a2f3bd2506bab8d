/** French wording of audited actions (unknown actions show their technical name). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Connexion",
  "settings.create": "Nouvelle valeur de paramètre",
  "jeune.consultation": "Consultation d'un dossier",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
