import "server-only";
import { z } from "zod";
import { and, asc, eq, ne, notInArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, structures, users } from "@/db/schema";
import { listAudit } from "@/lib/audit/queries";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";

/** The account, if the caller may see it (a director: their structure's; the admin: any staff account). */
async function visibleAccount(user: SessionUser, compteId: string) {
  if (!z.uuid().safeParse(compteId).success) return null;
  const scope = structureScope(user);
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, role: users.role, structureId: users.structureId })
    .from(users)
    .where(and(eq(users.id, compteId), ne(users.role, "jeune"), ...(scope ? [eq(users.structureId, scope)] : [])));
  return row ? { db, row } : null;
}

/**
 * The missions locales an account works for (its home one first), and the active ones it could be given
 * (for the admin only: granting is platform-wide). null when the caller may not see the account.
 */
export async function listCompteMemberships(user: SessionUser, compteId: string) {
  const found = await visibleAccount(user, compteId);
  if (!found) return null;
  const { db, row } = found;
  const rows = await db
    .select({ structureId: memberships.structureId, name: structures.name, role: memberships.role, active: structures.active })
    .from(memberships)
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .where(eq(memberships.userId, row.id))
    .orderBy(asc(structures.name));
  const list = rows.map((m) => ({ ...m, home: m.structureId === row.structureId })).sort((a, b) => Number(b.home) - Number(a.home));
  const taken = list.map((m) => m.structureId);
  const options =
    user.role === "admin"
      ? await db
          .select({ id: structures.id, name: structures.name })
          .from(structures)
          .where(and(eq(structures.active, true), ...(taken.length ? [notInArray(structures.id, taken)] : [])))
          .orderBy(asc(structures.name))
      : [];
  return { role: row.role, memberships: list, options };
}

/** The caller's own missions locales (active ones), for the structure switch in the header. */
export async function listOwnStructures(user: SessionUser) {
  if (user.role === "admin" || user.role === "jeune") return [];
  const db = await getDb();
  return db
    .select({ id: structures.id, name: structures.name })
    .from(memberships)
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .where(and(eq(memberships.userId, user.id), eq(structures.active, true)))
    .orderBy(asc(structures.name));
}

export const HISTORY_LIMIT = 50;

/**
 * The latest journal entries about an account (grants, role and structure changes, deactivation, sign-ins,
 * structure switches…), within the caller's scope; the journal lists them all (/journal?compte=<id>).
 */
export async function listCompteHistory(user: SessionUser, compteId: string) {
  const found = await visibleAccount(user, compteId);
  if (!found) return null;
  const { rows, total } = await listAudit(structureScope(user), 1, { type: "user", id: found.row.id });
  return { rows: rows.slice(0, HISTORY_LIMIT), total, journalHref: `/journal?compte=${found.row.id}` };
}
