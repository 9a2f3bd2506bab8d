import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { antennes, jeunes, structures, users } from "@/db/schema";

/** Platform overview for the admin: structures with their counts, staff accounts. */
export async function adminOverview() {
  const db = await getDb();
  const [structureRows, antenneCounts, jeuneCounts, staff] = await Promise.all([
    db.select().from(structures).orderBy(asc(structures.name)),
    db.select({ structureId: antennes.structureId, n: count() }).from(antennes).groupBy(antennes.structureId),
    db.select({ structureId: jeunes.structureId, n: count() }).from(jeunes).groupBy(jeunes.structureId),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
        structure: structures.name,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .leftJoin(structures, eq(structures.id, users.structureId))
      .where(eq(users.active, true))
      .orderBy(asc(structures.name), asc(users.role), asc(users.name)),
  ]);
  const antennesBy = new Map(antenneCounts.map((r) => [r.structureId, r.n]));
  const jeunesBy = new Map(jeuneCounts.map((r) => [r.structureId, r.n]));
  return {
    structures: structureRows.map((s) => ({ ...s, antennes: antennesBy.get(s.id) ?? 0, jeunes: jeunesBy.get(s.id) ?? 0 })),
    staff: staff.filter((u) => u.role !== "jeune"),
  };
}
