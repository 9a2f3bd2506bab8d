import { addDays, addMonths, compare, diffInDays, type CivilDate } from "@/lib/calendar/civil-date";

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
