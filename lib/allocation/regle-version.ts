/**
 * The rule version stored with each allowance decision: the dated settings used, as
 * "key@effective-date" joined by ";" (e.g. "cej.allocation.montants@2025-04-01;cej.sanctions.bareme@2025-06-01"),
 * so a decision can be explained and recomputed after the settings changed. Pure.
 */
import { isValidCivilDate, type CivilDate } from "@/lib/calendar/civil-date";
import { formatLongCivilDate } from "@/lib/format/fr";

export interface RuleRef {
  key: string;
  effectiveFrom: CivilDate;
}

const KEY = /^[a-z0-9_.]+$/;

/** Unique refs, in the order first given; throws a RangeError on a malformed key or date (programmer error). */
export function formatRegleVersion(refs: readonly RuleRef[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const { key, effectiveFrom } of refs) {
    if (!KEY.test(key)) throw new RangeError(`Clé de paramètre invalide : ${JSON.stringify(key)}`);
    if (!isValidCivilDate(effectiveFrom)) throw new RangeError(`Date d'effet invalide : ${JSON.stringify(effectiveFrom)}`);
    const part = `${key}@${effectiveFrom}`;
    if (!seen.has(part)) {
      seen.add(part);
      parts.push(part);
    }
  }
  return parts.join(";");
}

/** Inverse of formatRegleVersion; malformed parts are skipped (old rows stay readable). */
export function parseRegleVersion(value: string): RuleRef[] {
  return value
    .split(";")
    .map((part) => part.trim().split("@"))
    .filter((pair): pair is [string, string] => pair.length === 2 && KEY.test(pair[0]!) && isValidCivilDate(pair[1]))
    .map(([key, effectiveFrom]) => ({ key, effectiveFrom }));
}

const PLAIN: Record<string, string> = {
  "cej.allocation.montants": "montants de l'allocation CEJ",
  "cej.allocation.degressivite": "réduction pour autres ressources",
  // Decisions recorded before 2026-12 name the provisional formula this key held.
  "cej.allocation.reduction": "réduction provisoire pour revenus d'activité",
  "cej.sanctions.bareme": "barème des sanctions",
  "pacea.allocation.plafond": "plafond de l'allocation PACEA",
  "rsa.montant_personne_seule": "montant du RSA",
  "smic.brut_mensuel": "SMIC brut mensuel",
};

/** "montants de l'allocation CEJ en vigueur depuis le 1er avril 2025", one line per setting. */
export function describeRegleVersion(value: string): string[] {
  return parseRegleVersion(value).map(
    ({ key, effectiveFrom }) => `${PLAIN[key] ?? key} en vigueur depuis le ${formatLongCivilDate(effectiveFrom)}`,
  );
}
