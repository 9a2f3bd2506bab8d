import "server-only";
import { z } from "zod";
import { and, asc, count, eq, gte, ilike, isNull, lt, ne, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { antennes, jeunes, structures, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { structureScope } from "@/lib/auth/session-user";
import { escapeLike } from "@/lib/http/search-params";
import { pendingInvitationSql } from "./invitations";
import { COMPTES_PAGE_SIZE, type ComptesFilters } from "./params";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The conditions of a view: the caller's structure first (a director sees their own), then the filters. */
function conditions(user: SessionUser, filters: ComptesFilters, now: Date): SQL[] {
  const scope = structureScope(user);
  const where: SQL[] = [ne(users.role, "jeune")];
  if (scope) where.push(eq(users.structureId, scope));
  else if (filters.structure) where.push(eq(users.structureId, filters.structure));
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)) as SQL);
  }
  if (filters.role) where.push(eq(users.role, filters.role));
  if (filters.statut) where.push(eq(users.active, filters.statut === "actif"));
  if (filters.connexion === "jamais") where.push(isNull(users.lastLoginAt));
  if (filters.connexion === "moins-30j") where.push(gte(users.lastLoginAt, new Date(now.getTime() - 30 * DAY_MS)));
  if (filters.connexion === "plus-90j") {
    where.push(or(isNull(users.lastLoginAt), lt(users.lastLoginAt, new Date(now.getTime() - 90 * DAY_MS))) as SQL);
  }
  return where;
}

/** One page of the staff accounts the caller manages: LIMIT/OFFSET and one count, both scoped by structure. */
export async function listComptes(user: SessionUser, filters: ComptesFilters, now = new Date()) {
  const db = await getDb();
  const where = and(...conditions(user, filters, now));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where);
  const pageCount = Math.max(1, Math.ceil(total / COMPTES_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      structure: structures.name,
      antenne: antennes.name,
      invitationPending: pendingInvitationSql(now),
    })
    .from(users)
    .leftJoin(structures, eq(structures.id, users.structureId))
    .leftJoin(antennes, eq(antennes.id, users.antenneId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(COMPTES_PAGE_SIZE)
    .offset((page - 1) * COMPTES_PAGE_SIZE);
  const structureOptions =
    user.role === "admin"
      ? await db.select({ id: structures.id, name: structures.name }).from(structures).orderBy(asc(structures.name))
      : [];
  return { filters: { ...filters, page }, rows, total, page, pageCount, structures: structureOptions };
}

export type ComptesView = Awaited<ReturnType<typeof listComptes>>;

/**
 * One account the caller manages, with what its forms need: the structures (admin) and antennes it may be
 * moved to, and how many active files it is titular of. null when missing or another structure's.
 */
export async function getCompte(user: SessionUser, id: string) {
  // A malformed id is a missing account, not a database error.
  if (!z.uuid().safeParse(id).success) return null;
  const db = await getDb();
  const scope = structureScope(user);
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      structureId: users.structureId,
      antenneId: users.antenneId,
      lastLoginAt: users.lastLoginAt,
      deactivatedAt: users.deactivatedAt,
      updatedAt: users.updatedAt,
      structure: structures.name,
      antenne: antennes.name,
    })
    .from(users)
    .leftJoin(structures, eq(structures.id, users.structureId))
    .leftJoin(antennes, eq(antennes.id, users.antenneId))
    .where(and(eq(users.id, id), ne(users.role, "jeune"), ...(scope ? [eq(users.structureId, scope)] : [])));
  if (!row) return null;
  const [[titular], structureOptions, antenneOptions] = await Promise.all([
    db
      .select({ n: count() })
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, row.id), eq(jeunes.statut, "actif"))),
    scope ? Promise.resolve([]) : db.select({ id: structures.id, name: structures.name }).from(structures).orderBy(asc(structures.name)),
    db
      .select({ id: antennes.id, name: antennes.name, structureId: antennes.structureId, structure: structures.name })
      .from(antennes)
      .innerJoin(structures, eq(structures.id, antennes.structureId))
      .where(scope ? eq(antennes.structureId, scope) : undefined)
      .orderBy(asc(structures.name), asc(antennes.name)),
  ]);
  return {
    ...row,
    version: row.updatedAt.getTime(),
    jeunesActifs: titular?.n ?? 0,
    structures: structureOptions,
    antennes: antenneOptions,
  };
}

export type CompteDetail = NonNullable<Awaited<ReturnType<typeof getCompte>>>;
