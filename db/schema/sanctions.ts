import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { jeuneId, staffId, structureId } from "./foreign-keys";
import { contrats } from "./parcours";

export const sanctionStatutEnum = pgEnum("sanction_statut", ["proposee", "contradictoire", "decidee", "abandonnee"]);

/**
 * An unjustified failure and what was done about it: proposed (by the system after repeated unexcused
 * absences, or by the counsellor), the young person's answer (contradictoire), then decided or dropped.
 * The ladder is the one in force at the date of the fact (`date_fait`).
 */
export const sanctions = pgTable(
  "sanctions",
  {
    id: id(),
    structureId: structureId(),
    jeuneId: jeuneId(),
    contratId: uuid("contrat_id")
      .notNull()
      .references(() => contrats.id, { onDelete: "restrict" }),
    dateFait: date("date_fait", { mode: "string" }).notNull(),
    /** What happened (e.g. three unexcused absences): the counsellor's words. */
    motif: text("motif").notNull(),
    /** The participations (unexcused absences) this failure is made of, if any. */
    participationIds: uuid("participation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    regime: text("regime").notNull(),
    palier: text("palier").notNull(),
    palierIndex: integer("palier_index").notNull(),
    baremeEnVigueurDepuis: date("bareme_en_vigueur_depuis", { mode: "string" }).notNull(),
    statut: sanctionStatutEnum("statut").notNull().default("proposee"),
    reponseJeune: text("reponse_jeune"),
    reponseLe: date("reponse_le", { mode: "string" }),
    decision: text("decision"),
    /** Effect on the allowance decided (percent, months, first month…). */
    effet: jsonb("effet").$type<Record<string, unknown>>(),
    decideeLe: date("decidee_le", { mode: "string" }),
    decideePar: staffId("decidee_par"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sanctions_jeune_idx").on(t.jeuneId, t.dateFait), index("sanctions_structure_statut_idx").on(t.structureId, t.statut)],
);

export type Sanction = typeof sanctions.$inferSelect;
