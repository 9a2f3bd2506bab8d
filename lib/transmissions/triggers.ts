/**
 * Which pathway events oblige Sillage to send data, to whom and with what (domain.md §5, lib/data-map/flows.ts):
 * - France Travail (finality `cej` or `pacea`, by the contract's type): signature → `inscription`; change of
 *   dates or extension → `mise_a_jour`; end → `sortie`. A CEJ ↔ PACEA switch is an end then a signature.
 * - ASP (finality `allocation`): every monthly decision with an amount to pay → `paiement`.
 * - CNAM/CPAM (finality `c2s`): a CEJ allowance granted to someone in a non-taxable household, on or after the
 *   date set by `c2s.presomption.date_debut` → `c2s` when the allowance starts for the contract, and when a
 *   later decision stops it (amount 0 or the household becomes taxable).
 *
 * Everything is written to the outbox inside the caller's transaction (enqueueTransmission): the transfer
 * exists if and only if the change commits; the payload keeps only the fields the data map allows; the
 * idempotency key comes from the event, so replaying an event never sends twice. An anonymised dossier
 * sends nothing.
 */
import { and, desc, eq, isNull, lt, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { allocationDecisions, jeunes, type AllocationDecision, type Contrat, type Jeune, type TransmissionKind } from "@/db/schema";
import type { FinalityId } from "@/lib/data-map/finalities";
import { settingInForce } from "@/lib/settings/read";
import { enqueueTransmission } from "./enqueue";

/** A pathway event that may oblige Sillage to send data (domain.md §5). */
export type ContratEvent =
  | { kind: "signature"; contrat: Contrat }
  | { kind: "modification" | "prolongation"; contrat: Contrat; before: Contrat }
  | { kind: "sortie"; contrat: Contrat }
  | { kind: "bascule"; from: Contrat; to: Contrat };

async function loadJeune(tx: Tx, jeuneId: string): Promise<Jeune | null> {
  const [jeune] = await tx.select().from(jeunes).where(eq(jeunes.id, jeuneId));
  return jeune && jeune.anonymisedAt === null ? jeune : null;
}

/** The contract as the data map names its fields (lib/data-map/categories.ts, category `parcours`). */
export function contratData(contrat: Contrat): Record<string, string | null> {
  return {
    dispositif: contrat.finReelle === null ? contrat.type : "aucun",
    contratType: contrat.type,
    contratDateDebut: contrat.debut,
    contratDateFin: contrat.finReelle ?? contrat.finPrevue,
    motifSortie: contrat.motifSortie,
  };
}

function finalityOf(contrat: Contrat): FinalityId {
  return contrat.type === "CEJ" ? "cej" : "pacea";
}

async function sendToFranceTravail(tx: Tx, jeune: Jeune, contrat: Contrat, kind: TransmissionKind, idempotencyKey: string): Promise<void> {
  await enqueueTransmission(tx, {
    jeuneId: jeune.id,
    recipient: "franceTravail",
    finality: finalityOf(contrat),
    kind,
    data: { ...jeune, ...contratData(contrat) },
    idempotencyKey,
  });
}

/**
 * Called inside the transaction of every contract change: writes the transfers the event requires into
 * the outbox (so they exist if and only if the change commits).
 */
export async function onContratEvent(tx: Tx, event: ContratEvent): Promise<void> {
  const jeuneId = event.kind === "bascule" ? event.to.jeuneId : event.contrat.jeuneId;
  const jeune = await loadJeune(tx, jeuneId);
  if (!jeune) return;
  switch (event.kind) {
    case "signature":
      await sendToFranceTravail(tx, jeune, event.contrat, "inscription", `contrat-signature:${event.contrat.id}`);
      return;
    case "modification":
    case "prolongation": {
      const before = contratData(event.before);
      const after = contratData(event.contrat);
      // Only what France Travail holds: a change of the counsellor's notes or of the extension reason alone sends nothing.
      if (Object.keys(after).every((k) => before[k] === after[k])) return;
      await sendToFranceTravail(tx, jeune, event.contrat, "mise_a_jour", `contrat-maj:${event.contrat.id}:v${event.contrat.version}`);
      return;
    }
    case "sortie":
      await sendToFranceTravail(tx, jeune, event.contrat, "sortie", `contrat-sortie:${event.contrat.id}`);
      return;
    case "bascule":
      await sendToFranceTravail(tx, jeune, event.from, "sortie", `contrat-sortie:${event.from.id}`);
      await sendToFranceTravail(tx, jeune, event.to, "inscription", `contrat-signature:${event.to.id}`);
      return;
  }
}

/** Household tax status recorded in a decision's inputs (`entrees.foyer`), if any. */
function foyerOf(decision: Pick<AllocationDecision, "entrees">): string | null {
  const foyer = decision.entrees.foyer;
  return typeof foyer === "string" ? foyer : null;
}

/** A CEJ decision that makes the person presumed entitled to the C2S: an amount paid, a non-taxable household. */
export function opensC2s(decision: Pick<AllocationDecision, "dispositif" | "montantCents" | "entrees">): boolean {
  return decision.dispositif === "CEJ" && decision.montantCents > 0 && foyerOf(decision) === "non_imposable";
}

/** Called inside the transaction that stores a monthly allowance decision. */
export async function onAllocationDecision(tx: Tx, decision: AllocationDecision): Promise<void> {
  const jeune = await loadJeune(tx, decision.jeuneId);
  if (!jeune) return;
  const allocation = {
    dispositif: decision.dispositif,
    allocationMontant: decision.montantCents,
    allocationPeriode: decision.mois,
    foyerImposable: foyerOf(decision) === null ? null : foyerOf(decision) !== "non_imposable",
  };

  if (decision.montantCents > 0) {
    await enqueueTransmission(tx, {
      jeuneId: jeune.id,
      recipient: "asp",
      finality: "allocation",
      kind: "paiement",
      data: { ...jeune, ...allocation },
      idempotencyKey: `allocation-paiement:${decision.id}`,
    });
  }

  if (decision.dispositif !== "CEJ") return;
  const c2sStart = await settingInForce(tx, "c2s.presomption.date_debut", `${decision.mois}-01`);
  if (!c2sStart || `${decision.mois}-01` < c2sStart.value.date) return;

  // What CPAM was last told about: the decision this one corrects (same month), else the latest current
  // decision of this contract for an earlier month.
  const [corrected] = await tx.select().from(allocationDecisions).where(eq(allocationDecisions.remplaceeParId, decision.id)).limit(1);
  const [earlier] = await tx
    .select()
    .from(allocationDecisions)
    .where(
      and(
        eq(allocationDecisions.contratId, decision.contratId),
        ne(allocationDecisions.id, decision.id),
        isNull(allocationDecisions.remplaceeParId),
        lt(allocationDecisions.mois, decision.mois),
      ),
    )
    .orderBy(desc(allocationDecisions.mois))
    .limit(1);
  const previous = corrected ?? earlier;
  const wasOpen = previous !== undefined && opensC2s(previous) && previous.mois >= c2sStart.value.date.slice(0, 7);
  const isOpen = opensC2s(decision);
  if (isOpen === wasOpen) return;
  await enqueueTransmission(tx, {
    jeuneId: jeune.id,
    recipient: "cnamCpam",
    finality: "c2s",
    kind: "c2s",
    data: { ...jeune, ...allocation },
    idempotencyKey: `${isOpen ? "c2s-debut" : "c2s-fin"}:${decision.id}`,
  });
}
