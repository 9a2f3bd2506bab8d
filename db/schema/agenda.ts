import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { jeuneId, staffId, structureId } from "./foreign-keys";

export const seanceTypeEnum = pgEnum("seance_type", ["rendez_vous_individuel", "atelier", "information_collective"]);

/**
 * A rendez-vous (one young person) or a collective session (atelier, information collective) of a
 * structure. Closing it (`cloturee_le`) freezes the attendance and produces the sign-in sheet.
 */
export const seances = pgTable(
  "seances",
  {
    id: id(),
    structureId: structureId(),
    type: seanceTypeEnum("type").notNull(),
    titre: text("titre").notNull(),
    /** Paris wall-clock start and end (timestamptz). */
    debut: timestamp("debut", { withTimezone: true, mode: "date" }).notNull(),
    fin: timestamp("fin", { withTimezone: true, mode: "date" }).notNull(),
    lieu: text("lieu"),
    animateurId: staffId("animateur_id"),
    capacite: integer("capacite"),
    annuleeLe: timestamp("annulee_le", { withTimezone: true, mode: "date" }),
    clotureeLe: timestamp("cloturee_le", { withTimezone: true, mode: "date" }),
    clotureePar: staffId("cloturee_par"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("seances_structure_debut_idx").on(t.structureId, t.debut),
    check("seances_dates_check", sql`${t.fin} > ${t.debut}`),
    check("seances_capacite_check", sql`${t.capacite} is null or ${t.capacite} > 0`),
  ],
);

export const presenceEnum = pgEnum("presence", ["prevu", "present", "absent_excuse", "absent_non_excuse"]);

/** One young person expected at a séance, and whether they came. */
export const participations = pgTable(
  "participations",
  {
    id: id(),
    structureId: structureId(),
    seanceId: uuid("seance_id")
      .notNull()
      .references(() => seances.id, { onDelete: "cascade" }),
    jeuneId: jeuneId(),
    presence: presenceEnum("presence").notNull().default("prevu"),
    /** Why an absence is excused (free text, may be sensitive: never logged nor transferred). */
    motifAbsence: text("motif_absence"),
    marqueeLe: timestamp("marquee_le", { withTimezone: true, mode: "date" }),
    marqueePar: staffId("marquee_par"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [unique("participations_seance_jeune_key").on(t.seanceId, t.jeuneId), index("participations_jeune_idx").on(t.jeuneId, t.presence)],
);

export type Seance = typeof seances.$inferSelect;
export type Participation = typeof participations.$inferSelect;
