/**
 * A month's allowance after the DECIDED sanctions covering that month. Pure.
 *
 * Choice (to confirm): when several decided sanctions cover the same month, the largest share applies
 * (shares are not added up, so a month is never cut twice); the other ones are named in the explanation.
 * The amount withheld is rounded down to the cent, in the young person's favour.
 */
import { formatMoneyCents, formatLongCivilDate, formatMonth } from "@/lib/format/fr";
import { effectCovers, type DecidedEffect } from "@/lib/sanctions/effet";

export interface DecidedSanction {
  id: string;
  dateFait: string;
  palier: string;
  effet: DecidedEffect;
}

export interface AppliedSanction {
  sanctionId: string;
  dateFait: string;
  palier: string;
  pourcentage: number;
  retenueCents: number;
}

export interface SanctionOutcome {
  cents: number;
  withheldCents: number;
  /** The sanction applied (the largest share), null when none covers the month. */
  applied: AppliedSanction | null;
  /** Other sanctions covering the month, not applied on top. */
  alsoCovering: string[];
  /** French sentence to append to the rule's explanation, null when no sanction covers the month. */
  explanation: string | null;
}

export function applySanctionEffects(amountCents: number, month: string, sanctions: readonly DecidedSanction[]): SanctionOutcome {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`Montant en centimes invalide : ${amountCents}`);
  const covering = sanctions.filter((s) => effectCovers(s.effet, month));
  if (covering.length === 0) return { cents: amountCents, withheldCents: 0, applied: null, alsoCovering: [], explanation: null };

  // Largest share first; on a tie, the earliest fact.
  const [top, ...others] = [...covering].sort((a, b) => b.effet.pourcentage - a.effet.pourcentage || a.dateFait.localeCompare(b.dateFait));
  const withheldCents = Math.floor((amountCents * top!.effet.pourcentage) / 100);
  const cents = amountCents - withheldCents;
  const share = top!.effet.pourcentage === 100 ? "supprimée" : `réduite de ${top!.effet.pourcentage}\u00a0%`;
  let explanation = `Sanction décidée pour le manquement du ${formatLongCivilDate(top!.dateFait)} : l'allocation de ${formatMonth(month)} est ${share}`;
  explanation += withheldCents > 0 ? ` (${formatMoneyCents(withheldCents)} retenus) : ${formatMoneyCents(cents)} à verser.` : ".";
  if (others.length > 0) {
    explanation += ` ${others.length === 1 ? "Une autre sanction couvre" : `${others.length} autres sanctions couvrent`} aussi ce mois : seule la plus forte s'applique.`;
  }
  return {
    cents,
    withheldCents,
    applied: {
      sanctionId: top!.id,
      dateFait: top!.dateFait,
      palier: top!.palier,
      pourcentage: top!.effet.pourcentage,
      retenueCents: withheldCents,
    },
    alsoCovering: others.map((s) => s.id),
    explanation,
  };
}
