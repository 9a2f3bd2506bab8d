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
 * - Reduction for other resources (code du travail D5131-23, as OpenFisca-France models it), with F the
 *   amount above, T the monthly average of the resources deducted in full (unemployment benefits, pay of a
 *   vocational-training internship) and R that of the resources deducted in part (salary, apprentice pay,
 *   self-employed income, daily allowances, partial-unemployment pay):
 *     result = max(0, F − T − P),  P = max(R − abatement, 0) × F ÷ (share × gross monthly SMIC − abatement)
 *   P's slope uses F itself, not F − T, so the order of the two subtractions does not change the result;
 *   the split shown follows OpenFisca (T first, then P), each capped by what is left.
 *   Rounding: P is rounded down to the cent (in the young person's favour, like the sanctions); T and the
 *   amounts are already cents. The abatement (300 €), the share (80 %) and the SMIC are dated settings.
 */
import type { CivilDate } from "@/lib/calendar/civil-date";
import { firstDayOfMonth } from "@/lib/calendar/months";
import { formatMonth, formatMoneyCents, formatLongCivilDate } from "@/lib/format/fr";
import { ageOn } from "@/lib/jeunes/rules";
import { valueInForce, type DatedValue } from "@/lib/settings/rules";

/** Value of the setting `cej.allocation.montants` (cents). */
export interface CejAmounts {
  majeurNonImposable: number;
  premiereTranche: number;
  mineur: number;
}

export type Foyer = "non_imposable" | "premiere_tranche" | "autre";

export type CejAllowanceBasis = "majeur_non_imposable" | "premiere_tranche" | "mineur" | "non_eligible";

/** The dated settings of the reduction (code du travail D5131-23), in force on the month's first day. */
export interface CejResourceRule {
  /** Part of the partly deducted resources left out of the reduction (300 €), in cents. */
  abatementCents: number;
  /** Share of the gross monthly SMIC at which the allowance reaches 0 (80), in percent. */
  smicSharePercent: number;
  /** Gross monthly SMIC (35 h), in cents. */
  smicCents: number;
}

export interface CejAllowanceInput {
  /** "YYYY-MM". */
  month: string;
  birthDate: CivilDate;
  foyer: Foyer;
  /** Monthly average of the resources deducted in part (salary, apprentice pay…), in cents. */
  partlyDeductedCents: number;
  /** Monthly average of the resources deducted in full (unemployment benefits, training pay), in cents. */
  fullyDeductedCents: number;
  /** The amounts in force on the month's first day (`amountsInForce`); null when none was in force. */
  amounts: CejAmounts | null;
  rule: CejResourceRule;
}

/** One line of the computation: the amount (positive) or what is taken off it (negative), in cents. */
export interface CejStep {
  label: string;
  cents: number;
}

export interface CejAllowance {
  cents: number;
  basis: CejAllowanceBasis;
  /** Amount before any reduction. */
  baseCents: number;
  /** Fully deducted resources actually taken off (capped by the amount). */
  fullDeductionCents: number;
  /** Linear reduction for the partly deducted resources actually taken off (capped by what is left). */
  partialReductionCents: number;
  /** base, then each reduction taken off (negative), for display; they add up to `cents`. */
  steps: CejStep[];
  explanation: string;
}

/** True when the reduction can be computed: the share of the SMIC (80 %) must exceed the abatement (300 €). */
export function isResourceRuleUsable({ abatementCents, smicSharePercent, smicCents }: CejResourceRule): boolean {
  return smicSharePercent * smicCents > abatementCents * 100;
}

/**
 * The linear reduction P for partly deducted resources (code du travail D5131-23):
 * floor(max(R − abatement, 0) × F ÷ (share × SMIC − abatement)), at most F. Integer arithmetic, exact.
 */
export function partialReduction(baseCents: number, partlyDeductedCents: number, rule: CejResourceRule): number {
  // share × SMIC − abatement, scaled by 100 to stay in integers (share is in percent).
  const span = rule.smicSharePercent * rule.smicCents - rule.abatementCents * 100;
  if (span <= 0) throw new RangeError("Réduction CEJ : la part du SMIC doit dépasser l'abattement");
  const excess = Math.max(0, partlyDeductedCents - rule.abatementCents) * 100;
  // At or beyond the share of the SMIC the whole amount goes (and the product below stays small).
  if (excess >= span) return baseCents;
  return Math.floor((excess * baseCents) / span);
}

/** The `cej.allocation.montants` row in force on the month's first day. */
export function amountsInForce<T extends DatedValue<CejAmounts>>(rows: readonly T[], month: string): T | null {
  return valueInForce(rows, firstDayOfMonth(month));
}

function checkCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} : un nombre entier de centimes positif ou nul est attendu (${value})`);
}

export function computeCejAllowance({
  month,
  birthDate,
  foyer,
  partlyDeductedCents,
  fullyDeductedCents,
  amounts,
  rule,
}: CejAllowanceInput): CejAllowance {
  const first = firstDayOfMonth(month);
  checkCents(partlyDeductedCents, "Ressources déduites en partie");
  checkCents(fullyDeductedCents, "Ressources déduites en totalité");
  checkCents(rule.abatementCents, "Abattement");
  checkCents(rule.smicCents, "SMIC brut mensuel");
  if (!(Number.isInteger(rule.smicSharePercent) && rule.smicSharePercent > 0 && rule.smicSharePercent <= 100))
    throw new RangeError(`Part du SMIC hors de 1–100 % : ${rule.smicSharePercent}`);
  const label = formatMonth(month);
  const none = { cents: 0, basis: "non_eligible", baseCents: 0, fullDeductionCents: 0, partialReductionCents: 0 } as const;

  if (!amounts) {
    return {
      ...none,
      steps: [],
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
      ...none,
      steps: [],
      explanation: `Pas d'allocation pour ${label} : le jeune est majeur et son foyer est imposable au-delà de la première tranche de l'impôt sur le revenu.`,
    };
  }

  // code du travail D5131-23: full deductions first, then the linear reduction computed on the base amount (as OpenFisca-France).
  const fullDeductionCents = Math.min(baseCents, fullyDeductedCents);
  const partialReductionCents = Math.min(baseCents - fullDeductionCents, partialReduction(baseCents, partlyDeductedCents, rule));
  const cents = baseCents - fullDeductionCents - partialReductionCents;

  const money = formatMoneyCents;
  const formula = `(${money(partlyDeductedCents)} − ${money(rule.abatementCents)}) × ${money(baseCents)} ÷ (${formatPercent(rule.smicSharePercent)} du SMIC brut de ${money(rule.smicCents)} − ${money(rule.abatementCents)})`;
  const steps: CejStep[] = [{ label: `Montant mensuel (${who})`, cents: baseCents }];
  if (fullyDeductedCents > 0)
    steps.push({ label: `Ressources déduites en totalité : ${money(fullyDeductedCents)} par mois`, cents: -fullDeductionCents || 0 });
  if (partlyDeductedCents > 0)
    steps.push({
      label:
        partlyDeductedCents <= rule.abatementCents
          ? `Ressources déduites en partie : ${money(partlyDeductedCents)} par mois, pas au-delà de ${money(rule.abatementCents)} : aucune réduction`
          : `Ressources déduites en partie : ${money(partlyDeductedCents)} par mois, réduction ${formula}`,
      cents: -partialReductionCents || 0, // never -0
    });

  const parts: string[] = [];
  if (fullDeductionCents > 0) parts.push(`moins ${money(fullDeductionCents)} de ressources déduites en totalité`);
  if (partialReductionCents > 0)
    parts.push(
      `moins ${money(partialReductionCents)} de réduction pour ${money(partlyDeductedCents)} de ressources déduites en partie (${formula})`,
    );
  const base = `Allocation CEJ pour ${label} : ${money(baseCents)} (${who})`;
  const explanation = parts.length === 0 ? `${base}.` : `${base}, ${parts.join(", ")} : ${money(cents)} à verser.`;
  return { cents, basis, baseCents, fullDeductionCents, partialReductionCents, steps, explanation };
}

function formatPercent(value: number): string {
  return `${String(value).replace(".", ",")}\u00a0%`;
}
