import { formatMoneyCents } from "@/lib/format/fr";
import { FOYERS } from "./schema";

/** The inputs of a stored decision, in one short line ("Foyer non imposable · ressources déduites en partie 400,00 €"). */
export function describeBasis(dispositif: "CEJ" | "PACEA", entrees: Record<string, unknown>): string {
  const money = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) ? formatMoneyCents(v) : "—");
  if (dispositif === "PACEA")
    return `Montant demandé ${money(entrees.montantDemandeCents)} · plafond ${money(entrees.plafondCents)} sur 12 mois glissants`;
  const foyer = FOYERS[entrees.foyer as keyof typeof FOYERS] ?? "Situation du foyer non renseignée";
  const who =
    entrees.base === "mineur" ? "Jeune mineur au 1er du mois" : entrees.base === "non_eligible" ? `${foyer} (non éligible)` : foyer;
  const cents = (v: unknown) => (typeof v === "number" && v > 0 ? v : 0);
  const partly = cents(entrees.ressourcesDeduitesEnPartieCents);
  const fully = cents(entrees.ressourcesDeduitesEnTotaliteCents);
  // Decisions recorded before the D5131-23 reduction stored one figure, the activity income.
  const former = cents(entrees.revenusActiviteCents);
  const resources = [
    ...(partly ? [`ressources déduites en partie ${money(partly)}`] : []),
    ...(fully ? [`ressources déduites en totalité ${money(fully)}`] : []),
    ...(former ? [`revenus d'activité ${money(former)}`] : []),
  ];
  const income = resources.length > 0 ? ` · ${resources.join(" · ")}` : " · pas d'autres ressources";
  return `${who}${income}`;
}
