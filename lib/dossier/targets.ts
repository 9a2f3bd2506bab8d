/**
 * Where a write's target file comes from, for `ActionDefinition.dossier`: the input's `jeuneId`, or the
 * owner of the row the input names (a contract, an action, a sanction…). The owner is read without a
 * structure filter on purpose: the gate then refuses another structure's file as "not found". A missing
 * row gives no target, and the handler's own load reports it as not found.
 */
import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { actionsJeune, contrats, demandesDroits, phases, sanctions, transmissions } from "@/db/schema";

type Owned = PgTable & { id: PgColumn; jeuneId: PgColumn };

async function ownerOf(tx: Tx, table: Owned, id: string): Promise<string[]> {
  const [row] = await tx.select({ jeuneId: table.jeuneId }).from(table).where(eq(table.id, id));
  const jeuneId = row?.jeuneId as string | null | undefined;
  return jeuneId ? [jeuneId] : [];
}

export const ownerOfContrat = (tx: Tx, contratId: string) => ownerOf(tx, contrats, contratId);
export const ownerOfPhase = (tx: Tx, phaseId: string) => ownerOf(tx, phases, phaseId);
export const ownerOfAction = (tx: Tx, actionId: string) => ownerOf(tx, actionsJeune, actionId);
export const ownerOfSanction = (tx: Tx, sanctionId: string) => ownerOf(tx, sanctions, sanctionId);
export const ownerOfTransmission = (tx: Tx, transmissionId: string) => ownerOf(tx, transmissions, transmissionId);
/** A rights request may concern someone with no file (the requester is not followed): then no target. */
export const ownerOfDemande = (tx: Tx, demandeId: string) => ownerOf(tx, demandesDroits, demandeId);

/** The common case: the input names the young person. */
export const inputJeune = <I extends { jeuneId: string }>(input: I): string[] => [input.jeuneId];
