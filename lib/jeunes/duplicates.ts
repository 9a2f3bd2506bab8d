import "server-only";
import { and, eq, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { jeunes, users } from "@/db/schema";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { normalizeForSearch } from "./rules";

const conseillers = alias(users, "conseillers");

export interface DuplicateIdentity {
  nomNaissance: string;
  prenoms: string;
  dateNaissance: CivilDate;
  /** nirIndex(normalised NIR), or null when no NIR is given. */
  nirHmac: string | null;
}

export interface DuplicateCandidate {
  id: string;
  nomNaissance: string;
  nomUsage: string | null;
  prenoms: string;
  dateNaissance: CivilDate;
  conseiller: string | null;
  archive: boolean;
  byNir: boolean;
  byIdentite: boolean;
}

export interface DuplicateSearch {
  /** Dossiers of the caller's structure: may be shown to the caller. */
  inStructure: DuplicateCandidate[];
  /** Only whether something matched in another structure: nothing about it may leave this module. */
  elsewhere: { byNir: boolean; byIdentite: boolean };
}

/** "nom de naissance + prénoms", folded the way search folds it (accents, case, hyphens, apostrophes). */
export function identityKey(nomNaissance: string, prenoms: string): string {
  return normalizeForSearch(`${nomNaissance} ${prenoms}`);
}

/**
 * Dossiers that may be the same person, in every structure: same NIR (by its keyed hash), or same
 * birth date and same folded birth name + first names. Only the caller's structure comes back in
 * detail; for the others the answer is a yes/no, so no foreign dossier can be read through here.
 * Call it inside the writing transaction, after `lockIdentity`.
 */
export async function findDuplicates(
  db: DbOrTx,
  structureId: string,
  identity: DuplicateIdentity,
  options: { excludeId?: string } = {},
): Promise<DuplicateSearch> {
  const key = identityKey(identity.nomNaissance, identity.prenoms);
  // search_text ends with the folded "nom de naissance prénoms" (see searchTextFor): the trigram index
  // narrows the rows, the exact comparison below decides.
  const byIdentity = and(eq(jeunes.dateNaissance, identity.dateNaissance), sql`${jeunes.searchText} like ${`%${key}`}`);
  const matches: SQL[] = [byIdentity!];
  if (identity.nirHmac) matches.push(eq(jeunes.nirHmac, identity.nirHmac));
  const conditions = [or(...matches)!];
  if (options.excludeId) conditions.push(ne(jeunes.id, options.excludeId));

  const rows = await db
    .select({
      id: jeunes.id,
      structureId: jeunes.structureId,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
      dateNaissance: jeunes.dateNaissance,
      nirHmac: jeunes.nirHmac,
      statut: jeunes.statut,
      conseiller: conseillers.name,
    })
    .from(jeunes)
    .leftJoin(conseillers, eq(conseillers.id, jeunes.conseillerId))
    .where(and(...conditions))
    .limit(50);

  const result: DuplicateSearch = { inStructure: [], elsewhere: { byNir: false, byIdentite: false } };
  for (const row of rows) {
    const byNir = identity.nirHmac !== null && row.nirHmac === identity.nirHmac;
    const byIdentite = row.dateNaissance === identity.dateNaissance && identityKey(row.nomNaissance, row.prenoms) === key;
    if (!byNir && !byIdentite) continue;
    if (row.structureId === structureId) {
      result.inStructure.push({
        id: row.id,
        nomNaissance: row.nomNaissance,
        nomUsage: row.nomUsage,
        prenoms: row.prenoms,
        dateNaissance: row.dateNaissance,
        conseiller: row.conseiller,
        archive: row.statut === "archive",
        byNir,
        byIdentite,
      });
    } else {
      result.elsewhere.byNir ||= byNir;
      result.elsewhere.byIdentite ||= byIdentite;
    }
  }
  // NIR matches first: they are certain, and never overridable.
  result.inStructure.sort((a, b) => Number(b.byNir) - Number(a.byNir));
  return result;
}

/**
 * Serialises writers that could create the same person (same birth date, or same NIR) until the
 * transaction ends, so two counsellors saving the same young person at once cannot both pass the
 * duplicate check (PostgreSQL READ COMMITTED would let them).
 */
export async function lockIdentity(db: DbOrTx, identity: Pick<DuplicateIdentity, "dateNaissance" | "nirHmac">): Promise<void> {
  const keys = [`jeune-doublon:naissance:${identity.dateNaissance}`];
  if (identity.nirHmac) keys.push(`jeune-doublon:nir:${identity.nirHmac}`);
  // Always in the same order, so two transactions never wait for each other's second lock.
  for (const k of keys.sort()) await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${k}, 0))`);
}

/** search_text: usage name (or birth name), then birth name and first names, folded for search. */
export function searchTextFor(j: { nomNaissance: string; nomUsage: string | null; prenoms: string }): string {
  return normalizeForSearch(`${j.nomUsage ?? j.nomNaissance} ${j.nomNaissance} ${j.prenoms}`);
}
