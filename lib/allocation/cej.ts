/**
 * Monthly CEJ allowance (code du travail L5131-6, D5131-19; domain §4). Pure: the amounts are the value of
 * the dated setting `cej.allocation.montants` in force for the month, passed in by the caller.
 *
 * Choices:
 * - A month `YYYY-MM` is judged on its first day: the amounts in force on the 1st apply to the whole
 *   month (revaluations happen on 1 April), and the young person is a minor for the month if under 18 on
 *   the 1st (someone turning 18 on the 1st is an adult for that month; on the 2nd, from the next month).
 * - A minor receives the minor amount whatever the household's tax status (the tax condition is written
 *   for adults); an adult in a household taxed beyond the first bracket is not eligible.
 * - Reduction for activity income: `reduction = floor((income − threshold) × rate %)`, never more than
 *   the base. The exact legal formula is TO BE CONFIRMED: the threshold and rate are parameters, and
 *   DEFAULT_CEJ_REDUCTION is a placeholder, not a legal value.
 */
import type { CivilDate } from "@/lib/calendar/civil-date";
import { ageOn } from "@/lib/jeunes/rules";
import { formatMoneyCents } from "@/lib/format/fr";
import { valueInForce, type DatedValue } from "@/lib/settings/rules";
import { formatLongCivilDate } from "@/lib/parcours/contrats";

/** Value of the setting `cej.allocation.montants` (cents). */
export interface CejAmounts {
  majeurNonImposable: number;
  premiereTranche: number;
  mineur: number;
}

export type Foyer = "non_imposable" | "premiere_tranche" | "autre";

export type CejAllowanceBasis = "majeur_non_imposable" | "premiere_tranche" | "mineur" | "non_eligible";

export interface CejReduction {
  thresholdCents: number;
  /** Share of the income above the threshold taken off the allowance, in percent (0–100). */
  ratePercent: number;
}

/** PLACEHOLDER, to confirm against the legal text before any payment: 300 € threshold, 50 % of the excess. */
export const DEFAULT_CEJ_REDUCTION: Readonly<CejReduction> = Object.freeze({ thresholdCents: 30000, ratePercent: 50 });

export interface CejAllowanceInput {
  /** "YYYY-MM". */
  month: string;
  birthDate: CivilDate;
  foyer: Foyer;
  /** Net activity income of the month, in cents. */
  activityIncomeCents: number;
  /** The amounts in force on the month's first day (`amountsInForce`); null when none was in force. */
  amounts: CejAmounts | null;
  reduction: CejReduction;
}

export interface CejAllowance {
  cents: number;
  basis: CejAllowanceBasis;
  /** Amount before reduction. */
  baseCents: number;
  reductionCents: number;
  explanation: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** First day of a "YYYY-MM" month; throws a RangeError on a malformed month (a programmer error). */
export function firstDayOfMonth(month: string): CivilDate {
  if (!MONTH.test(month)) throw new RangeError(`Mois invalide : ${JSON.stringify(month)} (AAAA-MM attendu)`);
  return `${month}-01`;
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** "avril 2027". */
export function formatMonth(month: string): string {
  const first = firstDayOfMonth(month);
  return monthFormat.format(new Date(`${first}T00:00:00Z`));
}

/** The `cej.allocation.montants` row in force on the month's first day. */
export function amountsInForce<T extends DatedValue<CejAmounts>>(rows: readonly T[], month: string): T | null {
  return valueInForce(rows, firstDayOfMonth(month));
}

function checkCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} : un nombre entier de centimes positif ou nul est attendu (${value})`);
}

export function computeCejAllowance({ month, birthDate, foyer, activityIncomeCents, amounts, reduction }: CejAllowanceInput): CejAllowance {
  const first = firstDayOfMonth(month);
  checkCents(activityIncomeCents, "Revenus d'activité");
  checkCents(reduction.thresholdCents, "Seuil de réduction");
  if (!(reduction.ratePercent >= 0 && reduction.ratePercent <= 100))
    throw new RangeError(`Taux de réduction hors de 0–100 % : ${reduction.ratePercent}`);
  const label = formatMonth(month);

  if (!amounts) {
    return {
      cents: 0,
      basis: "non_eligible",
      baseCents: 0,
      reductionCents: 0,
      explanation: `Aucun montant d'allocation CEJ n'est en vigueur pour ${label} (l'allocation existe depuis le 1er mars 2022). Vérifiez le mois ou les paramètres.`,
    };
  }

  const minor = ageOn(birthDate, first) < 18;
  let basis: CejAllowanceBasis;
  let baseCents: number;
  let who: string;
  if (minor) {
    basis = "mineur";
    baseCents = amounts.mineur;
    who = `jeune mineur au ${formatLongCivilDate(first)}`;
  } else if (foyer === "non_imposable") {
    basis = "majeur_non_imposable";
    baseCents = amounts.majeurNonImposable;
    who = "jeune majeur, foyer non imposable";
  } else if (foyer === "premiere_tranche") {
    basis = "premiere_tranche";
    baseCents = amounts.premiereTranche;
    who = "jeune majeur, foyer imposable dans la première tranche";
  } else {
    return {
      cents: 0,
      basis: "non_eligible",
      baseCents: 0,
      reductionCents: 0,
      explanation: `Pas d'allocation pour ${label} : le jeune est majeur et son foyer est imposable au-delà de la première tranche de l'impôt sur le revenu.`,
    };
  }

  const excess = Math.max(0, activityIncomeCents - reduction.thresholdCents);
  // Rate kept to 1/100 of a percent so the product stays an exact integer.
  const reductionCents = Math.min(baseCents, Math.floor((excess * Math.round(reduction.ratePercent * 100)) / 10000));
  const cents = baseCents - reductionCents;
  const base = `Allocation CEJ pour ${label} : ${formatMoneyCents(baseCents)} (${who})`;
  const explanation =
    reductionCents === 0
      ? `${base}.`
      : `${base}, réduite de ${formatMoneyCents(reductionCents)} pour des revenus d'activité de ${formatMoneyCents(activityIncomeCents)} (${formatPercent(reduction.ratePercent)} de la part au-delà de ${formatMoneyCents(reduction.thresholdCents)}) : ${formatMoneyCents(cents)} à verser.`;
  return { cents, basis, baseCents, reductionCents, explanation };
}

function formatPercent(value: number): string {
  return `${String(value).replace(".", ",")}\u00a0%`;
}
