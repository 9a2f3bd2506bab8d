/** French wording of the audited acts of this feature (merged into AUDIT_ACTION_LABELS). */
export const CONTRATS_AUDIT_LABELS: Record<string, string> = {
  "contrat.signature": "Signature d'un contrat (PACEA ou CEJ)",
  "contrat.modification": "Modification d'un contrat",
  "contrat.prolongation": "Prolongation d'un contrat",
  "contrat.sortie": "Sortie d'un contrat",
  "contrat.bascule_sortie": "Fin d'un contrat par changement de dispositif",
  "contrat.bascule": "Nouveau contrat après un changement de dispositif",
  "contrat.recapitulatif": "Téléchargement du récapitulatif d'un contrat",
  "jeune.dispositif": "Dispositif du jeune mis à jour",
  "phase.ajout": "Ajout d'une phase du PACEA",
  "phase.modification": "Modification d'une phase du PACEA",
  "phase.bilan": "Bilan d'une phase du PACEA",
};
