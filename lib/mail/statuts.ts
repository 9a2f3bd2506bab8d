import type { MailStatut } from "@/db/schema";

/** Statuses of a message that did not leave after at least one attempt: listed for the DPO, and relaunchable. */
export const FAILED_MAIL_STATUTS = ["echec_temporaire", "abandonne"] as const satisfies readonly MailStatut[];

export const MAIL_STATUT_LABELS: Record<(typeof FAILED_MAIL_STATUTS)[number], string> = {
  echec_temporaire: "Nouvel essai prévu",
  abandonne: "Abandonné",
};
