import { date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { staffId, structureId } from "./foreign-keys";
import { jeunes } from "./jeunes";
import { users } from "./users";

export const affectationTypeEnum = pgEnum("affectation_type", ["permanente", "temporaire"]);

/**
 * History of who follows a young person. A permanent move changes jeunes.conseiller_id and is recorded
 * here; a temporary one only lives here: between debut and fin the substitute sees the young person in
 * their portfolio, and the day after `fin` the titular counsellor has them back, with no job to run.
 */
export const affectations = pgTable(
  "affectations",
  {
    id: id(),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "cascade" }),
    structureId: structureId(),
    type: affectationTypeEnum("type").notNull(),
    deConseillerId: staffId("de_conseiller_id"),
    versConseillerId: uuid("vers_conseiller_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    debut: date("debut", { mode: "string" }).notNull(),
    /** Last day of a temporary assignment (inclusive); null for a permanent one. */
    fin: date("fin", { mode: "string" }),
    motif: text("motif").notNull(),
    decidePar: staffId("decide_par"),
    createdAt: createdAt(),
  },
  (t) => [index("affectations_jeune_idx").on(t.jeuneId, t.debut), index("affectations_vers_idx").on(t.versConseillerId, t.fin)],
);

export type Affectation = typeof affectations.$inferSelect;
