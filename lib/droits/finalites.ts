/**
 * Finalities a request may name (an objection is per finality; a question is about one), taken from
 * the data map, with the rights its legal basis allows.
 */
import { FINALITY_LIST, type FinalityId } from "@/lib/data-map/finalities";
import { AVAILABILITY_LABELS, RIGHTS, rightsFor, type RightAssessment, type RightId } from "@/lib/data-map/rights";
import type { DemandeType } from "./labels";

export interface Finalite {
  id: string;
  label: string;
}

export const FINALITES: readonly Finalite[] = FINALITY_LIST.map((f) => ({ id: f.id, label: f.name }));
export const FINALITE_IDS: readonly string[] = FINALITES.map((f) => f.id);

export function finaliteLabel(id: string | null): string | null {
  if (!id) return null;
  return FINALITES.find((f) => f.id === id)?.label ?? id;
}

function isRight(type: DemandeType): type is RightId {
  return type in RIGHTS;
}

/** GDPR art. 20: portability is offered only if some finality's legal basis allows it (consent, contract). */
export function portabilityOffered(finalities: readonly Parameters<typeof rightsFor>[0][] = FINALITY_LIST): boolean {
  return finalities.some((f) => rightsFor(f).some((r) => r.right === "portabilite" && r.availability !== "non"));
}

/** What the data map says of this right for this finality ("Sous conditions : …"), to help the DPO decide. */
export function rightAssessment(type: DemandeType, finaliteId: string | null): (RightAssessment & { label: string }) | null {
  if (!finaliteId || !isRight(type)) return null;
  const finality = FINALITY_LIST.find((f) => f.id === finaliteId);
  const offer = finality ? rightsFor(finality).find((r) => r.right === type) : undefined;
  return offer ? { ...offer, label: AVAILABILITY_LABELS[offer.availability].staff } : null;
}

/** The finalities that concern a young person, from their programme (what the notice shows them). */
export function finalitesOfDispositif(dispositif: "aucun" | "PACEA" | "CEJ"): FinalityId[] {
  const own: FinalityId[] = dispositif === "CEJ" ? ["cej", "c2s", "allocation"] : dispositif === "PACEA" ? ["pacea", "allocation"] : [];
  return ["accompagnement", ...own, "statistiques", "droits"];
}

/**
 * The requests offered to the young person for their finalities: a right appears when at least one of
 * them allows it (portability: only for consent or contract, art. 20), plus a question on a transfer.
 */
export function typesOfferedFor(finalities: readonly FinalityId[]): DemandeType[] {
  const list = FINALITY_LIST.filter((f) => finalities.includes(f.id));
  const allowed = (right: RightId) => list.some((f) => rightsFor(f).some((r) => r.right === right && r.availability !== "non"));
  const rights = (["acces", "rectification", "effacement", "limitation", "opposition", "portabilite"] as const).filter((r) => allowed(r));
  return [...rights, "question_transmission"];
}
