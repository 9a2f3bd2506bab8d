/**
 * Pure rules of the pathway contracts (PACEA, CEJ): entry, duration, switching. No I/O; dates are civil
 * ISO strings and every date ("today", start…) is a parameter.
 *
 * Duration convention (used everywhere in lib/parcours): a contract of N months starting on `start` ends
 * on `start + N months − 1 day`, inclusive (the last day it is in force), with the month-end rule of
 * `addMonths`: 2026-01-01 + 12 months → 2026-12-31; 2026-01-31 + 12 months → 2027-01-30.
 */
import { addDays, addMonths, compare, type CivilDate } from "@/lib/calendar/civil-date";
import { formatLongCivilDate } from "@/lib/format/fr";
import { DEFAULT_AGE_LIMITS, eligibility, type AgeLimits } from "@/lib/jeunes/rules";

export type ContractKind = "PACEA" | "CEJ";

/** Domain §3–4: PACEA 24 months at most; CEJ 12 months, 18 in exceptional cases (décret 2022-199). */
export const CONTRACT_MONTHS = Object.freeze({ PACEA: 24, CEJ: 12, CEJ_EXTENDED: 18 });

/** Domain §4: a new CEJ needs a gap of 6 months after the end of the previous one. */
export const CEJ_GAP_MONTHS = 6;

export interface Refusal<C extends string = string> {
  code: C;
  message: string;
}

const CONTRACT_LABELS: Record<ContractKind, string> = { PACEA: "PACEA", CEJ: "CEJ" };

/** Last day (inclusive) of a period of `months` months starting on `start`. */
export function endAfterMonths(start: CivilDate, months: number): CivilDate {
  return addDays(addMonths(start, months), -1);
}

/** Latest possible end date: PACEA 24 months; CEJ 12 months, 18 with an extension (`extended` is ignored for a PACEA). */
export function maxEndDate(kind: ContractKind, start: CivilDate, { extended = false }: { extended?: boolean } = {}): CivilDate {
  const months = kind === "PACEA" ? CONTRACT_MONTHS.PACEA : extended ? CONTRACT_MONTHS.CEJ_EXTENDED : CONTRACT_MONTHS.CEJ;
  return endAfterMonths(start, months);
}

/** First day a new CEJ may start after a CEJ that ended on `previousEnd` (6 full months without CEJ in between). */
export function nextCejPossibleFrom(previousEnd: CivilDate): CivilDate {
  return addMonths(addDays(previousEnd, 1), CEJ_GAP_MONTHS);
}

// ---------------------------------------------------------------------------------------------
// Entry into a CEJ
// ---------------------------------------------------------------------------------------------

export type CejEntryRefusalCode = "too_young" | "too_old" | "too_old_without_rqth" | "etudiant" | "gap_too_short";

/** Every reason is returned at once, so the counsellor can fix them all in one go. */
export type CejEntryResult = { ok: true } | { ok: false; refusals: Refusal<CejEntryRefusalCode>[] };

export interface CejEntryInput {
  birthDate: CivilDate;
  /** Planned first day of the contract: the age and the gap are checked on that day. */
  startDate: CivilDate;
  rqth: boolean;
  etudiant: boolean;
  /** End dates (inclusive) of the young person's previous CEJ contracts, in any order. */
  previousCejEnds: readonly CivilDate[];
  limits?: AgeLimits;
}

/** Décret 2022-199 (domain §4): 16–25 révolus (29 with a RQTH), not a student, 6-month gap since the previous CEJ. */
export function checkCejEntry({
  birthDate,
  startDate,
  rqth,
  etudiant,
  previousCejEnds,
  limits = DEFAULT_AGE_LIMITS,
}: CejEntryInput): CejEntryResult {
  const refusals: Refusal<CejEntryRefusalCode>[] = [];
  const age = eligibility({ birthDate, today: startDate, rqth, dispositif: "CEJ", limits });
  if (!age.ok) {
    refusals.push({ code: age.code, message: `À la date de début prévue (${formatLongCivilDate(startDate)}) : ${age.message}` });
  }
  if (etudiant) {
    refusals.push({
      code: "etudiant",
      message:
        "Le CEJ n'est pas ouvert aux étudiants. Vérifiez la situation du jeune (fin d'inscription, abandon des études) ou proposez un PACEA.",
    });
  }
  const lastEnd = [...previousCejEnds].sort(compare).at(-1);
  if (lastEnd !== undefined) {
    const possibleFrom = nextCejPossibleFrom(lastEnd);
    if (compare(startDate, possibleFrom) < 0) {
      refusals.push({
        code: "gap_too_short",
        message: `Un nouveau CEJ est possible à partir du ${formatLongCivilDate(possibleFrom)} (six mois après la fin du précédent, le ${formatLongCivilDate(lastEnd)}).`,
      });
    }
  }
  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}

