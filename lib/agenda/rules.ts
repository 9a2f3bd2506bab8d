/** Pure rules of the agenda: labels, capacity, what a séance allows in its current state. No I/O. */
import type { BadgeTone } from "@/lib/ui/tones";

export const SEANCE_TYPES = ["rendez_vous_individuel", "atelier", "information_collective"] as const;
export type SeanceType = (typeof SEANCE_TYPES)[number];

export const SEANCE_TYPE_LABELS: Record<SeanceType, string> = {
  rendez_vous_individuel: "Rendez-vous individuel",
  atelier: "Atelier",
  information_collective: "Information collective",
};

export const SEANCE_TYPE_TONES: Record<SeanceType, BadgeTone> = {
  rendez_vous_individuel: "info",
  atelier: "new",
  information_collective: "neutral",
};

export const PRESENCES = ["prevu", "present", "absent_excuse", "absent_non_excuse"] as const;
export type Presence = (typeof PRESENCES)[number];
/** What the counsellor can record (a participant goes back to "prévu" only by removing and re-adding). */
export const MARKED_PRESENCES = ["present", "absent_excuse", "absent_non_excuse"] as const;
export type MarkedPresence = (typeof MARKED_PRESENCES)[number];

export const PRESENCE_LABELS: Record<Presence, string> = {
  prevu: "Prévu",
  present: "Présent",
  absent_excuse: "Absent excusé",
  absent_non_excuse: "Absent non excusé",
};

export const PRESENCE_TONES: Record<Presence, BadgeTone> = {
  prevu: "info",
  present: "success",
  absent_excuse: "warning",
  absent_non_excuse: "error",
};

/** Why a séance is cancelled: a fixed list, so the reason is a code (kept in the audit trail, no free text). */
export const ANNULATION_MOTIFS = {
  animateur_indisponible: "Animateur ou conseiller indisponible",
  jeune_indisponible: "Le jeune a demandé un report",
  trop_peu_inscrits: "Trop peu d'inscrits",
  salle_indisponible: "Salle indisponible",
  evenement_exterieur: "Événement extérieur (grève, intempéries…)",
  autre: "Autre raison",
} as const;
export type AnnulationMotif = keyof typeof ANNULATION_MOTIFS;

export const isCollective = (type: SeanceType) => type !== "rendez_vous_individuel";

export const MAX_CAPACITE = 200;

export type SeanceState = "planifiee" | "annulee" | "cloturee";

export function seanceState(s: { annuleeLe: Date | null; clotureeLe: Date | null }): SeanceState {
  if (s.annuleeLe) return "annulee";
  if (s.clotureeLe) return "cloturee";
  return "planifiee";
}

/** Why the séance cannot be changed (participants, attendance, details) any more, or null. */
export function frozenReason(s: { annuleeLe: Date | null; clotureeLe: Date | null }): string | null {
  const state = seanceState(s);
  if (state === "annulee") return "Cette séance est annulée : elle ne peut plus être modifiée.";
  if (state === "cloturee") return "Cette séance est clôturée : les présences sont figées et elle ne peut plus être modifiée.";
  return null;
}

/** Can one more young person join? Individual rendez-vous take exactly one; collective ones up to their capacity. */
export function addRefusal(s: { type: SeanceType; capacite: number | null }, registered: number): string | null {
  if (!isCollective(s.type)) return "Un rendez-vous individuel concerne un seul jeune. Planifiez un autre rendez-vous pour un autre jeune.";
  if (s.capacite !== null && registered >= s.capacite) {
    return `La séance est complète (${registered} inscrits pour ${s.capacite} places). Augmentez la capacité ou proposez une autre séance.`;
  }
  return null;
}

/** A capacity lower than the young people already registered would leave some without a seat. */
export function capacityRefusal(capacite: number, registered: number): string | null {
  if (capacite < registered) {
    return `${registered} jeunes sont déjà inscrits : la capacité doit être d'au moins ${registered}. Retirez des inscrits d'abord si la salle est plus petite.`;
  }
  return null;
}

/** Closing needs every participant's attendance recorded. */
export function closeRefusal(
  s: { annuleeLe: Date | null; clotureeLe: Date | null; debut: Date },
  presences: Presence[],
  now: Date,
): string | null {
  const frozen = frozenReason(s);
  if (frozen) return frozen;
  if (s.debut.getTime() > now.getTime()) return "La séance n'a pas encore commencé : vous pourrez la clôturer une fois qu'elle a eu lieu.";
  const pending = presences.filter((p) => p === "prevu").length;
  if (pending > 0) {
    return pending === 1
      ? "Un participant est encore « prévu » : indiquez s'il était présent ou absent avant de clôturer."
      : `${pending} participants sont encore « prévus » : indiquez s'ils étaient présents ou absents avant de clôturer.`;
  }
  return null;
}

/** A séance that took place (someone came, or failed to come without excuse) is closed, not cancelled. */
export function cancelRefusal(presences: Presence[]): string | null {
  if (presences.some((p) => p === "present" || p === "absent_non_excuse")) {
    return "Des présences sont déjà notées : la séance a eu lieu. Clôturez-la au lieu de l'annuler.";
  }
  return null;
}

/**
 * Presence and absence without excuse can only be recorded once the séance has started; an excused
 * absence can be noted beforehand (the young person called to say they cannot come).
 */
export function presenceRefusal(presence: MarkedPresence, debut: Date, now: Date): string | null {
  if (presence !== "absent_excuse" && debut.getTime() > now.getTime()) {
    return "La séance n'a pas encore commencé : seule une absence excusée peut être notée à l'avance.";
  }
  return null;
}

/** "3 inscrits / 12 places", "1 inscrit". */
export function inscritsLabel(registered: number, capacite: number | null): string {
  const inscrits = `${registered} inscrit${registered > 1 ? "s" : ""}`;
  return capacite === null ? inscrits : `${inscrits} / ${capacite} place${capacite > 1 ? "s" : ""}`;
}
