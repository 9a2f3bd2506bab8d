import type { FeatureAuditLabels } from "@/lib/audit/labels";

/** French wording of the audited acts on retention runs (lib/retention/writes.ts). */
export const RETENTION_AUDIT_LABELS: FeatureAuditLabels = {
  actions: {
    "conservation.simulation": "Simulation d'une purge de conservation",
  },
};
