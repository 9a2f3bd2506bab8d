import { and, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { transmissions, type Jeune, type TransmissionStatut } from "@/db/schema";
import type { FinalityId } from "@/lib/data-map/finalities";
import { RECIPIENTS, type RecipientId } from "@/lib/data-map/recipients";
import { NOTICE_KIND_LIST, type NoticeKind } from "./kinds";
import { appendLedger } from "./ledger";
import { buildPayload, enqueueTransmission, flowFor, ledgerBase, requireFlow } from "./enqueue";

/**
 * GDPR art. 19: each recipient to whom a young person's data were disclosed is told of their erasure
 * (art. 17) and of a limitation (art. 18) — and of its end, so that it may use them again. A notice
 * carries only the identity fields its flow already allows, so the recipient can find its record.
 */

const IDENTITY_FIELDS = ["nomNaissance", "nomUsage", "prenoms", "dateNaissance", "sexe", "nirEncrypted", "ftIdentifiant"] as const;

/** Statuses of a transfer still waiting to leave. */
export const WAITING_STATUSES = ["a_envoyer", "echec_temporaire", "retenue"] as const satisfies readonly TransmissionStatut[];

/** Statuses after which a payload is no longer needed: nothing will (re)send it without a new transfer. */
export const SETTLED_STATUSES = ["accusee", "rejetee", "abandonnee", "annulee"] as const satisfies readonly TransmissionStatut[];

export function noticeKey(kind: NoticeKind, ref: string, recipient: string, finality: string): string {
  return `${kind}:${ref}:${recipient}:${finality}`;
}

/** The identity part of a dossier, for a notice: never contact, pathway, payment or sensitive data. */
export function noticeData(jeune: Pick<Jeune, (typeof IDENTITY_FIELDS)[number]>): Record<string, unknown> {
  return Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, jeune[f]]));
}

/**
 * The recipient × finality pairs that received this person's data, in a stable order. Pseudonymised
 * flows (statistics) are left out: those recipients cannot tell who the person is (art. 11).
 */
export async function recipientsOfData(tx: Tx, jeuneId: string): Promise<{ recipient: RecipientId; finality: FinalityId }[]> {
  const rows = await tx
    .selectDistinct({ recipient: transmissions.recipient, finality: transmissions.finality })
    .from(transmissions)
    .where(and(eq(transmissions.jeuneId, jeuneId), inArray(transmissions.status, ["envoyee", "accusee"])));
  return rows
    .filter((r) => {
      const flow = flowFor(r.recipient, r.finality);
      return flow !== undefined && !flow.pseudonymised;
    })
    .sort((a, b) => `${a.recipient}.${a.finality}`.localeCompare(`${b.recipient}.${b.finality}`));
}

/**
 * Writes one notice per recipient × finality that received data, in the caller's transaction. Notices
 * leave even while the data are limited (enqueueTransmission does not hold them). `ref` names the event
 * (the request's id), so replaying it never sends twice. Returns the pairs told.
 */
export async function notifyRecipients(
  tx: Tx,
  jeune: Pick<Jeune, "id" | (typeof IDENTITY_FIELDS)[number]>,
  kind: NoticeKind,
  ref: string,
): Promise<{ recipient: RecipientId; finality: FinalityId }[]> {
  const told: { recipient: RecipientId; finality: FinalityId }[] = [];
  const data = noticeData(jeune);
  for (const pair of await recipientsOfData(tx, jeune.id)) {
    // A flow that allows none of the identity fields could not be matched by its recipient.
    if (buildPayload(pair.recipient, pair.finality, data).fieldNames.length === 0) continue;
    await enqueueTransmission(tx, {
      jeuneId: jeune.id,
      ...pair,
      kind,
      data,
      idempotencyKey: noticeKey(kind, ref, pair.recipient, pair.finality),
    });
    told.push(pair);
  }
  return told;
}

/** The distinct recipients' names of the pairs told, for the young person's event. */
export function recipientNames(pairs: readonly { recipient: RecipientId }[]): string[] {
  return [...new Set(pairs.map((p) => RECIPIENTS[p.recipient].name))];
}

/**
 * Moves the transfers still waiting to leave to `to` (annulee after an erasure, retenue when a limitation
 * starts), each with its ledger entry; notices are left alone. Returns how many moved.
 */
async function settleWaiting(
  tx: Tx,
  jeuneId: string,
  to: "annulee" | "retenue",
  from: readonly TransmissionStatut[],
  motif: string,
): Promise<number> {
  const rows = await tx
    .update(transmissions)
    .set({ status: to, nextAttemptAt: null })
    .where(
      and(
        eq(transmissions.jeuneId, jeuneId),
        inArray(transmissions.status, [...from]),
        notInArray(transmissions.kind, [...NOTICE_KIND_LIST]),
      ),
    )
    .returning();
  const now = new Date();
  for (const t of rows) await appendLedger(tx, { ...ledgerBase(t, requireFlow(t)), event: to, detail: { motif }, at: now });
  return rows.length;
}

/** After an erasure: nothing still waiting may leave with the erased data. */
export function cancelWaiting(tx: Tx, jeuneId: string): Promise<number> {
  return settleWaiting(tx, jeuneId, "annulee", WAITING_STATUSES, "effacement");
}

/** When a limitation starts: what was due is held at once, not when the worker next looks at it. */
export function holdWaiting(tx: Tx, jeuneId: string): Promise<number> {
  return settleWaiting(tx, jeuneId, "retenue", ["a_envoyer", "echec_temporaire"], "limitation");
}

/**
 * Empties the payloads of an anonymised person's settled transfers: the values go, the field names and
 * the payload hash (also in the ledger) stay as proof of what was sent. Waiting notices keep theirs
 * until they are delivered; the retention run empties them afterwards.
 */
export async function scrubSettledPayloads(tx: Tx, jeuneId?: string): Promise<number> {
  const rows = await tx
    .update(transmissions)
    .set({ payload: {} })
    .where(
      and(
        jeuneId
          ? eq(transmissions.jeuneId, jeuneId)
          : sql`${transmissions.jeuneId} in (select id from jeunes where anonymised_at is not null)`,
        // A notice refused or abandoned keeps its payload: it may still be relaunched.
        or(
          and(notInArray(transmissions.kind, [...NOTICE_KIND_LIST]), inArray(transmissions.status, [...SETTLED_STATUSES])),
          and(inArray(transmissions.kind, [...NOTICE_KIND_LIST]), eq(transmissions.status, "accusee")),
        ),
        sql`${transmissions.payload} <> '{}'::jsonb`,
      ),
    )
    .returning({ id: transmissions.id });
  return rows.length;
}
