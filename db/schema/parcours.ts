import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { jeuneId, staffId, structureId } from "./foreign-keys";

/*
 * The young person's pathway (domain.md §3–4): contracts (PACEA, CEJ) with their phases. The actions
 * carried out (actions-jeune.ts), rendez-vous and collective sessions (agenda.ts), monthly allowance
 * decisions (allocation.ts) and sanctions (sanctions.ts) live beside it. Dates are civil dates
 * (mode "string", "YYYY-MM-DD"); instants are timestamptz. Every row carries structure_id and jeune_id so
 * each query is scoped without joins and the access pack (GDPR art. 15) finds every row of a person.
 */

export const contratTypeEnum = pgEnum("contrat_type", ["PACEA", "CEJ"]);

/**
 * A PACEA or CEJ contract. In force from `debut` to `fin_reelle` (or `fin_prevue` while not ended).
 * At most one contract without `fin_reelle` per young person (partial unique index).
 */
export const contrats = pgTable(
  "contrats",
  {
    id: id(),
    structureId: structureId(),
    jeuneId: jeuneId(),
    type: contratTypeEnum("type").notNull(),
    signeLe: date("signe_le", { mode: "string" }).notNull(),
    debut: date("debut", { mode: "string" }).notNull(),
    finPrevue: date("fin_prevue", { mode: "string" }).notNull(),
    /** CEJ beyond 12 months (18 at most): the exceptional reason. */
    prolongationMotif: text("prolongation_motif"),
    finReelle: date("fin_reelle", { mode: "string" }),
    /** lib/parcours/motifs-sortie.ts. */
    motifSortie: text("motif_sortie"),
    /** Declared at signature (CEJ entry check): not a student, RQTH. */
    etudiant: boolean("etudiant").notNull().default(false),
    /** The contract this one replaces after a CEJ ↔ PACEA switch, and why. */
    precedentContratId: uuid("precedent_contrat_id"),
    basculeMotif: text("bascule_motif"),
    conseillerId: staffId("conseiller_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("contrats_jeune_idx").on(t.jeuneId, t.debut),
    index("contrats_structure_fin_idx").on(t.structureId, t.finPrevue),
    uniqueIndex("contrats_one_open_per_jeune_idx").on(t.jeuneId).where(sql`${t.finReelle} is null`),
    check("contrats_fin_prevue_check", sql`${t.finPrevue} >= ${t.debut}`),
    check("contrats_fin_reelle_check", sql`${t.finReelle} is null or ${t.finReelle} >= ${t.debut}`),
    check("contrats_sortie_check", sql`(${t.finReelle} is null) = (${t.motifSortie} is null)`),
  ],
);

export const contratEvenementEnum = pgEnum("contrat_evenement", ["signature", "modification", "prolongation", "sortie", "bascule"]);

/** Every state of a contract: the row as it was right after each change (the pathway history). */
export const contratEvenements = pgTable(
  "contrat_evenements",
  {
    id: id(),
    contratId: uuid("contrat_id")
      .notNull()
      .references(() => contrats.id, { onDelete: "cascade" }),
    jeuneId: jeuneId(),
    type: contratEvenementEnum("type").notNull(),
    /** Civil date the change takes effect (signature, end, switch…). */
    dateEffet: date("date_effet", { mode: "string" }).notNull(),
    motif: text("motif"),
    /** The contract's columns after the change (dates, type, motives): no identity data. */
    etat: jsonb("etat").$type<Record<string, string | number | boolean | null>>().notNull(),
    parId: staffId("par_id"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("contrat_evenements_contrat_idx").on(t.contratId, t.at)],
);

export const phaseTypeEnum = pgEnum("phase_type", ["diagnostic", "accompagnement"]);

/** PACEA phases: a diagnostic, then phases of accompaniment; no overlap, inside the contract. */
export const phases = pgTable(
  "phases",
  {
    id: id(),
    structureId: structureId(),
    jeuneId: jeuneId(),
    contratId: uuid("contrat_id")
      .notNull()
      .references(() => contrats.id, { onDelete: "cascade" }),
    type: phaseTypeEnum("type").notNull(),
    debut: date("debut", { mode: "string" }).notNull(),
    fin: date("fin", { mode: "string" }).notNull(),
    objectifs: text("objectifs").notNull(),
    bilan: text("bilan"),
    bilanLe: date("bilan_le", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("phases_contrat_idx").on(t.contratId, t.debut), check("phases_dates_check", sql`${t.fin} >= ${t.debut}`)],
);

export type Contrat = typeof contrats.$inferSelect;
export type Phase = typeof phases.$inferSelect;
