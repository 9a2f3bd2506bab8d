import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { jeuneId, staffId, structureId } from "./foreign-keys";
import { contratTypeEnum, contrats } from "./parcours";

/**
 * A monthly allowance decision (CEJ or PACEA), stored with every input and the rule version used, so a
 * decision can be explained and recomputed years later even after the settings changed.
 */
export const allocationDecisions = pgTable(
  "allocation_decisions",
  {
    id: id(),
    structureId: structureId(),
    jeuneId: jeuneId(),
    contratId: uuid("contrat_id")
      .notNull()
      .references(() => contrats.id, { onDelete: "restrict" }),
    dispositif: contratTypeEnum("dispositif").notNull(),
    /** "YYYY-MM". */
    mois: text("mois").notNull(),
    montantCents: integer("montant_cents").notNull(),
    /** Computation inputs (household status, income, amounts in force, sanctions applied…): no identity. */
    entrees: jsonb("entrees").$type<Record<string, unknown>>().notNull(),
    /** Setting keys and effective dates used, e.g. "cej.allocation.montants@2025-04-01". */
    regleVersion: text("regle_version").notNull(),
    explication: text("explication").notNull(),
    decideePar: staffId("decidee_par"),
    decideeLe: timestamp("decidee_le", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** A corrected decision supersedes the previous one for the same month (kept for the record). */
    remplaceeParId: uuid("remplacee_par_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("allocation_decisions_current_idx").on(t.contratId, t.mois).where(sql`${t.remplaceeParId} is null`),
    index("allocation_decisions_jeune_idx").on(t.jeuneId, t.mois),
    check("allocation_decisions_mois_check", sql`${t.mois} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("allocation_decisions_montant_check", sql`${t.montantCents} >= 0`),
  ],
);

export type AllocationDecision = typeof allocationDecisions.$inferSelect;
