import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { roleEnum } from "./users";

/**
 * Who did what, when, to which record. No personal data in clear: changed *field names* and SHA-256
 * hashes of the record before and after, so a later dispute can be settled against a backup.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorRole: roleEnum("actor_role"),
    structureId: uuid("structure_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    /** The jeune concerned, if any: feeds the dossier's "Historique" tab and the young person's journey. */
    jeuneId: uuid("jeune_id"),
    fields: text("fields").array().notNull().default([]),
    beforeHash: text("before_hash"),
    afterHash: text("after_hash"),
    /** Non-personal context (e.g. { motif: "sortie_emploi" }); never identity, NIR, health or justice data. */
    meta: jsonb("meta").$type<Record<string, string | number | boolean | null>>(),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_structure_at_idx").on(t.structureId, t.at),
    index("audit_jeune_at_idx").on(t.jeuneId, t.at),
    index("audit_actor_at_idx").on(t.actorId, t.at),
    /** An account's history (/admin/comptes/<id>, /journal?compte=): entries about one target, newest first. */
    index("audit_target_at_idx").on(t.targetType, t.targetId, t.at),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
