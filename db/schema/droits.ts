import { sql } from "drizzle-orm";
import { bigserial, check, date, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { staffId, structureId } from "./foreign-keys";
import { jeunes } from "./jeunes";

export const demandeTypeEnum = pgEnum("demande_type", [
  "acces",
  "rectification",
  "effacement",
  "limitation",
  "opposition",
  "portabilite",
  "question_transmission",
]);

/** How the request reached us: the young person's space, a counsellor at the desk (mandataire), mail/e-mail to the DPO. */
export const demandeCanalEnum = pgEnum("demande_canal", ["espace_jeune", "guichet", "courrier", "courriel"]);

export const demandeStatutEnum = pgEnum("demande_statut", ["recue", "identite_a_verifier", "en_cours", "prolongee", "repondue", "close"]);

export const demandeIssueEnum = pgEnum("demande_issue", ["acceptee", "partielle", "refusee"]);

/**
 * A request to exercise GDPR rights (arts. 15–22). The clock (art. 12-3) is computed from `recue_le`,
 * the identity pauses and the extension by lib/droits/deadline.ts; `echeance` stores its latest result
 * so the DPO queue can sort and filter in SQL.
 */
export const demandesDroits = pgTable(
  "demandes_droits",
  {
    id: id(),
    /** Human reference per structure and year, e.g. 2026-0042. */
    numero: text("numero").notNull(),
    structureId: structureId(),
    jeuneId: uuid("jeune_id").references(() => jeunes.id, { onDelete: "set null" }),
    type: demandeTypeEnum("type").notNull(),
    /** Finality concerned (data-map id), for an objection or a question on a transfer. */
    finalite: text("finalite"),
    canal: demandeCanalEnum("canal").notNull(),
    /** Staff member who recorded it (counsellor at the desk acting as mandataire, or the DPO). */
    saisiePar: staffId("saisie_par"),
    /** What the person asks, in their words (may quote personal data: never logged). */
    objet: text("objet").notNull(),
    recueLe: date("recue_le", { mode: "string" }).notNull(),
    statut: demandeStatutEnum("statut").notNull().default("recue"),
    identiteVerifieeLe: date("identite_verifiee_le", { mode: "string" }),
    identiteMethode: text("identite_methode"),
    prolongeeLe: date("prolongee_le", { mode: "string" }),
    prolongationMotif: text("prolongation_motif"),
    /** Deadline as last computed (null while suspended for identity). */
    echeance: date("echeance", { mode: "string" }),
    issue: demandeIssueEnum("issue"),
    reponseMotif: text("reponse_motif"),
    reponduLe: date("repondu_le", { mode: "string" }),
    closeLe: date("close_le", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("demandes_numero_key").on(t.structureId, t.numero),
    index("demandes_structure_statut_echeance_idx").on(t.structureId, t.statut, t.echeance),
    index("demandes_jeune_idx").on(t.jeuneId, t.recueLe),
    check("demandes_issue_when_answered", sql`${t.statut} not in ('repondue', 'close') or ${t.issue} is not null`),
  ],
);

/** Identity checks asked of the person: the clock stops on `demandee_le` and restarts on `recue_le`. */
export const demandePauses = pgTable(
  "demande_pauses",
  {
    id: id(),
    demandeId: uuid("demande_id")
      .notNull()
      .references(() => demandesDroits.id, { onDelete: "cascade" }),
    demandeeLe: date("demandee_le", { mode: "string" }).notNull(),
    recueLe: date("recue_le", { mode: "string" }),
    objet: text("objet").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("demande_pauses_demande_idx").on(t.demandeId)],
);

/** The steps of a request as the person sees them (plain French), newest last. */
export const demandeEvenements = pgTable(
  "demande_evenements",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    demandeId: uuid("demande_id")
      .notNull()
      .references(() => demandesDroits.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** recue, identite_demandee, identite_recue, identite_verifiee, en_cours, prolongee, repondue, close. */
    type: text("type").notNull(),
    par: staffId("par"),
    /** Text shown to the young person. */
    message: text("message").notNull(),
  },
  (t) => [index("demande_evenements_demande_idx").on(t.demandeId, t.at)],
);

export type DemandeDroits = typeof demandesDroits.$inferSelect;