// ---------------------------------------------------------------------------------------------
// Planned end date
// ---------------------------------------------------------------------------------------------

export type PlannedEndRefusalCode = "end_before_start" | "cej_extension_reason_required" | "too_long";

export type PlannedEndResult = { ok: true; maxEnd: CivilDate } | ({ ok: false; maxEnd: CivilDate } & Refusal<PlannedEndRefusalCode>);

export interface PlannedEndInput {
  kind: ContractKind;
  start: CivilDate;
  plannedEnd: CivilDate;
  /** CEJ only: why the contract goes beyond 12 months (up to 18). Blank = no extension. */
  extensionReason?: string | null;
}

export function checkPlannedEnd({ kind, start, plannedEnd, extensionReason }: PlannedEndInput): PlannedEndResult {
  const hasReason = kind === "CEJ" && (extensionReason ?? "").trim().length > 0;
  const maxEnd = maxEndDate(kind, start, { extended: hasReason });
  if (compare(plannedEnd, start) < 0) {
    return {
      ok: false,
      maxEnd,
      code: "end_before_start",
      message: `La date de fin (${formatLongCivilDate(plannedEnd)}) est antérieure à la date de début (${formatLongCivilDate(start)}). Corrigez l'une des deux dates.`,
    };
  }
  if (compare(plannedEnd, maxEnd) <= 0) return { ok: true, maxEnd };
  if (kind === "PACEA") {
    return {
      ok: false,
      maxEnd,
      code: "too_long",
      message: `Un PACEA dure au plus 24 mois : commencé le ${formatLongCivilDate(start)}, il doit se terminer au plus tard le ${formatLongCivilDate(maxEnd)}.`,
    };
  }
  if (!hasReason) {
    const extendedEnd = maxEndDate("CEJ", start, { extended: true });
    if (compare(plannedEnd, extendedEnd) <= 0) {
      return {
        ok: false,
        maxEnd,
        code: "cej_extension_reason_required",
        message: `Un CEJ dure au plus 12 mois (fin au plus tard le ${formatLongCivilDate(maxEnd)}). Pour aller jusqu'au ${formatLongCivilDate(plannedEnd)}, indiquez le motif exceptionnel de la prolongation (18 mois au plus).`,
      };
    }
  }
  const extendedEnd = maxEndDate("CEJ", start, { extended: true });
  return {
    ok: false,
    maxEnd,
    code: "too_long",
    message: `Un CEJ dure au plus 18 mois, même prolongé : commencé le ${formatLongCivilDate(start)}, il doit se terminer au plus tard le ${formatLongCivilDate(extendedEnd)}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Switching CEJ ↔ PACEA
// ---------------------------------------------------------------------------------------------

export type SwitchRefusalCode = "same_contract" | "motif_required";

export type SwitchResult = { ok: true; motif: string } | ({ ok: false } & Refusal<SwitchRefusalCode>);

/**
 * Domain §4: switching CEJ ↔ PACEA is possible with a motive (both stay in the pathway history).
 * Entering a CEJ still needs `checkCejEntry` on the switch date.
 */
export function checkSwitch(from: ContractKind, to: ContractKind, motif: string | null | undefined): SwitchResult {
  if (from === to) {
    return {
      ok: false,
      code: "same_contract",
      message: `Le jeune est déjà en ${CONTRACT_LABELS[from]} : choisissez l'autre dispositif pour un changement de parcours.`,
    };
  }
  const trimmed = (motif ?? "").trim();
  if (trimmed.length === 0) {
    return {
      ok: false,
      code: "motif_required",
      message: `Indiquez le motif du passage du ${CONTRACT_LABELS[from]} au ${CONTRACT_LABELS[to]} : il est conservé dans l'historique du parcours.`,
    };
  }
  return { ok: true, motif: trimmed };
}
