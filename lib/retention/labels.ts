import type { RetentionRule } from "./run";

/** French names of the rules, as the DPO page and the command say them. */
export const RULE_LABELS: Record<RetentionRule, string> = {
  dossiers: "Dossiers des jeunes après la fin de l'accompagnement",
  comptes: "Comptes des équipes après la fin de l'accès",
  consultations: "Journal des consultations des dossiers",
  sessions: "Sessions de connexion terminées",
  codes: "Codes de connexion à usage unique",
};

export const RULE_SHORT_LABELS: Record<RetentionRule, string> = {
  dossiers: "Dossiers",
  comptes: "Comptes",
  consultations: "Consultations",
  sessions: "Sessions",
  codes: "Codes",
};

/** Why a target was kept (retention_run_items.reason holds the codes, comma-separated). */
export const HOLD_LABELS: Record<string, string> = {
  limitation: "Limitation en cours (RGPD, art. 18)",
  contrat_en_cours: "Contrat en cours",
  allocation: "Allocation : pièces comptables gardées 10 ans",
  fse: "Audits du FSE possibles",
  dernier_admin: "Dernier compte administrateur",
};

export const OUTCOME_LABELS: Record<string, string> = {
  fait: "Fait",
  prevu: "Prévu",
  ignore: "Gardé",
};

export const TRIGGER_LABELS: Record<string, string> = {
  worker: "Planifié",
  commande: "Commande",
  dpo: "DPO",
};

export const STATUS_LABELS: Record<string, string> = {
  en_cours: "En cours",
  termine: "Terminé",
  echec: "Échec",
};

export function holdText(reason: string | null): string {
  if (!reason) return "";
  return reason
    .split(",")
    .map((code) => HOLD_LABELS[code] ?? code)
    .join(" ; ");
}

const TARGET_NOUNS: Record<string, string> = {
  jeune: "Dossier",
  user: "Compte",
  consultation: "Consultation",
  user_session: "Session",
  sign_in_code: "Code",
};

/**
 * How a target is shown: a reference, never a name (the person may be anonymised now). A dossier or an account
 * is its id's last eight characters (the random part of a UUID v7), a consultation its number.
 */
export function targetReference(targetType: string, targetId: string): string {
  const noun = TARGET_NOUNS[targetType] ?? targetType;
  if (/^\d+$/.test(targetId)) return `${noun} n° ${targetId}`;
  return `${noun} ${targetId.replaceAll("-", "").slice(-8).toUpperCase()}`;
}

/** A run's duration in words: « moins d'une seconde », « 12 s », « 3 min 05 s », « 1 h 02 min ». */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return "moins d'une seconde";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}
