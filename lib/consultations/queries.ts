import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consultations, jeunes, structures, users } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { ConsultationMotif } from "./motifs";

export const CONSULTATIONS_PAGE_SIZE = 50;

export interface ConsultationLogQuery {
  page: number;
  /** Only the openings outside the viewer's portfolio (break-glass). */
  horsPortefeuille?: boolean;
  /** Only the openings given this reason (the DPO's dashboard links to them). */
  motif?: ConsultationMotif | null;
}

/**
 * The consultation log of the caller's structure (admin: all), newest first: who opened which
 * dossier, when, which tab, and the reason given outside their portfolio. One query per page plus
 * the count. For DPO, director and admin (capability audit.read), who may all open these dossiers.
 */
export async function listConsultationLog(user: SessionUser, query: ConsultationLogQuery) {
  const db = await getDb();
  const conditions: SQL[] = [];
  const scope = structureScope(user);
  if (scope) conditions.push(eq(consultations.structureId, scope));
  if (query.horsPortefeuille) conditions.push(eq(consultations.horsPortefeuille, true));
  if (query.motif) conditions.push(eq(consultations.motif, query.motif));
  const where = conditions.length ? and(...conditions) : undefined;

  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: consultations.id,
        at: consultations.at,
        onglet: consultations.onglet,
        horsPortefeuille: consultations.horsPortefeuille,
        motif: consultations.motif,
        motifDetail: consultations.motifDetail,
        userName: users.name,
        userRole: consultations.userRole,
        jeuneId: consultations.jeuneId,
        nomNaissance: jeunes.nomNaissance,
        nomUsage: jeunes.nomUsage,
        prenoms: jeunes.prenoms,
        structure: structures.name,
      })
      .from(consultations)
      .innerJoin(jeunes, eq(jeunes.id, consultations.jeuneId))
      .innerJoin(structures, eq(structures.id, consultations.structureId))
      .leftJoin(users, eq(users.id, consultations.userId))
      .where(where)
      .orderBy(desc(consultations.at), desc(consultations.id))
      .limit(CONSULTATIONS_PAGE_SIZE)
      .offset((query.page - 1) * CONSULTATIONS_PAGE_SIZE),
    db.select({ n: count() }).from(consultations).where(where),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, pageCount: Math.max(1, Math.ceil(n / CONSULTATIONS_PAGE_SIZE)) };
}
