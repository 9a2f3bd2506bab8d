import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { antennes, jeunes, structures, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { structureConditions } from "./scope";

const conseillers = alias(users, "conseillers");

/**
 * A dossier, only if it belongs to the caller's structure (admin: any). Returns null otherwise, so the
 * page answers 404 and nothing tells a foreign dossier from a missing one.
 */
export async function getDossier(user: SessionUser, jeuneId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ jeune: jeunes, antenne: antennes.name, conseiller: conseillers.name })
    .from(jeunes)
    .leftJoin(antennes, eq(antennes.id, jeunes.antenneId))
    .leftJoin(conseillers, eq(conseillers.id, jeunes.conseillerId))
    .where(and(eq(jeunes.id, jeuneId), ...structureConditions(user)));
  return row ?? null;
}

/** A young person's own dossier: only through the account's link, never from a parameter. */
export async function getOwnDossier(user: SessionUser) {
  if (user.role !== "jeune" || !user.jeuneId) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      prenoms: jeunes.prenoms,
      dispositif: jeunes.dispositif,
      conseiller: conseillers.name,
      antenne: antennes.name,
      structure: structures.name,
    })
    .from(jeunes)
    .leftJoin(antennes, eq(antennes.id, jeunes.antenneId))
    .leftJoin(conseillers, eq(conseillers.id, jeunes.conseillerId))
    .innerJoin(structures, eq(structures.id, jeunes.structureId))
    .where(eq(jeunes.id, user.jeuneId));
  return row ?? null;
}
