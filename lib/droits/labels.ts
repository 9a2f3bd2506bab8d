import type { demandeCanalEnum, demandeIssueEnum, demandeStatutEnum, demandeTypeEnum } from "@/db/schema";

export type DemandeType = (typeof demandeTypeEnum.enumValues)[number];
export type DemandeCanal = (typeof demandeCanalEnum.enumValues)[number];
export type DemandeStatut = (typeof demandeStatutEnum.enumValues)[number];
export type DemandeIssue = (typeof demandeIssueEnum.enumValues)[number];

export const DEMANDE_TYPES = [
  "acces",
  "rectification",
  "effacement",
  "limitation",
  "opposition",
  "portabilite",
  "question_transmission",
] as const satisfies readonly DemandeType[];
export const DEMANDE_STATUTS = [
  "recue",
  "identite_a_verifier",
  "en_cours",
  "prolongee",
  "repondue",
  "close",
] as const satisfies readonly DemandeStatut[];
export const DEMANDE_ISSUES = ["acceptee", "partielle", "refusee"] as const satisfies readonly DemandeIssue[];

/** Short names for staff lists. */
export const TYPE_LABELS: Record<DemandeType, string> = {
  acces: "Accès",
  rectification: "Rectification",
  effacement: "Effacement",
  limitation: "Limitation",
  opposition: "Opposition",
  portabilite: "Portabilité",
  question_transmission: "Question sur une transmission",
};

/** One line under each right in the intake forms, for the counsellor. */
export const TYPE_HINTS: Record<DemandeType, string> = {
  acces: "Voir ses données ou en recevoir une copie.",
  rectification: "Corriger des données inexactes ou incomplètes.",
  effacement: "Faire effacer des données.",
  limitation: "Geler l'utilisation des données, par exemple le temps de vérifier leur exactitude.",
  opposition: "Refuser une utilisation précise de ses données.",
  portabilite: "Récupérer ses données dans un format réutilisable.",
  question_transmission: "Comprendre pourquoi des données ont été envoyées à un organisme.",
};

/** What the person asked, in plain words (letters, the young person's space). */
export const TYPE_PLAIN: Record<DemandeType, string> = {
  acces: "voir les données que nous avons sur vous (droit d'accès)",
  rectification: "corriger des données inexactes (droit de rectification)",
  effacement: "effacer des données (droit à l'effacement)",
  limitation: "geler l'utilisation de vos données (droit à la limitation)",
  opposition: "refuser une utilisation de vos données (droit d'opposition)",
  portabilite: "récupérer vos données dans un format réutilisable (droit à la portabilité)",
  question_transmission: "poser une question sur un envoi de vos données",
};

/** GDPR article of each right, for the "Pour aller plus loin" lines and letters. */
export const TYPE_ARTICLE: Record<DemandeType, string> = {
  acces: "article 15 du RGPD",
  rectification: "article 16 du RGPD",
  effacement: "article 17 du RGPD",
  limitation: "article 18 du RGPD",
  opposition: "article 21 du RGPD",
  portabilite: "article 20 du RGPD",
  question_transmission: "articles 13 à 15 du RGPD",
};

export const CANAL_LABELS: Record<DemandeCanal, string> = {
  espace_jeune: "Espace personnel du jeune",
  guichet: "Au guichet (conseiller mandataire)",
  courrier: "Courrier",
  courriel: "Courriel",
};

export const STATUT_LABELS: Record<DemandeStatut, string> = {
  recue: "Reçue",
  identite_a_verifier: "Identité à vérifier",
  en_cours: "En cours",
  prolongee: "Prolongée",
  repondue: "Répondue",
  close: "Close",
};

export const ISSUE_LABELS: Record<DemandeIssue, string> = {
  acceptee: "Acceptée",
  partielle: "Partiellement acceptée",
  refusee: "Refusée",
};

/** How the DPO confirmed who is asking (EDPB guidelines 01/2022: proportionate, no ID copy by default). */
export const IDENTITE_METHODES = {
  guichet: "Rencontre au guichet",
  espace: "Connexion à l'espace personnel",
  dossier: "Informations concordantes avec le dossier",
  rappel: "Rappel au numéro connu du dossier",
  justificatif: "Justificatif reçu",
  autre: "Autre",
} as const;

export type IdentiteMethode = keyof typeof IDENTITE_METHODES;
