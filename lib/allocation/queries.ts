import "server-only";
import { and, count, desc, eq, gte, lte, sql } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { allocationDecisions, contrats, users } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { firstDayOfMonth, lastDayOfMonth } from "@/lib/calendar/months";

export const DECISIONS_PAGE_SIZE = 12;

export interface DecisionView {
  id: string;
  mois: string;
  dispositif: "CEJ" | "PACEA";
  montantCents: number;
  entrees: Record<string, unknown>;
  regleVersion: string;
  explication: string;
  decideeLe: Date;
  decideeParNom: string | null;
  remplaceeParId: string | null;
}

/**
 * The young person's decisions, most recent month first (then the latest decision of a month first),
 * scoped to the caller's structure; one page, with the total for the pagination (index jeune_id, mois).
 */
export async function listDecisions(
  db: DbOrTx,
  user: SessionUser,
  jeuneId: string,
  page: number,
): Promise<{ rows: DecisionView[]; total: number }> {
  const scope = structureScope(user);
  const where = and(eq(allocationDecisions.jeuneId, jeuneId), scope ? eq(allocationDecisions.structureId, scope) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: allocationDecisions.id,
        mois: allocationDecisions.mois,
        dispositif: allocationDecisions.dispositif,
        montantCents: allocationDecisions.montantCents,
        entrees: allocationDecisions.entrees,
        regleVersion: allocationDecisions.regleVersion,
        explication: allocationDecisions.explication,
        decideeLe: allocationDecisions.decideeLe,
        decideeParNom: users.name,
        remplaceeParId: allocationDecisions.remplaceeParId,
      })
      .from(allocationDecisions)
      .leftJoin(users, eq(users.id, allocationDecisions.decideePar))
      .where(where)
      .orderBy(desc(allocationDecisions.mois), desc(allocationDecisions.decideeLe), desc(allocationDecisions.id))
      .limit(DECISIONS_PAGE_SIZE)
      .offset((page - 1) * DECISIONS_PAGE_SIZE),
    db.select({ n: count() }).from(allocationDecisions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** `listDecisions` for the dossier's allowance section, on the process-wide database. */
export async function listDecisionsForDossier(
  user: SessionUser,
  jeuneId: string,
  page: number,
): Promise<{ rows: DecisionView[]; total: number }> {
  return listDecisions(await getDb(), user, jeuneId, page);
}

/** Types of the contracts in force at some point between two months (to show the right form fields). */
export async function contractTypesBetween(
  db: DbOrTx,
  user: SessionUser,
  jeuneId: string,
  from: string,
  to: string,
): Promise<("CEJ" | "PACEA")[]> {
  const scope = structureScope(user);
  const rows = await db
    .selectDistinct({ type: contrats.type })
    .from(contrats)
    .where(
      and(
        eq(contrats.jeuneId, jeuneId),
        scope ? eq(contrats.structureId, scope) : undefined,
        lte(contrats.debut, lastDayOfMonth(to)),
        gte(sql`coalesce(${contrats.finReelle}, ${contrats.finPrevue})`, firstDayOfMonth(from)),
      ),
    );
  return rows.map((r) => r.type).sort();
}
