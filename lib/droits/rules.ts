/**
 * Pure rules of a demande d'exercice de droits: reference numbers, the state machine, who may be
 * answered what, and how close the deadline is. No I/O; the clock itself is deadline.ts.
 */
import { compare, type CivilDate } from "@/lib/calendar/civil-date";
import { canExtend, computeDeadline, daysLeft, type IdentityPause } from "./deadline";
import type { DemandeIssue, DemandeStatut, DemandeType } from "./labels";

// ---------------------------------------------------------------------------------------------
// Reference numbers: "2026-0042", per structure and year of receipt
// ---------------------------------------------------------------------------------------------

const NUMERO = /^(\d{4})-(\d{4,})$/;

export function formatNumero(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Année invalide : ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Numéro d'ordre invalide : ${sequence}`);
  return `${year}-${String(sequence).padStart(4, "0")}`;
}

export function parseNumero(numero: string): { year: number; sequence: number } | null {
  const match = NUMERO.exec(numero);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}

// ---------------------------------------------------------------------------------------------
// State machine: reçue → identité à vérifier → en cours → (prolongée) → répondue → close
// ---------------------------------------------------------------------------------------------

const NEXT: Record<DemandeStatut, readonly DemandeStatut[]> = {
  recue: ["identite_a_verifier", "en_cours", "repondue"],
  // Staying in "identité à vérifier" is a move too: asking for, then receiving, more information.
  identite_a_verifier: ["identite_a_verifier", "en_cours", "repondue"],
  en_cours: ["identite_a_verifier", "prolongee", "repondue"],
  prolongee: ["repondue"],
  repondue: ["close"],
  close: [],
};

export function nextStatuses(statut: DemandeStatut): readonly DemandeStatut[] {
  return NEXT[statut];
}

export function canTransition(from: DemandeStatut, to: DemandeStatut): boolean {
  return NEXT[from].includes(to);
}

export function isOpen(statut: DemandeStatut): boolean {
  return statut !== "repondue" && statut !== "close";
}

/** What the DPO can do on a request; each moves it to `TARGET[action]`. */
export const DEMANDE_ACTIONS = ["demander_complement", "complement_recu", "verifier_identite", "prolonger", "repondre", "clore"] as const;
export type DemandeAction = (typeof DEMANDE_ACTIONS)[number];

export const ACTION_TARGET: Record<DemandeAction, DemandeStatut> = {
  demander_complement: "identite_a_verifier",
  complement_recu: "identite_a_verifier",
  verifier_identite: "en_cours",
  prolonger: "prolongee",
  repondre: "repondue",
  clore: "close",
};

export interface DemandeState {
  statut: DemandeStatut;
  /** An identity check awaits the person's answer (the clock is suspended). */
  pauseOuverte: boolean;
  prolongee: boolean;
  identiteVerifiee: boolean;
}

/** Why an action is not possible now, in French, or null when it is. */
export function refusalOf(action: DemandeAction, state: DemandeState): string | null {
  const { statut, pauseOuverte } = state;
  switch (action) {
    case "demander_complement":
      if (pauseOuverte) return "Un complément d'identité est déjà demandé : enregistrez d'abord sa réception.";
      if (!["recue", "identite_a_verifier", "en_cours"].includes(statut))
        return "On ne peut plus demander de complément d'identité à ce stade.";
      break;
    case "complement_recu":
      if (!pauseOuverte) return "Aucun complément d'identité n'est attendu.";
      break;
    case "verifier_identite":
      if (pauseOuverte) return "Un complément d'identité est attendu : enregistrez d'abord sa réception.";
      if (state.identiteVerifiee && statut !== "recue" && statut !== "identite_a_verifier") return "L'identité est déjà vérifiée.";
      break;
    case "prolonger":
      if (state.prolongee) return "Le délai a déjà été prolongé : une seule prolongation de deux mois est possible.";
      if (statut !== "en_cours") return "Le délai ne peut être prolongé que pour une demande en cours (identité vérifiée).";
      break;
    case "repondre":
      if (!isOpen(statut)) return "Une réponse a déjà été donnée.";
      break;
    case "clore":
      if (statut !== "repondue") return "Seule une demande répondue peut être close.";
      break;
  }
  return canTransition(statut, ACTION_TARGET[action]) ? null : "Cette étape n'est pas possible dans l'état actuel de la demande.";
}

