/**
 * PACEA allowance ceiling (domain §3; décret 2020-1783 since 1 Jan 2021): over any rolling 12 months,
 * the payments may not exceed `multiplier × monthly RSA amount` (settings `pacea.allocation.plafond` and
 * `rsa.montant_personne_seule`). Pure; amounts in integer cents.
 *
 * Choices:
 * - `rsaCents` is the base as the caller decides it: when the setting `deduireForfaitLogement` is on,
 *   the caller passes the RSA amount minus the housing flat-rate share (not confirmed, see the setting).
 * - "Rolling 12 months" is checked on EVERY 12-month window holding the requested month (not only the
 *   one ending with it): a payment recorded for a later month therefore also limits this one, and no
 *   window can ever exceed the ceiling.
 */
import { formatMoneyCents, formatMonth } from "@/lib/format/fr";
import { firstDayOfMonth } from "@/lib/calendar/months";

export interface PaceaPayment {
  /** "YYYY-MM". */
  month: string;
  cents: number;
}

export interface PaceaAllowanceInput {
  month: string;
  requestedCents: number;
  previousPayments: readonly PaceaPayment[];
  rsaCents: number;
  multiplier: number;
}

export type PaceaRefusalCode = "invalid_amount" | "ceiling_reached" | "ceiling_exceeded";

interface Ceiling {
  ceilingCents: number;
  /** Most already paid in a 12-month window holding the month. */
  usedCents: number;
  remainingCents: number;
  /** First and last months of the tightest window. */
  window: { from: string; to: string };
}

export type PaceaAllowanceResult =
  | ({ ok: true; allowedCents: number } & Ceiling)
  | ({ ok: false; code: PaceaRefusalCode; message: string } & Ceiling);

/** 6 × 651,69 € = 3 910,14 €. Rounded down to the cent. */
export function paceaCeilingCents(rsaCents: number, multiplier: number): number {
  if (!Number.isSafeInteger(rsaCents) || rsaCents <= 0) throw new RangeError(`Montant du RSA invalide : ${rsaCents}`);
  if (!(multiplier > 0)) throw new RangeError(`Multiplicateur invalide : ${multiplier}`);
  return Math.floor((rsaCents * Math.round(multiplier * 1000)) / 1000);
}

function monthIndex(month: string): number {
  firstDayOfMonth(month); // validates
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

export function checkPaceaAllowance({
  month,
  requestedCents,
  previousPayments,
  rsaCents,
  multiplier,
}: PaceaAllowanceInput): PaceaAllowanceResult {
  const target = monthIndex(month);
  const ceilingCents = paceaCeilingCents(rsaCents, multiplier);
  const paid = new Map<number, number>();
  for (const payment of previousPayments) {
    if (!Number.isSafeInteger(payment.cents)) throw new RangeError(`Paiement en centimes non entier : ${payment.cents}`);
    const index = monthIndex(payment.month);
    paid.set(index, (paid.get(index) ?? 0) + payment.cents);
  }

  // Windows [first, first + 11] holding the target: first from target − 11 to target.
  let usedCents = -1;
  let windowStart = target - 11;
  for (let first = target - 11; first <= target; first++) {
    let sum = 0;
    for (let m = first; m < first + 12; m++) sum += paid.get(m) ?? 0;
    if (sum > usedCents) {
      usedCents = sum;
      windowStart = first;
    }
  }
  const remainingCents = Math.max(0, ceilingCents - usedCents);
  const ceiling: Ceiling = {
    ceilingCents,
    usedCents,
    remainingCents,
    window: { from: monthOf(windowStart), to: monthOf(windowStart + 11) },
  };
  const period = `entre ${formatMonth(ceiling.window.from)} et ${formatMonth(ceiling.window.to)}`;

  if (!Number.isSafeInteger(requestedCents) || requestedCents <= 0) {
    return { ok: false, code: "invalid_amount", message: "Saisissez un montant positif, en euros et centimes.", ...ceiling };
  }
  if (requestedCents <= remainingCents) return { ok: true, allowedCents: requestedCents, ...ceiling };
  if (remainingCents === 0) {
    return {
      ok: false,
      code: "ceiling_reached",
      message: `Le plafond de l'allocation PACEA (${formatMoneyCents(ceilingCents)} sur 12 mois glissants) est atteint : ${formatMoneyCents(usedCents)} versés ${period}. Aucune allocation n'est possible pour ${formatMonth(month)}.`,
      ...ceiling,
    };
  }
  return {
    ok: false,
    code: "ceiling_exceeded",
    message: `Le montant demandé (${formatMoneyCents(requestedCents)}) dépasse le plafond de l'allocation PACEA : ${formatMoneyCents(usedCents)} déjà versés ${period}, sur ${formatMoneyCents(ceilingCents)} possibles en 12 mois glissants. Vous pouvez demander au plus ${formatMoneyCents(remainingCents)} pour ${formatMonth(month)}.`,
    ...ceiling,
  };
}
