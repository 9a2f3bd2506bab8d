import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { jeuneId, staffId, structureId } from "./foreign-keys";
import { contrats } from "./parcours";

export const actionCategorieEnum = pgEnum("action_categorie", [
  "emploi",
  "formation",
  "sante",
  "logement",
  "citoyennete",
  "loisirs_sport",
  "projet_pro",
  "demarches",
  "autre",
]);

export const actionStatutEnum = pgEnum("action_statut", ["a_faire", "en_cours", "terminee", "annulee"]);

/**
 * An action carried out with or by the young person. "Qualifying" is the counsellor confirming a finished
 * action and its category: only qualified finished actions count as validated hours in the CEJ gauge.
 */
export const actionsJeune = pgTable(
  "actions_jeune",
  {
    id: id(),
    structureId: structureId(),
    jeuneId: jeuneId(),
    contratId: uuid("contrat_id").references(() => contrats.id, { onDelete: "set null" }),
    categorie: actionCategorieEnum("categorie").notNull(),
    libelle: text("libelle").notNull(),
    commentaire: text("commentaire"),
    debut: date("debut", { mode: "string" }).notNull(),
    fin: date("fin", { mode: "string" }),
    dureeMinutes: integer("duree_minutes"),
    statut: actionStatutEnum("statut").notNull().default("a_faire"),
    qualifieeLe: timestamp("qualifiee_le", { withTimezone: true, mode: "date" }),
    qualifieePar: staffId("qualifiee_par"),
    creeePar: staffId("creee_par"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("actions_jeune_jeune_idx").on(t.jeuneId, t.debut),
    index("actions_jeune_structure_idx").on(t.structureId, t.statut, t.debut),
    check("actions_jeune_dates_check", sql`${t.fin} is null or ${t.fin} >= ${t.debut}`),
    check("actions_jeune_duree_check", sql`${t.dureeMinutes} is null or ${t.dureeMinutes} between 0 and 100000`),
    check("actions_jeune_qualifiee_check", sql`${t.qualifieeLe} is null or ${t.statut} = 'terminee'`),
  ],
);

export type ActionJeune = typeof actionsJeune.$inferSelect;
