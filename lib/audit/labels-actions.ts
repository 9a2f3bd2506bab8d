/** French wording of the audited acts of this feature (merged into AUDIT_ACTION_LABELS). */
export const ACTIONS_AUDIT_LABELS: Record<string, string> = {
  "action_jeune.create": "Ajout d'une action",
  "action_jeune.update": "Modification d'une action",
  "action_jeune.statut": "Changement de statut d'une action",
  "action_jeune.cloture": "Action terminée",
  "action_jeune.qualification": "Qualification d'une action (heures validées)",
};
