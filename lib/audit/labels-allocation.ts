/** French wording of the audited acts of this feature (merged into AUDIT_ACTION_LABELS). */
export const ALLOCATION_AUDIT_LABELS: Record<string, string> = {};
