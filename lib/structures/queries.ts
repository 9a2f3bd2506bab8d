import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { antennes, jeunes, structures, users } from "@/db/schema";

/** Looks like a UUID: anything else is "not found" without asking the database to cast it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AdminAntenne {
  id: string;
  name: string;
  commune: string;
  codePostal: string;
  active: boolean;
  version: number;
  jeunes: number;
}

export interface AdminStructure {
  id: string;
  name: string;
  siret: string;
  departement: string;
  commune: string;
  dpoEmail: string;
  mfaRequired: boolean;
  active: boolean;
  version: number;
  activeStaff: number;
  antennes: AdminAntenne[];
}

/** One mission locale as the admin edits it: its fields, its antennes with the young people each follows, its active accounts. */
export async function structureForAdmin(rawId: string): Promise<AdminStructure | null> {
  if (!UUID.test(rawId)) return null;
  const db = await getDb();
  const [structure] = await db.select().from(structures).where(eq(structures.id, rawId));
  if (!structure) return null;
  const [sites, perAntenne, [staff]] = await Promise.all([
    db.select().from(antennes).where(eq(antennes.structureId, structure.id)).orderBy(asc(antennes.name)),
    db
      .select({ antenneId: jeunes.antenneId, n: count() })
      .from(jeunes)
      .where(eq(jeunes.structureId, structure.id))
      .groupBy(jeunes.antenneId),
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.structureId, structure.id), eq(users.active, true), ne(users.role, "jeune"))),
  ]);
  const jeunesBy = new Map(perAntenne.map((r) => [r.antenneId, r.n]));
  return {
    id: structure.id,
    name: structure.name,
    siret: structure.siret,
    departement: structure.departement,
    commune: structure.commune,
    dpoEmail: structure.dpoEmail,
    mfaRequired: structure.mfaRequired,
    active: structure.active,
    version: structure.version,
    activeStaff: staff?.n ?? 0,
    antennes: sites.map((a) => ({
      id: a.id,
      name: a.name,
      commune: a.commune,
      codePostal: a.codePostal,
      active: a.active,
      version: a.version,
      jeunes: jeunesBy.get(a.id) ?? 0,
    })),
  };
}
