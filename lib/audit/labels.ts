/**
 * How the journal words an audited act: each feature lists its acts and the fields they name
 * (lib/<feature>/audit-labels.ts); lib/audit-labels.ts gathers them into one lookup.
 */

/** French wording of one feature's audited acts, and of the fields those acts list. */
export interface FeatureAuditLabels {
  /** Act name ("contrat.signature") → its wording. */
  actions: Readonly<Record<string, string>>;
  /** Act prefix ("contrat.") → the French names of the fields its acts list. */
  fields?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface AuditLabelLookup {
  /** The act's wording; an unknown act shows its technical name. */
  auditActionLabel(action: string): string;
  /** Labels of the fields of one audited act, each once, in the order given. */
  auditFieldLabels(action: string, names: readonly string[]): string[];
}

/**
 * One lookup over every feature's labels. A field is named by its act's own names first (so "statut" reads
 * differently for a dossier and for an action), then by `fallbackFields`; unknown names are shown as stored.
 */
export function auditLabelLookup(
  features: readonly FeatureAuditLabels[],
  fallbackFields: Readonly<Record<string, string>>,
): AuditLabelLookup {
  const actions: Record<string, string> = Object.assign({}, ...features.map((f) => f.actions));
  const byPrefix = features.flatMap((f) => Object.entries(f.fields ?? {}));
  return {
    auditActionLabel: (action) => actions[action] ?? action,
    auditFieldLabels(action, names) {
      const own = byPrefix.find(([prefix]) => action.startsWith(prefix))?.[1];
      return [...new Set(names.map((n) => own?.[n] ?? fallbackFields[n] ?? n))];
    },
  };
}
