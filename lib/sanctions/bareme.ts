/**
 * Sanction ladder for unjustified failures (domain §4). Pure: the ladder is the dated setting
 * `cej.sanctions.bareme`, and the rule that applies is the one in force on the DATE OF THE FACT (not the
 * date of the decision): a failure on 31 May 2025 follows the 2022 CEJ ladder even if decided in June.
 *
 * - "cej_2022" (décret 2022-199, code du travail R5131-24): 1st failure → allowance cut by a quarter for
 *   the month; 2nd → one month withdrawn; 3rd → withdrawn for good and contract ended.
 * - "suspension_remobilisation" (décret 2025-478, in force 1 June 2025, R5412-1 and R5412-2): 1st → at
 *   least 30 % suspended for 1 to 2 months, lifted as soon as the person complies; repeated → up to
 *   4 months, then partial or total suppression (total = also removed from the job-seekers' list).
 *   How it combines with the 2022 CEJ ladder is not settled: every proposal under it carries a caveat.
 *
 * The counsellor decides; these functions only propose. Beyond the last rung, the last rung applies again.
 */
import { compare, type CivilDate } from "@/lib/calendar/civil-date";
import type { ActivityStatus } from "@/lib/cej/jauge";
import { valueInForce, type DatedValue } from "@/lib/settings/rules";
import { formatLongCivilDate } from "@/lib/format/fr";

export type SanctionRegime = "cej_2022" | "suspension_remobilisation";

/** Value of the setting `cej.sanctions.bareme`. */
export interface SanctionLadder {
  regime: SanctionRegime;
  /** Rung codes, first failure first. */
  paliers: readonly string[];
}

export type AllowanceEffectKind =
  | "reduction"
  | "suppression"
  | "suspension"
  | "suppression_partielle_ou_totale"
  | "suppression_definitive"
  | "a_preciser";

export interface AllowanceEffect {
  kind: AllowanceEffectKind;
  /** Share of the allowance affected, in percent (min = max for a fixed share); null when not fixed. */
  percent: { min: number; max: number } | null;
  /** Duration in months; null for a definitive effect or when not fixed. */
  months: { min: number; max: number } | null;
  /** Lifted as soon as the young person complies again (remobilisation). */
  liftedOnCompliance: boolean;
  endsContract: boolean;
}

interface RungDefinition {
  description: string;
  effect: AllowanceEffect;
}

/** Known rung codes (those seeded in db/seed/settings.ts). An unknown code is shown as is, "à préciser". */
export const RUNGS: Readonly<Record<string, RungDefinition>> = Object.freeze({
  reduction_quart_mois: {
    description: "L'allocation du mois est réduite d'un quart.",
    effect: {
      kind: "reduction",
      percent: { min: 25, max: 25 },
      months: { min: 1, max: 1 },
      liftedOnCompliance: false,
      endsContract: false,
    },
  },
  suppression_un_mois: {
    description: "L'allocation est supprimée pendant un mois.",
    effect: {
      kind: "suppression",
      percent: { min: 100, max: 100 },
      months: { min: 1, max: 1 },
      liftedOnCompliance: false,
      endsContract: false,
    },
  },
  suppression_definitive_fin_contrat: {
    description: "L'allocation est supprimée définitivement et le contrat d'engagement jeune prend fin.",
    effect: {
      kind: "suppression_definitive",
      percent: { min: 100, max: 100 },
      months: null,
      liftedOnCompliance: false,
      endsContract: true,
    },
  },
  suspension_30_pourcent_1_a_2_mois: {
    description:
      "Au moins 30 % de l'allocation est suspendue pendant 1 à 2 mois. La suspension est levée dès que le jeune respecte à nouveau ses engagements.",
    effect: {
      kind: "suspension",
      percent: { min: 30, max: 100 },
      months: { min: 1, max: 2 },
      liftedOnCompliance: true,
      endsContract: false,
    },
  },
  suspension_jusqu_a_4_mois: {
    description:
      "Manquement répété : l'allocation peut être suspendue, en tout ou partie, jusqu'à 4 mois. La suspension est levée dès que le jeune respecte à nouveau ses engagements.",
    effect: {
      kind: "suspension",
      percent: { min: 30, max: 100 },
      months: { min: 1, max: 4 },
      liftedOnCompliance: true,
      endsContract: false,
    },
  },
  suppression_partielle_ou_totale: {
    description:
      "Manquement répété : l'allocation peut être supprimée en partie ou en totalité, jusqu'à 4 mois. Une suppression totale entraîne aussi la radiation de la liste des demandeurs d'emploi.",
    effect: {
      kind: "suppression_partielle_ou_totale",
      percent: { min: 1, max: 100 },
      months: { min: 1, max: 4 },
      liftedOnCompliance: false,
      endsContract: false,
    },
  },
});

