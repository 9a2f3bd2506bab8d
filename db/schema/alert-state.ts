import { boolean, date, index, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { jeunes } from "./jeunes";
import { structures } from "./structures";
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
    index("alert_state_computed_on_idx").on(t.computedOn),
  ],
);

export type AlertStateRow = typeof alertState.$inferSelect;
