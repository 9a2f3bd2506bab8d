import "server-only";
import { and, asc, desc, eq, gte } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { affectations, jeunes, users } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";

const de = alias(users, "de_conseiller");
const vers = alias(users, "vers_conseiller");

/** Active counsellors of the caller's structure. */
export async function listConseillers(user: SessionUser) {
  const scope = structureScope(user);
  if (!scope) return [];
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.structureId, scope), eq(users.role, "conseiller"), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/** A counsellor's titular, active young people (for a hand-over). */
export async function listTitularJeunes(user: SessionUser, conseillerId: string) {
  const scope = structureScope(user);
  if (!scope) return [];
  const db = await getDb();
  return db
    .select({
      id: jeunes.id,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
      dateNaissance: jeunes.dateNaissance,
      dispositif: jeunes.dispositif,
    })
    .from(jeunes)
    .where(and(eq(jeunes.structureId, scope), eq(jeunes.conseillerId, conseillerId), eq(jeunes.statut, "actif")))
    .orderBy(asc(jeunes.searchText))
    .limit(1000);
}

/** Temporary assignments running today or later, for the structure. */
export async function listCurrentTemporaryAffectations(user: SessionUser, today: CivilDate) {
  const scope = structureScope(user);
  if (!scope) return [];
  const db = await getDb();
  return db
    .select({
      id: affectations.id,
      debut: affectations.debut,
      fin: affectations.fin,
      motif: affectations.motif,
      de: de.name,
      vers: vers.name,
      jeuneId: jeunes.id,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
    })
    .from(affectations)
    .innerJoin(jeunes, eq(jeunes.id, affectations.jeuneId))
    .leftJoin(de, eq(de.id, affectations.deConseillerId))
    .innerJoin(vers, eq(vers.id, affectations.versConseillerId))
    .where(and(eq(affectations.structureId, scope), eq(affectations.type, "temporaire"), gte(affectations.fin, today)))
    .orderBy(asc(affectations.fin), desc(affectations.createdAt))
    .limit(200);
}
