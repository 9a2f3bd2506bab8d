/** French wording of the audited acts of this feature (merged into AUDIT_ACTION_LABELS). */
export const AGENDA_AUDIT_LABELS: Record<string, string> = {};
