import { bigserial, boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffId, structureId } from "./foreign-keys";
import { jeunes } from "./jeunes";
import { roleEnum } from "./users";

export const consultationReasonEnum = pgEnum("consultation_motif", [
  "remplacement",
  "rendez_vous",
  "demande_du_jeune",
  "controle_dpo",
  "demande_de_droits",
  "autre",
]);

/**
 * Every opening of a dossier: who, when, which tab (data category) — the fact, never the data.
 * Outside one's own portfolio a reason is required first ("break-glass"); it is stored here and
 * shown to the young person.
 */
export const consultations = pgTable(
  "consultations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "cascade" }),
    structureId: structureId(),
    userId: staffId("user_id"),
    userRole: roleEnum("user_role").notNull(),
    /** Tab opened, e.g. "identite", "parcours", "historique", or "nir" for a deliberate NIR reveal. */
    onglet: text("onglet").notNull(),
    horsPortefeuille: boolean("hors_portefeuille").notNull().default(false),
    motif: consultationReasonEnum("motif"),
    motifDetail: text("motif_detail"),
  },
  (t) => [index("consultations_jeune_at_idx").on(t.jeuneId, t.at), index("consultations_user_at_idx").on(t.userId, t.at)],
);

export type Consultation = typeof consultations.$inferSelect;
