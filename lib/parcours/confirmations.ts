/** Confirmations the Parcours tab shows after a contract or phase write (?parcours=…). */
export const PARCOURS_CONFIRMATIONS = {
  "contrat-signe": "Le contrat est enregistré.",
  "contrat-modifie": "Le contrat est modifié.",
  "contrat-termine": "La sortie du contrat est enregistrée.",
  "dispositif-change": "Le changement de dispositif est enregistré : l'ancien contrat est terminé et le nouveau est en cours.",
  "phase-ajoutee": "La phase est ajoutée.",
  "phase-modifiee": "La phase est modifiée.",
  "bilan-enregistre": "Le bilan de la phase est enregistré.",
} as const;

export type ParcoursConfirmation = keyof typeof PARCOURS_CONFIRMATIONS;

export function confirmationOf(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && Object.hasOwn(PARCOURS_CONFIRMATIONS, v) ? PARCOURS_CONFIRMATIONS[v as ParcoursConfirmation] : null;
}
