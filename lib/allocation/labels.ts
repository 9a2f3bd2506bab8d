import { formatMoneyCents } from "@/lib/format/fr";
import { FOYERS } from "./schema";

/** The inputs of a stored decision, in one short line ("Foyer non imposable · revenus d'activité 400,00 €"). */
export function describeBasis(dispositif: "CEJ" | "PACEA", entrees: Record<string, unknown>): string {
  const money = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) ? formatMoneyCents(v) : "—");
  if (dispositif === "PACEA")
    return `Montant demandé ${money(entrees.montantDemandeCents)} · plafond ${money(entrees.plafondCents)} sur 12 mois glissants`;
  const foyer = FOYERS[entrees.foyer as keyof typeof FOYERS] ?? "Situation du foyer non renseignée";
  const who =
    entrees.base === "mineur" ? "Jeune mineur au 1er du mois" : entrees.base === "non_eligible" ? `${foyer} (non éligible)` : foyer;
  const income =
    typeof entrees.revenusActiviteCents === "number" && entrees.revenusActiviteCents > 0
      ? ` · revenus d'activité ${money(entrees.revenusActiviteCents)}`
      : " · pas de revenus d'activité";
  return `${who}${income}`;
}
