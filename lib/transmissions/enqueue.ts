import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  jeunes,
  transmissions,
  type Transmission,
  type TransmissionKind,
  type TransmissionPayload,
  type TransmissionPayloadValue,
} from "@/db/schema";
import { FLOW_LIST, allowedFields, type Flow } from "@/lib/data-map/flows";
import type { FinalityId } from "@/lib/data-map/finalities";
import type { RecipientId } from "@/lib/data-map/recipients";
import { recordHash } from "@/lib/crypto/keys";
import { isNoticeKind } from "./kinds";
import { appendLedger } from "./ledger";

export interface EnqueueInput {
  jeuneId: string;
  recipient: RecipientId;
  finality: FinalityId;
  kind: TransmissionKind;
  /** Candidate values, keyed by data-map field id. Anything the flow does not allow is dropped here. */
  data: Readonly<Record<string, unknown>>;
  /** Derived from the business event (e.g. `cej-signature:<contratId>`): the same key never sends twice. */
  idempotencyKey: string;
}

export class TransmissionError extends Error {
  constructor(
    readonly code: "flux_inconnu" | "charge_vide" | "jeune_introuvable" | "cle_reutilisee",
    message: string,
  ) {
    super(message);
    this.name = "TransmissionError";
  }
}

export function flowFor(recipient: RecipientId, finality: FinalityId): Flow | undefined {
  return FLOW_LIST.find((f) => f.recipient === recipient && f.finality === finality);
}

function toPayloadValue(value: unknown): TransmissionPayloadValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return value.toISOString();
  // Objects and arrays are not data-map fields: refusing them keeps the payload flat and reviewable.
  return undefined;
}

/**
 * The payload for a recipient × finality: only the fields the data map allows (allowedFields), in
 * sorted order; every other key — and so every sensitive or never-transmitted field — is dropped.
 */
export function buildPayload(
  recipient: RecipientId,
  finality: FinalityId,
  data: Readonly<Record<string, unknown>>,
): { payload: TransmissionPayload; fieldNames: string[] } {
  const allowed = allowedFields(recipient, finality) as ReadonlySet<string>;
  const payload: TransmissionPayload = {};
  for (const key of Object.keys(data).sort()) {
    if (!allowed.has(key)) continue;
    const value = toPayloadValue(data[key]);
    if (value !== undefined) payload[key] = value;
  }
  return { payload, fieldNames: Object.keys(payload) };
}

/**
 * Writes a transfer into the outbox, in the caller's transaction (so it exists if and only if the
 * business change commits), with its `creee` ledger entry — and `retenue` when the young person's data
 * is limited (GDPR art. 18): nothing leaves until releaseHeld — except the art. 19 notices, which tell the
 * recipients of that very limitation or of an erasure. Idempotent on `idempotencyKey`.
 */
export async function enqueueTransmission(tx: Tx, input: EnqueueInput): Promise<{ transmission: Transmission; created: boolean }> {
  const flow = flowFor(input.recipient, input.finality);
  if (!flow) throw new TransmissionError("flux_inconnu", `Aucun flux prévu vers ${input.recipient} pour la finalité ${input.finality}.`);

  const existing = await findByKey(tx, input.idempotencyKey);
  if (existing) return { transmission: sameRequest(existing, input), created: false };

  const [jeune] = await tx
    .select({ structureId: jeunes.structureId, limitationDepuis: jeunes.limitationDepuis })
    .from(jeunes)
    .where(eq(jeunes.id, input.jeuneId));
  if (!jeune) throw new TransmissionError("jeune_introuvable", "Dossier introuvable.");

  const { payload, fieldNames } = buildPayload(input.recipient, input.finality, input.data);
  if (fieldNames.length === 0) throw new TransmissionError("charge_vide", "Aucune donnée autorisée à transmettre pour ce flux.");

  const held = jeune.limitationDepuis !== null && !isNoticeKind(input.kind);
  const now = new Date();
  const [row] = await tx
    .insert(transmissions)
    .values({
      structureId: jeune.structureId,
      jeuneId: input.jeuneId,
      recipient: input.recipient,
      finality: input.finality,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      payload,
      fieldNames,
      payloadHash: recordHash(payload),
      status: held ? "retenue" : "a_envoyer",
      nextAttemptAt: held ? null : now,
    })
    .onConflictDoNothing({ target: transmissions.idempotencyKey })
    .returning();
  if (!row) {
    // A concurrent transaction inserted the same key first.
    const winner = await findByKey(tx, input.idempotencyKey);
    if (!winner) throw new Error("transmission vanished after an idempotency conflict");
    return { transmission: sameRequest(winner, input), created: false };
  }

  const base = ledgerBase(row, flow);
  await appendLedger(tx, { ...base, event: "creee", detail: { kind: row.kind }, at: now });
  if (held) await appendLedger(tx, { ...base, event: "retenue", detail: { motif: "limitation" }, at: now });
  return { transmission: row, created: true };
}

/**
 * After a limitation is lifted: the held transfers of this young person go back to the queue in
 * creation order, each with a `liberee` ledger entry. Does nothing while the limitation is still on.
 */
export async function releaseHeld(tx: Tx, jeuneId: string): Promise<Transmission[]> {
  const [jeune] = await tx.select({ limitationDepuis: jeunes.limitationDepuis }).from(jeunes).where(eq(jeunes.id, jeuneId)).for("update");
  if (!jeune || jeune.limitationDepuis !== null) return [];
  const held = await tx
    .select()
    .from(transmissions)
    .where(and(eq(transmissions.jeuneId, jeuneId), eq(transmissions.status, "retenue")))
    .orderBy(asc(transmissions.createdAt), asc(transmissions.id))
    .for("update");
  const released: Transmission[] = [];
  const now = new Date();
  for (const t of held) {
    const [row] = await tx
      .update(transmissions)
      .set({ status: "a_envoyer", nextAttemptAt: now })
      .where(eq(transmissions.id, t.id))
      .returning();
    await appendLedger(tx, { ...ledgerBase(t, requireFlow(t)), event: "liberee", at: now });
    released.push(row!);
  }
  return released;
}

async function findByKey(tx: Tx, key: string): Promise<Transmission | undefined> {
  const [row] = await tx.select().from(transmissions).where(eq(transmissions.idempotencyKey, key));
  return row;
}

function sameRequest(existing: Transmission, input: EnqueueInput): Transmission {
  if (
    existing.jeuneId !== input.jeuneId ||
    existing.recipient !== input.recipient ||
    existing.finality !== input.finality ||
    existing.kind !== input.kind
  ) {
    throw new TransmissionError("cle_reutilisee", "Cette clé d'idempotence désigne déjà une autre transmission.");
  }
  return existing;
}

export function requireFlow(t: Pick<Transmission, "recipient" | "finality">): Flow {
  const flow = flowFor(t.recipient, t.finality);
  if (!flow) throw new TransmissionError("flux_inconnu", `Aucun flux prévu vers ${t.recipient} pour la finalité ${t.finality}.`);
  return flow;
}

export function ledgerBase(t: Transmission, flow: Flow) {
  return {
    transmissionId: t.id,
    jeuneId: t.jeuneId,
    structureId: t.structureId,
    recipient: t.recipient,
    finality: t.finality,
    legalBasis: flow.legalBasis,
    fieldNames: t.fieldNames,
    payloadHash: t.payloadHash,
  };
}
