import "server-only";
import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { antennes, jeunes, users } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { normalizeForSearch } from "./rules";

export const PAGE_SIZE = 25;

const conseillers = alias(users, "conseillers");

function portfolioScope(user: SessionUser, options: { ownOnly: boolean }): SQL[] {
  const conditions: SQL[] = [];
  const scope = structureScope(user);
  if (scope) conditions.push(eq(jeunes.structureId, scope));
  if (options.ownOnly && user.role === "conseiller") conditions.push(eq(jeunes.conseillerId, user.id));
  return conditions;
}

export interface PortefeuilleQuery {
  q?: string;
  page: number;
}

/** One page of the portfolio, with its total, in two queries whatever the page size. */
export async function listPortefeuille(user: SessionUser, query: PortefeuilleQuery) {
  const db = await getDb();
  const conditions = [...portfolioScope(user, { ownOnly: true }), eq(jeunes.statut, "actif")];
  const q = normalizeForSearch(query.q ?? "");
  if (q) conditions.push(ilike(jeunes.searchText, `%${q.replace(/[%_\\]/g, "\\$&")}%`));
  const where = and(...conditions);

  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: jeunes.id,
        nomNaissance: jeunes.nomNaissance,
        nomUsage: jeunes.nomUsage,
        prenoms: jeunes.prenoms,
        dateNaissance: jeunes.dateNaissance,
        dispositif: jeunes.dispositif,
        antenne: antennes.name,
        conseiller: conseillers.name,
      })
      .from(jeunes)
      .leftJoin(antennes, eq(antennes.id, jeunes.antenneId))
      .leftJoin(conseillers, eq(conseillers.id, jeunes.conseillerId))
      .where(where)
      .orderBy(asc(jeunes.searchText), asc(jeunes.id))
      .limit(PAGE_SIZE)
      .offset((query.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(jeunes).where(where),
  ]);
  return { rows, total: total?.n ?? 0, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / PAGE_SIZE)) };
}

