import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

/** A mission locale (an association with its own SIRET). */
export const structures = pgTable(
  "structures",
  {
    id: id(),
    name: text("name").notNull(),
    siret: text("siret").notNull(),
    departement: text("departement").notNull(),
    commune: text("commune").notNull(),
    /** Contact shown in notices and letters (DPO mailbox of the structure). */
    dpoEmail: text("dpo_email").notNull(),
    /** Deactivated instead of deleted: young people, accounts and the journal still refer to it. */
    active: boolean("active").notNull().default(true),
    /** Staff of this structure must use a second factor (always required for admin and DPO accounts). */
    mfaRequired: boolean("mfa_required").notNull().default(false),
    /** Optimistic lock: an edit made on an older version is refused, never overwrites. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("structures_siret_key").on(t.siret)],
);

/** A site of a mission locale. */
export const antennes = pgTable(
  "antennes",
  {
    id: id(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    commune: text("commune").notNull(),
    codePostal: text("code_postal").notNull(),
    /** A deactivated antenne is offered for no new assignment; the young people it follows keep it. */
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("antennes_structure_idx").on(t.structureId)],
);

export type Structure = typeof structures.$inferSelect;
export type Antenne = typeof antennes.$inferSelect;
