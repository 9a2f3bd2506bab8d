import { addDays, addMonths, compare, diffInDays, type CivilDate } from "@/lib/calendar/civil-date";
import { parisStartOfDay } from "@/lib/calendar/paris-time";

/** Values of the `conservation.regles` setting (décret 2015-59, retention article). */
export interface RetentionRules {
  dossierAgeMaxAns: number;
  dossierAnneesApresAgeMax: number;
  cejAnneesApresFin: number;
}

export interface RetentionFacts {
  dateNaissance: CivilDate;
  /** End of the last CEJ contract, if the young person had one. */
  finDernierCej?: CivilDate | null;
  /** End of a programme still running when the age limit is reached. */
  finProgrammeEnCours?: CivilDate | null;
}

export interface RetentionEnd {
  until: CivilDate;
  basis: "age" | "cej" | "programme";
}

/**
 * Last day the dossier may be kept in identifiable form:
 * - until the maximum age (25 révolus, i.e. the day before the 26th birthday) plus two years;
 * - if a programme still runs then, until it ends;
 * - for a CEJ beneficiary, ten years from the end of the contract.
 * The latest of the applicable dates wins.
 */
export function retentionEnd(facts: RetentionFacts, rules: RetentionRules): RetentionEnd {
  // 26th birthday = first day after "25 révolus"; + 2 years; the day before is the last kept day.
  const firstDayOver = addMonths(facts.dateNaissance, 12 * (rules.dossierAgeMaxAns + 1 + rules.dossierAnneesApresAgeMax));
  const candidates: RetentionEnd[] = [{ until: addDays(firstDayOver, -1), basis: "age" }];
  if (facts.finProgrammeEnCours) candidates.push({ until: facts.finProgrammeEnCours, basis: "programme" });
  if (facts.finDernierCej) candidates.push({ until: addMonths(facts.finDernierCej, 12 * rules.cejAnneesApresFin), basis: "cej" });
  return candidates.reduce((a, b) => (compare(b.until, a.until) > 0 ? b : a));
}

/** Whole days from `today` to the retention end (negative when past). */
export function daysUntil(until: CivilDate, today: CivilDate): number {
  return diffInDays(today, until);
}

/**
 * Accounting retention of an allowance decision: ten years after the last decision. Allowances are public
 * money paid through the ASP; payment records follow the ten-year keeping of accounting records (code de
 * commerce, art. L123-22).
 */
export const ALLOCATION_ANNEES_COMPTABLES = 10;

/** Why a file past its retention end must still be kept (GDPR art. 17-3-b and 18). */
export type RetentionHold = "limitation" | "contrat_en_cours" | "allocation" | "fse";

export interface DossierFacts extends RetentionFacts {
  limitationDepuis: Date | null;
  /** A contract (PACEA or CEJ) still running: no real end recorded. */
  contratEnCours: boolean;
  /** Day of the last allowance decision. */
  derniereDecisionAllocation: CivilDate | null;
  /** Last record of a PACEA or CEJ pathway (contract dates, allowance decisions), which the ESF may cofinance. */
  dernierEnregistrementParcours: CivilDate | null;
}

export type DossierVerdict = { due: false; until: CivilDate } | { due: true; until: CivilDate; holds: RetentionHold[] };

/**
 * Whether an archived file is past its retention end on `today` and, if so, what still holds it:
 * - a limitation (GDPR art. 18) freezes it until lifted;
 * - a contract still running (the file is needed to accompany and pay);
 * - allowance decisions: accounting records kept ten years after the last one;
 * - ESF audits (décret 2015-59): `fseAnneesApresDernierEnregistrement` years after the last pathway record.
 *   Sillage does not record which pathways the ESF cofinanced, so any PACEA or CEJ pathway is treated as
 *   possibly cofinanced (the conservative reading, the same as for an erasure request).
 */
export function dossierVerdict(
  facts: DossierFacts,
  rules: RetentionRules & { fseAnneesApresDernierEnregistrement?: number },
  today: CivilDate,
): DossierVerdict {
  const end = retentionEnd(facts, rules);
  if (compare(end.until, today) >= 0) return { due: false, until: end.until };
  const holds: RetentionHold[] = [];
  if (facts.limitationDepuis) holds.push("limitation");
  if (facts.contratEnCours) holds.push("contrat_en_cours");
  if (
    facts.derniereDecisionAllocation &&
    compare(addMonths(facts.derniereDecisionAllocation, 12 * ALLOCATION_ANNEES_COMPTABLES), today) >= 0
  )
    holds.push("allocation");
  const fse = rules.fseAnneesApresDernierEnregistrement;
  if (fse && facts.dernierEnregistrementParcours && compare(addMonths(facts.dernierEnregistrementParcours, 12 * fse), today) >= 0)
    holds.push("fse");
  return { due: true, until: end.until, holds };
}

/** Traces kept `months` months (consultation log): the first instant still kept is the start of that day, in Paris. */
export function monthsCutoff(today: CivilDate, months: number): Date {
  return parisStartOfDay(addMonths(today, -months));
}

/** Technical traces kept `days` days after they ended (sessions, sign-in codes). */
export function daysCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60_000);
}
