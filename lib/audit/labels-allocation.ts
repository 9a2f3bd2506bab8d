/** French wording of the audited acts of this feature (merged into AUDIT_ACTION_LABELS). */
export const ALLOCATION_AUDIT_LABELS: Record<string, string> = {
  "allocation.decision": "Décision d'allocation mensuelle",
  "allocation.decision_remplacee": "Décision d'allocation remplacée par une nouvelle décision",
  "sanction.proposee": "Sanction proposée (manquement)",
  "sanction.contradictoire": "Sanction : réponse du jeune enregistrée",
  "sanction.decidee": "Sanction décidée",
  "sanction.abandonnee": "Sanction abandonnée",
  "sanction.levee": "Suspension de l'allocation levée",
};
