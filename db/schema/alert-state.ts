import { boolean, date, index, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { antennes, structures } from "./structures";
import { dispositifEnum, jeuneStatutEnum, jeunes } from "./jeunes";
import { users } from "./users";

/**
 * The portfolio's alerts of each young person, stored so a director's view counts rows instead of
 * recomputing twelve alerts (and the CEJ gauge) for every file of the structure at each page view.
 * One flag per alert of lib/jeunes/alerts.ts (ALERTS), true when the alert held on `computed_on`.
 *
 * Kept by `refreshAlertState` (lib/jeunes/alert-state.ts): in the same transaction as every write that
 * changes an input, and by the worker for what changes with time alone (a new day, a new ISO week).
 * Triggers (migration 0016) delete a file's row whenever a table its alerts read changes, whoever
 * writes it; a missing row, or one whose `computed_on` is not today, is computed live by the portfolio,
 * so a late worker or a write outside the actions never shows a wrong alert.
 */
export const alertState = pgTable(
  "alert_state",
  {
    jeuneId: uuid("jeune_id")
      .primaryKey()
      .references(() => jeunes.id, { onDelete: "cascade" }),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    conseillerId: uuid("conseiller_id").references(() => users.id, { onDelete: "set null" }),
    // The file's facet columns, copied with the flags (any change to the file forgets the row): a
    // director's counts group the structure's rows of this table alone, without reading `jeunes`.
    antenneId: uuid("antenne_id").references(() => antennes.id, { onDelete: "set null" }),
    dispositif: dispositifEnum("dispositif").notNull(),
    statut: jeuneStatutEnum("statut").notNull(),
    /** The civil day (Europe/Paris) the flags hold for. */
    computedOn: date("computed_on", { mode: "string" }).notNull(),
    remplacement: boolean("remplacement").notNull(),
    titreSejour: boolean("titre_sejour").notNull(),
    contratFin: boolean("contrat_fin").notNull(),
    cejHeures: boolean("cej_heures").notNull(),
    absence: boolean("absence").notNull(),
    sansContact: boolean("sans_contact").notNull(),
    sanction: boolean("sanction").notNull(),
    allocationADecider: boolean("allocation_a_decider").notNull(),
    demandeDroits: boolean("demande_droits").notNull(),
    transmissionEchouee: boolean("transmission_echouee").notNull(),
    limitation: boolean("limitation").notNull(),
    mineur: boolean("mineur").notNull(),
    /** Monday of the ISO week of `cej_minutes_validees` (the week of `computed_on`). */
    semaine: date("semaine", { mode: "string" }).notNull(),
    /** Validated CEJ minutes of that week, as the dossier's gauge counts them (0 without activity). */
    cejMinutesValidees: integer("cej_minutes_validees").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("alert_state_structure_conseiller_idx").on(t.structureId, t.conseillerId),
    // A director's counts of the whole structure read this index alone (an index-only scan): the day's
    // rows of the structure with their facet columns and flags.
    index("alert_state_structure_day_idx").on(
      t.structureId,
      t.computedOn,
      t.dispositif,
      t.antenneId,
      t.conseillerId,
      t.statut,
      t.remplacement,
      t.titreSejour,
      t.contratFin,
      t.cejHeures,
      t.absence,
      t.sansContact,
      t.sanction,
      t.allocationADecider,
      t.demandeDroits,
      t.transmissionEchouee,
      t.limitation,
      t.mineur,
    ),
    index("alert_state_computed_on_idx").on(t.computedOn),
  ],
);

export type AlertStateRow = typeof alertState.$inferSelect;
