import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { jeunes } from "./jeunes";
import { structures } from "./structures";
import { users } from "./users";

/*
 * The young person's pathway (domain.md §3–4): contracts (PACEA, CEJ) with their phases, the actions
 * carried out, rendez-vous and collective sessions with attendance, monthly allowance decisions and
 * sanctions. Dates are civil dates (mode "string", "YYYY-MM-DD"); instants are timestamptz.
 * Every row carries structure_id and jeune_id so each query is scoped without joins and the access pack
 * (GDPR art. 15) finds every row of a person.
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
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "restrict" }),
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
    conseillerId: uuid("conseiller_id").references(() => users.id, { onDelete: "set null" }),
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
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "restrict" }),
    type: contratEvenementEnum("type").notNull(),
    /** Civil date the change takes effect (signature, end, switch…). */
    dateEffet: date("date_effet", { mode: "string" }).notNull(),
    motif: text("motif"),
    /** The contract's columns after the change (dates, type, motives): no identity data. */
    etat: jsonb("etat").$type<Record<string, string | number | boolean | null>>().notNull(),
    parId: uuid("par_id").references(() => users.id, { onDelete: "set null" }),
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
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "restrict" }),
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
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "restrict" }),
    contratId: uuid("contrat_id").references(() => contrats.id, { onDelete: "set null" }),
    categorie: actionCategorieEnum("categorie").notNull(),
    libelle: text("libelle").notNull(),
    commentaire: text("commentaire"),
    debut: date("debut", { mode: "string" }).notNull(),
    fin: date("fin", { mode: "string" }),
    dureeMinutes: integer("duree_minutes"),
    statut: actionStatutEnum("statut").notNull().default("a_faire"),
    qualifieeLe: timestamp("qualifiee_le", { withTimezone: true, mode: "date" }),
    qualifieePar: uuid("qualifiee_par").references(() => users.id, { onDelete: "set null" }),
    creeePar: uuid("creee_par").references(() => users.id, { onDelete: "set null" }),
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

export const seanceTypeEnum = pgEnum("seance_type", ["rendez_vous_individuel", "atelier", "information_collective"]);

/**
 * A rendez-vous (one young person) or a collective session (atelier, information collective) of a
 * structure. Closing it (`cloturee_le`) freezes the attendance and produces the sign-in sheet.
 */
export const seances = pgTable(
  "seances",
  {
    id: id(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    type: seanceTypeEnum("type").notNull(),
    titre: text("titre").notNull(),
    /** Paris wall-clock start and end (timestamptz). */
    debut: timestamp("debut", { withTimezone: true, mode: "date" }).notNull(),
    fin: timestamp("fin", { withTimezone: true, mode: "date" }).notNull(),
    lieu: text("lieu"),
    animateurId: uuid("animateur_id").references(() => users.id, { onDelete: "set null" }),
    capacite: integer("capacite"),
    annuleeLe: timestamp("annulee_le", { withTimezone: true, mode: "date" }),
    clotureeLe: timestamp("cloturee_le", { withTimezone: true, mode: "date" }),
    clotureePar: uuid("cloturee_par").references(() => users.id, { onDelete: "set null" }),
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
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    seanceId: uuid("seance_id")
      .notNull()
      .references(() => seances.id, { onDelete: "cascade" }),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "restrict" }),
    presence: presenceEnum("presence").notNull().default("prevu"),
    /** Why an absence is excused (free text, may be sensitive: never logged nor transferred). */
    motifAbsence: text("motif_absence"),
    marqueeLe: timestamp("marquee_le", { withTimezone: true, mode: "date" }),
    marqueePar: uuid("marquee_par").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [unique("participations_seance_jeune_key").on(t.seanceId, t.jeuneId), index("participations_jeune_idx").on(t.jeuneId, t.presence)],
);

/**
 * A monthly allowance decision (CEJ or PACEA), stored with every input and the rule version used, so a
 * decision can be explained and recomputed years later even after the settings changed.
 */
export const allocationDecisions = pgTable(
  "allocation_decisions",
  {
    id: id(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "restrict" }),
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
    decideePar: uuid("decidee_par").references(() => users.id, { onDelete: "set null" }),
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
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    jeuneId: uuid("jeune_id")
      .notNull()
      .references(() => jeunes.id, { onDelete: "restrict" }),
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
    decideePar: uuid("decidee_par").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sanctions_jeune_idx").on(t.jeuneId, t.dateFait), index("sanctions_structure_statut_idx").on(t.structureId, t.statut)],
);

export type Contrat = typeof contrats.$inferSelect;
export type Phase = typeof phases.$inferSelect;
export type ActionJeune = typeof actionsJeune.$inferSelect;
export type Seance = typeof seances.$inferSelect;
export type Participation = typeof participations.$inferSelect;
export type AllocationDecision = typeof allocationDecisions.$inferSelect;
export type Sanction = typeof sanctions.$inferSelect;
