/**
 * Why a contract ended (domain §3: employment, training, end of duration, moved, abandonment, entry into
 * the other scheme…). Stored in contrats.motif_sortie as the key. "bascule" is set only by a CEJ ↔ PACEA
 * switch (the pathway goes on under the other contract), never chosen in the end form.
 */
export const MOTIFS_SORTIE = {
  emploi: "Accès à l'emploi",
  formation: "Entrée en formation",
  fin_de_duree: "Fin de la durée du contrat",
  demenagement: "Déménagement",
  abandon: "Abandon du jeune",
  entree_autre_dispositif: "Entrée en CEJ ou en PACEA",
  autre: "Autre motif",
} as const;

export type MotifSortie = keyof typeof MOTIFS_SORTIE;

export const MOTIFS_SORTIE_KEYS = Object.keys(MOTIFS_SORTIE) as [MotifSortie, ...MotifSortie[]];

export const MOTIF_BASCULE = "bascule";

/** The words for any stored value, including the switch and values from older versions. */
export function motifSortieLabel(value: string | null): string {
  if (value === null) return "—";
  if (value === MOTIF_BASCULE) return "Changement de dispositif";
  return (MOTIFS_SORTIE as Record<string, string>)[value] ?? value;
}
