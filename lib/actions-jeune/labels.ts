/** French wording of an action's categories and statuses: the one place the UI, the seed and the gauge read. */
import type { BadgeTone } from "@/lib/ui/tones";

export const ACTION_CATEGORIES = [
  "emploi",
  "formation",
  "sante",
  "logement",
  "citoyennete",
  "loisirs_sport",
  "projet_pro",
  "demarches",
  "autre",
] as const;
export type ActionCategorie = (typeof ACTION_CATEGORIES)[number];

export const CATEGORIE_LABELS: Record<ActionCategorie, string> = {
  emploi: "Emploi",
  formation: "Formation",
  sante: "Santé",
  logement: "Logement",
  citoyennete: "Citoyenneté",
  loisirs_sport: "Loisirs, sport",
  projet_pro: "Projet professionnel",
  demarches: "Démarches",
  autre: "Autre",
};

export const ACTION_STATUTS = ["a_faire", "en_cours", "terminee", "annulee"] as const;
export type ActionStatut = (typeof ACTION_STATUTS)[number];

export const STATUT_LABELS: Record<ActionStatut, string> = {
  a_faire: "À faire",
  en_cours: "En cours",
  terminee: "Terminée",
  annulee: "Annulée",
};

export const STATUT_TONES: Record<ActionStatut, BadgeTone> = {
  a_faire: "neutral",
  en_cours: "info",
  terminee: "success",
  annulee: "error",
};

export function isActionCategorie(value: unknown): value is ActionCategorie {
  return typeof value === "string" && (ACTION_CATEGORIES as readonly string[]).includes(value);
}

export function isActionStatut(value: unknown): value is ActionStatut {
  return typeof value === "string" && (ACTION_STATUTS as readonly string[]).includes(value);
}
