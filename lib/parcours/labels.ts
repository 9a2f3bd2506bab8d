/** French words of the pathway contracts, shared by the Parcours tab, the forms and the summary PDF. */
export const CONTRAT_TYPE_LONG = {
  PACEA: "Parcours contractualisé d'accompagnement vers l'emploi et l'autonomie (PACEA)",
  CEJ: "Contrat d'engagement jeune (CEJ)",
} as const;

export const EVENEMENT_LABELS = {
  signature: "Signature",
  modification: "Modification",
  prolongation: "Prolongation",
  sortie: "Sortie",
  bascule: "Changement de dispositif",
} as const;

export const PHASE_TYPE_LABELS = { diagnostic: "Diagnostic", accompagnement: "Accompagnement" } as const;

/** "1 jour", "12 jours". */
export function jours(n: number): string {
  return `${n.toLocaleString("fr-FR")} jour${Math.abs(n) >= 2 ? "s" : ""}`;
}
