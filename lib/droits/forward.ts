/** Where a request forwarded to France Travail stands (read by the DPO's steps and the request's page). */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { demandeEvenements, transmissions } from "@/db/schema";
import { forwardKey, forwardState, type ForwardState } from "./traitement-rules";

export interface ForwardInfo {
  state: ForwardState;
  /** Status of the forwarding transfer (it may be held by a limitation). */
  transmissionStatus: string | null;
  reponse: { at: Date; message: string } | null;
}

export async function forwardInfo(db: DbOrTx, demandeId: string): Promise<ForwardInfo> {
  const [t] = await db
    .select({ createdAt: transmissions.createdAt, status: transmissions.status })
    .from(transmissions)
    .where(eq(transmissions.idempotencyKey, forwardKey(demandeId)));
  const [answer] = await db
    .select({ at: demandeEvenements.at, message: demandeEvenements.message })
    .from(demandeEvenements)
    .where(and(eq(demandeEvenements.demandeId, demandeId), eq(demandeEvenements.type, "reponse_ft")))
    .orderBy(desc(demandeEvenements.at))
    .limit(1);
  return { state: forwardState(t?.createdAt ?? null, Boolean(answer)), transmissionStatus: t?.status ?? null, reponse: answer ?? null };
}

/** A forwarded request waits for France Travail's answer before the DPO answers the person. */
export async function awaitingFranceTravail(db: DbOrTx, demandeId: string): Promise<boolean> {
  return (await forwardInfo(db, demandeId)).state.kind === "en_attente";
}
