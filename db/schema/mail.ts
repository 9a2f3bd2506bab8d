import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { demandesDroits } from "./droits";
import { jeunes } from "./jeunes";
import { structures } from "./structures";

/**
 * a_envoyer: due; envoye: handed to the transport; echec_temporaire: retried at next_attempt_at;
 * abandonne: too many failures (dead letter), listed for the DPO and the director until relaunched.
 */
export const mailStatutEnum = pgEnum("mail_statut", ["a_envoyer", "envoye", "echec_temporaire", "abandonne"]);

/** An attachment as queued: the bytes travel base64-encoded inside the row, so the message is whole on its own. */
export interface QueuedAttachment {
  filename: string;
  contentType: string;
  base64: string;
}

/**
 * The mail outbox: every message is written in the transaction of the act that sends it, sent right after
 * commit, and retried by the worker (lib/mail/outbox.ts). Once sent, the body and attachments are cleared:
 * only the envelope stays, for the history.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: id(),
    /** The mission locale the message is sent for; null for the platform's own (an admin's invitation). */
    structureId: uuid("structure_id").references(() => structures.id, { onDelete: "restrict" }),
    /** What the message is, e.g. "droits.accuse", "droits.reponse" (lib/mail/kinds.ts). */
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    attachments: jsonb("attachments").$type<QueuedAttachment[]>().notNull().default([]),
    status: mailStatutEnum("status").notNull().default("a_envoyer"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }),
    /** Technical error code only (ECONNREFUSED, EAUTH…): never an address nor the server's text. */
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    /** What the message is about, for display (kept when the request or the file goes). */
    demandeId: uuid("demande_id").references(() => demandesDroits.id, { onDelete: "set null" }),
    jeuneId: uuid("jeune_id").references(() => jeunes.id, { onDelete: "set null" }),
  },
  (t) => [
    index("mail_messages_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_messages_structure_idx").on(t.structureId, t.status, t.createdAt),
    index("mail_messages_jeune_idx").on(t.jeuneId),
  ],
);

export type MailMessageRow = typeof mailMessages.$inferSelect;
export type MailStatut = (typeof mailStatutEnum.enumValues)[number];