export const REGIME_LABELS: Record<SanctionRegime, string> = {
  cej_2022: "le barème du contrat d'engagement jeune de 2022 (décret 2022-199, article R5131-24 du code du travail)",
  suspension_remobilisation:
    "la suspension-remobilisation (décret 2025-478, articles R5412-1 et R5412-2 du code du travail, en vigueur depuis le 1er juin 2025)",
};

const REGIME_CAVEATS: Record<SanctionRegime, string | null> = {
  cej_2022: null,
  suspension_remobilisation:
    "L'articulation de la suspension-remobilisation avec le barème CEJ de 2022 n'est pas tranchée dans nos sources : vérifiez avec votre direction avant de notifier la sanction.",
};

export interface SanctionProposal {
  regime: SanctionRegime;
  /** Effective date of the ladder used. */
  ladderEffectiveFrom: CivilDate;
  /** Which failure this is: 1 for the first unjustified failure. */
  failureNumber: number;
  /** 0-based index of the rung in the ladder. */
  palierIndex: number;
  palier: string;
  description: string;
  effect: AllowanceEffect;
  /** Which rule applies and why: shown to the counsellor. */
  ruleExplanation: string;
  caveat: string | null;
}

export type ProposeSanctionResult = ({ ok: true } & SanctionProposal) | { ok: false; code: "no_ladder"; message: string };

export interface ProposeSanctionInput {
  /** Date of the failure (fait générateur), not of the decision. */
  factDate: CivilDate;
  /** Every dated row of `cej.sanctions.bareme`. */
  ladders: readonly DatedValue<SanctionLadder>[];
  /** Unjustified failures already sanctioned before this one (under the same contract). */
  previousUnjustifiedFailures: number;
}

function ordinal(n: number): string {
  return n === 1 ? "premier" : `${n}e`;
}

export function proposeSanction({ factDate, ladders, previousUnjustifiedFailures }: ProposeSanctionInput): ProposeSanctionResult {
  if (!Number.isSafeInteger(previousUnjustifiedFailures) || previousUnjustifiedFailures < 0) {
    throw new RangeError(`Nombre de manquements antérieurs invalide : ${previousUnjustifiedFailures}`);
  }
  const row = valueInForce(ladders, factDate);
  if (!row || row.value.paliers.length === 0) {
    return {
      ok: false,
      code: "no_ladder",
      message: `Aucun barème de sanctions n'est en vigueur au ${formatLongCivilDate(factDate)}, date du manquement. Vérifiez cette date ou le paramètre « barème des sanctions ».`,
    };
  }
  const { regime, paliers } = row.value;
  const palierIndex = Math.min(previousUnjustifiedFailures, paliers.length - 1);
  const palier = paliers[palierIndex] ?? "";
  const known = RUNGS[palier];
  const failureNumber = previousUnjustifiedFailures + 1;
  const beyondLadder = previousUnjustifiedFailures >= paliers.length;
  const ruleExplanation =
    `Manquement du ${formatLongCivilDate(factDate)} : s'applique ${REGIME_LABELS[regime]}, en vigueur à cette date. ` +
    `C'est le ${ordinal(failureNumber)} manquement injustifié : palier ${palierIndex + 1} sur ${paliers.length}` +
    (beyondLadder ? " (dernier palier du barème, appliqué à nouveau)." : ".");
  return {
    ok: true,
    regime,
    ladderEffectiveFrom: row.effectiveFrom,
    failureNumber,
    palierIndex,
    palier,
    description:
      known?.description ??
      `Palier « ${palier} » : effet sur l'allocation à préciser (code inconnu, vérifiez le paramètre « barème des sanctions »).`,
    effect: known?.effect ?? { kind: "a_preciser", percent: null, months: null, liftedOnCompliance: false, endsContract: false },
    ruleExplanation,
    caveat: REGIME_CAVEATS[regime],
  };
}

export interface Attendance {
  date: CivilDate;
  statut: ActivityStatus;
}

/** Three unexcused absences → propose a sanction (the counsellor decides). */
export const UNEXCUSED_ABSENCES_BEFORE_SANCTION = 3;

/**
 * True when at least `threshold` unexcused absences are counted, from `since` (inclusive, e.g. the day
 * after the last sanction) when given.
 */
export function shouldProposeSanction(
  attendances: readonly Attendance[],
  { since, threshold = UNEXCUSED_ABSENCES_BEFORE_SANCTION }: { since?: CivilDate; threshold?: number } = {},
): boolean {
  const count = attendances.filter((a) => a.statut === "absent_non_excuse" && (since === undefined || compare(a.date, since) >= 0)).length;
  return count >= threshold;
}
