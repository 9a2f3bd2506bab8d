import type { Tx } from "@/db/client";
import type { AllocationDecision, Contrat } from "@/db/schema";

/** A pathway event that may oblige Sillage to send data (domain.md §5). */
export type ContratEvent =
  | { kind: "signature"; contrat: Contrat }
  | { kind: "modification" | "prolongation"; contrat: Contrat; before: Contrat }
  | { kind: "sortie"; contrat: Contrat }
  | { kind: "bascule"; from: Contrat; to: Contrat };

/**
 * Called inside the transaction of every contract change: writes the transfers the event requires into
 * the outbox (so they exist if and only if the change commits).
 */
export async function onContratEvent(_tx: Tx, _event: ContratEvent): Promise<void> {}

/** Called inside the transaction that stores a monthly allowance decision. */
export async function onAllocationDecision(_tx: Tx, _decision: AllocationDecision): Promise<void> {}
