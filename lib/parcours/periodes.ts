/**
 * Pure rules of a contract's period once it exists: when it is in force, ending it, switching CEJ ↔ PACEA,
 * and what an earlier end does to its PACEA phases. Civil dates, inclusive ends (see ./contrats.ts).
 */
import { addDays, compare, diffInDays, type CivilDate } from "@/lib/calendar/civil-date";
import { formatLongCivilDate } from "@/lib/format/fr";
import type { Period } from "./phases";

export interface ContractDates {
  debut: CivilDate;
  finPrevue: CivilDate;
  finReelle: CivilDate | null;
}

/** In force from the start to the actual end, or the planned end while not ended. */
export function contractPeriod(c: ContractDates): Period {
  return { start: c.debut, end: c.finReelle ?? c.finPrevue };
}

/** Days from today to the last day in force: 0 on the last day, negative once passed. */
export function daysLeft(today: CivilDate, c: ContractDates): number {
  return diffInDays(today, c.finReelle ?? c.finPrevue);
}

/** Why an actual end date cannot be recorded, or null. */
export function endDateRefusal(c: ContractDates, finReelle: CivilDate, today: CivilDate): string | null {
  if (compare(finReelle, c.debut) < 0) {
    return `La date de sortie ne peut pas précéder le début du contrat, le ${formatLongCivilDate(c.debut)}.`;
  }
  if (compare(finReelle, today) > 0) {
    return "La date de sortie ne peut pas être dans le futur : enregistrez la sortie le jour où elle a lieu, ou après.";
  }
  if (compare(finReelle, c.finPrevue) > 0) {
    return `La date de sortie dépasse la fin prévue du contrat (le ${formatLongCivilDate(c.finPrevue)}) : prolongez d'abord le contrat, ou indiquez une date antérieure.`;
  }
  return null;
}

/**
 * Switch convention: the current contract's last day is the day before the switch date, and the new
 * contract starts on the switch date — no day under two contracts, no day without one.
 */
export type SwitchDates = { ok: true; ancienneFin: CivilDate; nouveauDebut: CivilDate } | { ok: false; message: string };

export function switchDates(current: ContractDates, dateBascule: CivilDate, today: CivilDate): SwitchDates {
  if (compare(dateBascule, current.debut) <= 0) {
    return {
      ok: false,
      message: `Le changement peut avoir lieu au plus tôt le lendemain du début du contrat actuel, soit le ${formatLongCivilDate(addDays(current.debut, 1))} : le contrat actuel se termine la veille du changement.`,
    };
  }
  if (compare(dateBascule, today) > 0) {
    return {
      ok: false,
      message: "La date du changement ne peut pas être dans le futur : enregistrez-le le jour de la signature du nouveau contrat.",
    };
  }
  const ancienneFin = addDays(dateBascule, -1);
  if (compare(ancienneFin, current.finPrevue) > 0) {
    return {
      ok: false,
      message: `Le contrat actuel se terminait le ${formatLongCivilDate(current.finPrevue)} : le changement doit avoir lieu au plus tard le ${formatLongCivilDate(addDays(current.finPrevue, 1))}. Sinon, enregistrez la sortie puis signez un nouveau contrat.`,
    };
  }
  return { ok: true, ancienneFin, nouveauDebut: dateBascule };
}

export interface DatedPhase {
  id: string;
  debut: CivilDate;
  fin: CivilDate;
}

/**
 * A PACEA ending early: phases running past the new end are cut on that day; a phase that has not
 * started by then blocks the end (the counsellor decides what to do with it).
 */
export function phasesAfterEnd<P extends DatedPhase>(phases: readonly P[], end: CivilDate): { shortened: P[]; blocking: P[] } {
  const shortened: P[] = [];
  const blocking: P[] = [];
  for (const p of phases) {
    if (compare(p.debut, end) > 0) blocking.push(p);
    else if (compare(p.fin, end) > 0) shortened.push(p);
  }
  return { shortened, blocking };
}

export function blockingPhasesMessage(phases: readonly DatedPhase[], end: CivilDate): string {
  const first = [...phases].sort((a, b) => compare(a.debut, b.debut))[0]!;
  return `Une phase commence le ${formatLongCivilDate(first.debut)}, après la fin demandée (le ${formatLongCivilDate(end)}) : modifiez ses dates avant de terminer le contrat.`;
}