export function availableActions(state: DemandeState): DemandeAction[] {
  return DEMANDE_ACTIONS.filter((action) => refusalOf(action, state) === null);
}

/**
 * Data is only disclosed or changed for a person whose identity is confirmed; a refusal (for instance
 * because identity could not be confirmed) can always be given.
 */
export function responseRefusal(issue: DemandeIssue, identiteVerifiee: boolean): string | null {
  if (issue !== "refusee" && !identiteVerifiee) {
    return "Vérifiez d'abord l'identité de la personne : on ne communique ni ne modifie de données sans elle. Une demande peut en revanche être refusée.";
  }
  return null;
}

/** The rights for which a finality must be named (domain.md §6: objection is per finality). */
export function needsFinalite(type: DemandeType): boolean {
  return type === "opposition" || type === "question_transmission";
}

// ---------------------------------------------------------------------------------------------
// The clock of one request
// ---------------------------------------------------------------------------------------------

export interface Clock {
  /** Deadline in force (extended if so), null while suspended. */
  echeance: CivilDate | null;
  /** The one-month deadline, null while suspended: an extension must be decided by then. */
  premiereEcheance: CivilDate | null;
  suspended: boolean;
}

export function clockOf(input: { recueLe: CivilDate; pauses: readonly IdentityPause[]; prolongee: boolean }): Clock {
  const first = computeDeadline({ receivedOn: input.recueLe, pauses: input.pauses });
  const current = input.prolongee ? computeDeadline({ receivedOn: input.recueLe, pauses: input.pauses, extended: true }) : first;
  return { echeance: current.deadline, premiereEcheance: first.deadline, suspended: first.suspended };
}

/** GDPR art. 12-3: the extension is decided and notified within the first month. */
export function extensionRefusal(clock: Clock, today: CivilDate): { premiereEcheance: CivilDate | null } | null {
  if (clock.premiereEcheance === null) return { premiereEcheance: null };
  return canExtend({ decidedOn: today, firstDeadline: clock.premiereEcheance }) ? null : { premiereEcheance: clock.premiereEcheance };
}

// ---------------------------------------------------------------------------------------------
// How urgent a request is, for the queue
// ---------------------------------------------------------------------------------------------

export const SOON_DAYS = 7;

export type Urgency =
  | { kind: "terminee" }
  | { kind: "suspendue" }
  | { kind: "retard"; days: number }
  | { kind: "proche"; days: number }
  | { kind: "normale"; days: number };

export function urgencyOf(statut: DemandeStatut, echeance: CivilDate | null, today: CivilDate): Urgency {
  if (!isOpen(statut)) return { kind: "terminee" };
  if (echeance === null) return { kind: "suspendue" };
  const left = daysLeft(echeance, today);
  if (left < 0) return { kind: "retard", days: -left };
  if (left <= SOON_DAYS) return { kind: "proche", days: left };
  return { kind: "normale", days: left };
}

/** "En retard de 2 jours", "J-5", "Dernier jour", "Suspendue". */
export function urgencyLabel(urgency: Urgency): string {
  switch (urgency.kind) {
    case "terminee":
      return "Traitée";
    case "suspendue":
      return "Délai suspendu";
    case "retard":
      return `En retard de ${urgency.days} jour${urgency.days > 1 ? "s" : ""}`;
    case "proche":
    case "normale":
      return urgency.days === 0 ? "Dernier jour" : `J-${urgency.days}`;
  }
}

/** Dates of the request cannot precede its receipt nor be in the future. */
export function dateWithin(date: CivilDate, from: CivilDate, today: CivilDate): boolean {
  return compare(date, from) >= 0 && compare(date, today) <= 0;
}
