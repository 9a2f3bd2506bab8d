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
