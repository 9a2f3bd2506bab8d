import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { antennes, structures } from "./structures";
import { users } from "./users";

export const sexeEnum = pgEnum("sexe", ["F", "M"]);
export const dispositifEnum = pgEnum("dispositif", ["aucun", "PACEA", "CEJ"]);
export const nationaliteEnum = pgEnum("nationalite_categorie", ["francaise", "ue", "hors_ue"]);
export const jeuneStatutEnum = pgEnum("jeune_statut", ["actif", "archive"]);

/**
 * A young person's dossier. Identity and situation per domain.md §2.
 * The NIR is stored encrypted (nir_encrypted) with a keyed hash (nir_hmac) for duplicate detection;
 * it is never stored in clear, never logged.
 */
export const jeunes = pgTable(
  "jeunes",
  {
    id: id(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    antenneId: uuid("antenne_id").references(() => antennes.id, { onDelete: "set null" }),
    conseillerId: uuid("conseiller_id").references(() => users.id, { onDelete: "set null" }),
    nomNaissance: text("nom_naissance").notNull(),
    nomUsage: text("nom_usage"),
    prenoms: text("prenoms").notNull(),
    dateNaissance: date("date_naissance", { mode: "string" }).notNull(),
    communeNaissance: text("commune_naissance"),
    sexe: sexeEnum("sexe").notNull(),
    nationalite: nationaliteEnum("nationalite").notNull().default("francaise"),
    telephone: text("telephone"),
    email: text("email"),
    adresse: text("adresse"),
    codePostal: text("code_postal"),
    commune: text("commune"),
    nirEncrypted: text("nir_encrypted"),
    nirHmac: text("nir_hmac"),
    ftIdentifiant: text("ft_identifiant"),
    niveauQualification: text("niveau_qualification"),
    logement: text("logement"),
    permisB: boolean("permis_b").notNull().default(false),
    vehicule: boolean("vehicule").notNull().default(false),
    rqth: boolean("rqth").notNull().default(false),
    protectionJuridique: text("protection_juridique").notNull().default("aucune"),
    titreSejourFin: date("titre_sejour_fin", { mode: "string" }),
    /** Sensitive: never sent to any recipient, never shown in lists. */
    situationJustice: text("situation_justice"),
    /** Sensitive: never sent to any recipient, never shown in lists. */
    sante: text("sante"),
    /** Counsellor's free text: never sent to any recipient. */
    commentaire: text("commentaire"),
    dispositif: dispositifEnum("dispositif").notNull().default("aucun"),
    statut: jeuneStatutEnum("statut").notNull().default("actif"),
    archiveMotif: text("archive_motif"),
    archiveDetail: text("archive_detail"),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
    /** GDPR art. 18 limitation in force since this time: no transfer leaves, retention purge frozen. */
    limitationDepuis: timestamp("limitation_depuis", { withTimezone: true, mode: "date" }),
    /** The rights request that set the limitation, if any (no FK: requests reference jeunes). */
    limitationDemandeId: uuid("limitation_demande_id"),
    /** Set when the retention period ended: identity erased, statistics kept. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true, mode: "date" }),
    /** Lower-case, accent-free "nom usage prénoms" used by search. */
    searchText: text("search_text").notNull(),
    /** Optimistic lock: incremented by every write. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("jeunes_structure_conseiller_idx").on(t.structureId, t.conseillerId, t.statut),
    index("jeunes_structure_naissance_idx").on(t.structureId, t.dateNaissance),
    // The portfolio sorted by name (its default): a structure's first page read in order, not sorted.
    index("jeunes_structure_name_idx").on(t.structureId, t.searchText, t.id),
    index("jeunes_nir_hmac_idx").on(t.nirHmac),
    index("jeunes_ft_idx").on(t.structureId, t.ftIdentifiant),
    index("jeunes_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    check(
      "jeunes_archive_motif_check",
      sql`${t.archiveMotif} is null or ${t.archiveMotif} in ('sortie_emploi', 'formation', 'demenagement', 'fin_de_dispositif', 'abandon', 'deces', 'autre')`,
    ),
    check("jeunes_protection_check", sql`${t.protectionJuridique} in ('aucune', 'tutelle', 'curatelle', 'sauvegarde')`),
  ],
);

export type Jeune = typeof jeunes.$inferSelect;
