import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { contratEvenements, contrats, jeunes, phases, users, type Contrat, type Phase } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";

export interface ContratEvenementView {
  id: string;
  type: "signature" | "modification" | "prolongation" | "sortie" | "bascule";
  dateEffet: string;
  motif: string | null;
  etat: Record<string, string | number | boolean | null>;
  at: Date;
  par: string | null;
}

export interface ContratView extends Contrat {
  conseillerNom: string | null;
  phases: Phase[];
  evenements: ContratEvenementView[];
}

/**
 * Every contract of a young person (most recent first) with its phases and its history, in three
 * indexed queries whatever the number of contracts. Scoped by the caller's structure.
 */
export async function listContrats(db: DbOrTx, user: SessionUser, jeuneId: string): Promise<ContratView[]> {
  const scope = structureScope(user);
  const rows = await db
    .select({ contrat: contrats, conseillerNom: users.name })
    .from(contrats)
    .leftJoin(users, eq(users.id, contrats.conseillerId))
    .where(and(eq(contrats.jeuneId, jeuneId), ...(scope ? [eq(contrats.structureId, scope)] : [])))
    .orderBy(desc(contrats.debut), desc(contrats.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.contrat.id);
  const [phaseRows, eventRows] = await Promise.all([
    db.select().from(phases).where(inArray(phases.contratId, ids)).orderBy(asc(phases.debut)),
    db
      .select({ e: contratEvenements, par: users.name })
      .from(contratEvenements)
      .leftJoin(users, eq(users.id, contratEvenements.parId))
      .where(inArray(contratEvenements.contratId, ids))
      .orderBy(desc(contratEvenements.at), desc(contratEvenements.id)),
  ]);
  return rows.map(({ contrat, conseillerNom }) => ({
    ...contrat,
    conseillerNom,
    phases: phaseRows.filter((p) => p.contratId === contrat.id),
    evenements: eventRows
      .filter((r) => r.e.contratId === contrat.id)
      .map(({ e, par }) => ({ id: e.id, type: e.type, dateEffet: e.dateEffet, motif: e.motif, etat: e.etat, at: e.at, par })),
  }));
}

/** `listContrats` for the dossier's pathway section, on the process-wide database. */
export async function listContratsForDossier(user: SessionUser, jeuneId: string): Promise<ContratView[]> {
  return listContrats(await getDb(), user, jeuneId);
}

/** One contract of this young person (the dossier's access was checked by the page), or null. */
export async function getContrat(db: DbOrTx, user: SessionUser, jeuneId: string, contratId: string): Promise<ContratView | null> {
  const all = await listContrats(db, user, jeuneId);
  return all.find((c) => c.id === contratId) ?? null;
}

/** What the forms and the summary need to know about the young person: no contact or sensitive data. */
export async function getJeuneForParcours(db: DbOrTx, user: SessionUser, jeuneId: string) {
  const scope = structureScope(user);
  const [row] = await db
    .select({
      id: jeunes.id,
      structureId: jeunes.structureId,
      nomNaissance: jeunes.nomNaissance,
      nomUsage: jeunes.nomUsage,
      prenoms: jeunes.prenoms,
      dateNaissance: jeunes.dateNaissance,
      rqth: jeunes.rqth,
      statut: jeunes.statut,
      dispositif: jeunes.dispositif,
    })
    .from(jeunes)
    .where(and(eq(jeunes.id, jeuneId), ...(scope ? [eq(jeunes.structureId, scope)] : [])));
  return row ?? null;
}
