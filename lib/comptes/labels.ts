import type { CompteStatut, Connexion } from "./params";

export const COMPTE_STATUT_LABELS: Record<CompteStatut, string> = { actif: "Actifs", inactif: "Désactivés" };

export const CONNEXION_LABELS: Record<Connexion, string> = {
  "moins-30j": "Dans les 30 derniers jours",
  "plus-90j": "Pas depuis plus de 90 jours",
  jamais: "Jamais connecté",
};

export function comptesCount(n: number, nf: (n: number) => string): string {
  return n === 0 ? "Aucun compte" : n === 1 ? "1 compte" : `${nf(n)} comptes`;
}
