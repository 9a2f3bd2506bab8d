import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { FinalityId } from "@/lib/data-map/finalities";
import type { LegalBasisId } from "@/lib/data-map/legal-bases";
import type { RecipientId } from "@/lib/data-map/recipients";
import { createdAt, id } from "./columns";
import { jeuneId, structureId } from "./foreign-keys";

/**
 * a_envoyer: due; envoyee: handed over, acknowledgement pending; accusee: acknowledged by the recipient;
 * echec_temporaire: will be retried at next_attempt_at; rejetee: refused for good by the recipient;
 * retenue: held while the person's data is limited (GDPR art. 18); abandonnee: too many failures (dead letter);
 * annulee: withdrawn before it left, because the person's data were erased (GDPR art. 17).
 */
export const transmissionStatutEnum = pgEnum("transmission_statut", [
  "a_envoyer",
  "envoyee",
  "accusee",
  "echec_temporaire",
  "rejetee",
  "retenue",
  "abandonnee",
  "annulee",
]);

/**
 * effacement, limitation, levee_limitation: GDPR art. 19 notices to a recipient that received the
 * person's data (identity only, so the recipient can find the record), sent even while data are limited.
 */
export const transmissionKindEnum = pgEnum("transmission_kind", [
  "inscription",
  "mise_a_jour",
  "sortie",
  "c2s",
  "paiement",
  "rectification",
  "demande_transmise",
  "effacement",
  "limitation",
  "levee_limitation",
]);

export const ledgerEventEnum = pgEnum("transmission_ledger_event", [
  "creee",
  "envoyee",
  "accusee",
  "echec",
  "rejetee",
  "retenue",
  "liberee",
  "abandonnee",
  "annulee",
]);

export type TransmissionPayloadValue = string | number | boolean | null;
export type TransmissionPayload = Record<string, TransmissionPayloadValue>;
/** Non-personal context of a ledger event or error (attempt number, technical error code…). */
export type LedgerDetail = Record<string, string | number | boolean | null>;

/**
 * The outbox: one row per transfer of a young person's data to a recipient (domain.md §5). The payload
 * holds exactly the fields the data map allows for recipient × finality; it is written in the same
 * transaction as the business change, then delivered by lib/transmissions/worker.ts.
 */
export const transmissions = pgTable(
  "transmissions",
  {
    id: id(),
    structureId: structureId(),
    jeuneId: jeuneId(),
    recipient: text("recipient").$type<RecipientId>().notNull(),
    finality: text("finality").$type<FinalityId>().notNull(),
    kind: transmissionKindEnum("kind").notNull(),
    /** Chosen by the caller from the business event: the same event never yields two transfers. */
    idempotencyKey: text("idempotency_key").notNull(),
    payload: jsonb("payload").$type<TransmissionPayload>().notNull(),
    fieldNames: text("field_names").array().notNull(),
    /** Keyed hash (recordHash) of the payload, also written to the ledger. */
    payloadHash: text("payload_hash").notNull(),
    status: transmissionStatutEnum("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }),
    /** Technical error only (code, HTTP status): never personal data. */
    lastError: text("last_error"),
    /** The recipient's identifier for the transfer. */
    acknowledgement: text("acknowledgement"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("transmissions_idempotency_key_idx").on(t.idempotencyKey),
    index("transmissions_due_idx").on(t.status, t.nextAttemptAt),
    index("transmissions_jeune_idx").on(t.jeuneId, t.createdAt),
    index("transmissions_structure_idx").on(t.structureId, t.createdAt),
  ],
);

export type Transmission = typeof transmissions.$inferSelect;
export type TransmissionStatut = (typeof transmissionStatutEnum.enumValues)[number];
export type TransmissionKind = (typeof transmissionKindEnum.enumValues)[number];
export type LedgerEvent = (typeof ledgerEventEnum.enumValues)[number];

/**
 * Tamper-evident ledger of every transfer event, append-only (trigger) and hash-chained
 * (lib/transmissions/ledger.ts): hash = sha256(prev_hash + canonical JSON of the entry). No FK, so the
 * proof outlives the rows it speaks of; field names and a keyed payload hash, never the values.
 */
export const transmissionLedger = pgTable(
  "transmission_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    transmissionId: uuid("transmission_id").notNull(),
    jeuneId: uuid("jeune_id").notNull(),
    structureId: uuid("structure_id").notNull(),
    event: ledgerEventEnum("event").notNull(),
    recipient: text("recipient").$type<RecipientId>().notNull(),
    finality: text("finality").$type<FinalityId>().notNull(),
    legalBasis: text("legal_basis").$type<LegalBasisId>().notNull(),
    fieldNames: text("field_names").array().notNull(),
    payloadHash: text("payload_hash").notNull(),
    detail: jsonb("detail").$type<LedgerDetail>(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("transmission_ledger_transmission_idx").on(t.transmissionId, t.id),
    index("transmission_ledger_jeune_idx").on(t.jeuneId, t.id),
  ],
);

export type LedgerEntry = typeof transmissionLedger.$inferSelect;
