import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, demandeEvenements, demandesDroits, structures, transmissions, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";

/**
 * What the young person may see about their own file. Always through the account's link
 * (`user.jeuneId`), never from a URL parameter.
 */
function ownJeuneId(user: SessionUser): string | null {
  return user.role === "jeune" ? user.jeuneId : null;
}

/** Who opened my file, newest first: the person's name and role, when, and the reason if one was required. */
export async function listMyConsultations(user: SessionUser, limit = 30) {
  const jeuneId = ownJeuneId(user);
  if (!jeuneId) return [];
  const db = await getDb();
  return db
    .select({
      id: consultations.id,
      at: consultations.at,
      onglet: consultations.onglet,
      role: consultations.userRole,
      horsPortefeuille: consultations.horsPortefeuille,
      motif: consultations.motif,
      qui: users.name,
      structure: structures.name,
    })
    .from(consultations)
    .leftJoin(users, eq(users.id, consultations.userId))
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .where(eq(consultations.jeuneId, jeuneId))
    .orderBy(desc(consultations.at), desc(consultations.id))
    .limit(limit);
}

/** My rights requests with their steps, in two queries. */
export async function listMyDemandes(user: SessionUser) {
  const jeuneId = ownJeuneId(user);
  if (!jeuneId) return [];
  const db = await getDb();
  const demandes = await db
    .select({
      id: demandesDroits.id,
      numero: demandesDroits.numero,
      type: demandesDroits.type,
      statut: demandesDroits.statut,
      recueLe: demandesDroits.recueLe,
      echeance: demandesDroits.echeance,
      issue: demandesDroits.issue,
    })
    .from(demandesDroits)
    .where(eq(demandesDroits.jeuneId, jeuneId))
    .orderBy(desc(demandesDroits.recueLe));
  if (demandes.length === 0) return [];
  const events = await db
    .select({ demandeId: demandeEvenements.demandeId, at: demandeEvenements.at, message: demandeEvenements.message })
    .from(demandeEvenements)
    .where(
      inArray(
        demandeEvenements.demandeId,
        demandes.map((d) => d.id),
      ),
    )
    .orderBy(asc(demandeEvenements.at), asc(demandeEvenements.id));
  return demandes.map((d) => ({ ...d, etapes: events.filter((e) => e.demandeId === d.id) }));
}

/** What was sent about me, to whom and why (names of the data, never their values), newest first. */
export async function listMyTransmissions(user: SessionUser, limit = 50) {
  const jeuneId = ownJeuneId(user);
  if (!jeuneId) return [];
  const db = await getDb();
  return db
    .select({
      id: transmissions.id,
      recipient: transmissions.recipient,
      finality: transmissions.finality,
      kind: transmissions.kind,
      fieldNames: transmissions.fieldNames,
      status: transmissions.status,
      createdAt: transmissions.createdAt,
      acknowledgedAt: transmissions.acknowledgedAt,
    })
    .from(transmissions)
    .where(eq(transmissions.jeuneId, jeuneId))
    .orderBy(desc(transmissions.createdAt))
    .limit(limit);
}
