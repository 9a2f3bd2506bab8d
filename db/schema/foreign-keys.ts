// Foreign-key columns that most tables repeat, with the same references and options. Apart from
// columns.ts because they import the tables they point to: structures, users and jeunes import
// columns.ts, so columns.ts must not import them (the modules would load in a loop).
import { uuid } from "drizzle-orm/pg-core";
import { jeunes } from "./jeunes";
import { structures } from "./structures";
import { users } from "./users";

/** The structure a row belongs to: every query is scoped by it; a structure that still has rows cannot go. */
export const structureId = () =>
  uuid("structure_id")
    .notNull()
    .references(() => structures.id, { onDelete: "restrict" });

/** The young person a row is about (the access pack finds every row of a person by it). */
export const jeuneId = () =>
  uuid("jeune_id")
    .notNull()
    .references(() => jeunes.id, { onDelete: "restrict" });

/** A staff member who acted (created, closed, decided…): the row outlives their account. */
export const staffId = (name: string) => uuid(name).references(() => users.id, { onDelete: "set null" });
