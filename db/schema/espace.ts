import { customType, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { demandesDroits } from "./droits";
import { jeuneId, staffId, structureId } from "./foreign-keys";
import { users } from "./users";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Raw bytes (PostgreSQL bytea), read as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A one-time sign-in code for Mon espace (6 digits, 10 minutes, single use), or the longer-lived first link of
 * an invitation from the dossier. Only keyed hashes are kept: the code and the link exist only in the e-mail.
 */
export const signInCodes = pgTable(
  "sign_in_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "connexion" (typed address → code) or "invitation" (sent from the dossier by a counsellor). */
    purpose: text("purpose").notNull().default("connexion"),
    /** Keyed hash of the 6-digit code (compared in constant time). */
    codeHash: text("code_hash").notNull(),
    /** SHA-256 of the magic link's token, when the e-mail carries one. */
    linkHash: text("link_hash"),
    /** Wrong codes typed against this code. */
    attempts: integer("attempts").notNull().default(0),
    createdBy: staffId("created_by"),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    /** Replaced by a newer code, or closed by the lockout. */
    revokedAt: at("revoked_at"),
  },
  (t) => [index("sign_in_codes_user_idx").on(t.userId, t.createdAt), uniqueIndex("sign_in_codes_link_key").on(t.linkHash)],
);

/**
 * Bytes of an uploaded document or a prepared file, apart from the rows lists read (no list ever selects
 * this table). Shared by every instance through the database, so no folder has to be shared.
 */
export const storedFiles = pgTable("stored_files", {
  id: id(),
  structureId: structureId(),
  /** Content type checked from the bytes (magic numbers), not from the name. */
  contentType: text("content_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: createdAt(),
});

/** A document a young person sends for a rights request (e.g. proof of identity asked by the DPO). */
export const demandeDocuments = pgTable(
  "demande_documents",
  {
    id: id(),
    demandeId: uuid("demande_id")
      .notNull()
      .references(() => demandesDroits.id, { onDelete: "cascade" }),
    jeuneId: jeuneId(),
    structureId: structureId(),
    /** The name as sent, cleaned for display (never used as a path). */
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** null once deleted (request closed, retention rule): the row stays as a trace, the bytes go. */
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    uploadedBy: staffId("uploaded_by"),
    createdAt: createdAt(),
    deletedAt: at("deleted_at"),
  },
  (t) => [index("demande_documents_demande_idx").on(t.demandeId, t.createdAt), index("demande_documents_jeune_idx").on(t.jeuneId)],
);

export const packStatutEnum = pgEnum("pack_statut", ["en_attente", "en_preparation", "pret", "echec", "expire"]);

/**
 * A young person's request for their access pack (PDF + JSON), prepared in the background by the worker,
 * available 7 days. Its rights request (`demande_id`) puts it in the register.
 */
export const accessPackJobs = pgTable(
  "access_pack_jobs",
  {
    id: id(),
    jeuneId: jeuneId(),
    structureId: structureId(),
    demandeId: uuid("demande_id").references(() => demandesDroits.id, { onDelete: "set null" }),
    requestedBy: staffId("requested_by"),
    status: packStatutEnum("status").notNull().default("en_attente"),
    /** 0–100, shown while the pack is prepared. */
    progress: integer("progress").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    claimedAt: at("claimed_at"),
    /** Which worker holds it (host:pid), released on shutdown. */
    claimedBy: text("claimed_by"),
    pdfFileId: uuid("pdf_file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    jsonFileId: uuid("json_file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    /** Technical error code only. */
    lastError: text("last_error"),
    createdAt: createdAt(),
    readyAt: at("ready_at"),
    expiresAt: at("expires_at"),
  },
  (t) => [index("access_pack_jobs_jeune_idx").on(t.jeuneId, t.createdAt), index("access_pack_jobs_due_idx").on(t.status, t.createdAt)],
);

export type AccessPackJob = typeof accessPackJobs.$inferSelect;
export type PackStatut = (typeof packStatutEnum.enumValues)[number];
