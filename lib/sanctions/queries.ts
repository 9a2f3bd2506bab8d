import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { sanctions, users, type Sanction } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { proposeSanction, RUNGS, type SanctionProposal } from "./bareme";
import { loadLadders } from "./ladders";

export interface SanctionView extends Sanction {
  decideeParNom: string | null;
  /** The rule at the date of the fact, as the ladder says it (explanation, rung, caveat). */
  rule: SanctionProposal | null;
}

/** At most this many per young person on the dossier (a handful in practice). */
const LIMIT = 50;

async function withRules(db: DbOrTx, rows: (Sanction & { decideeParNom: string | null })[]): Promise<SanctionView[]> {
  if (rows.length === 0) return [];
  const ladders = await loadLadders(db);
  return rows.map((row) => {
    // Same ladder (date of the fact) and same rung as when it was proposed.
    const proposal = proposeSanction({ factDate: row.dateFait, ladders, previousUnjustifiedFailures: row.palierIndex });
    const rule = proposal.ok && proposal.palier === row.palier ? proposal : null;
    return { ...row, rule };
  });
}

/** The young person's sanctions, latest fact first, scoped to the caller's structure. */
export async function listSanctions(db: DbOrTx, user: SessionUser, jeuneId: string): Promise<SanctionView[]> {
  const scope = structureScope(user);
  const rows = await db
    .select({ sanction: sanctions, decideeParNom: users.name })
    .from(sanctions)
    .leftJoin(users, eq(users.id, sanctions.decideePar))
    .where(and(eq(sanctions.jeuneId, jeuneId), scope ? eq(sanctions.structureId, scope) : undefined))
    .orderBy(desc(sanctions.dateFait), desc(sanctions.createdAt))
    .limit(LIMIT);
  return withRules(
    db,
    rows.map((r) => ({ ...r.sanction, decideeParNom: r.decideeParNom })),
  );
}

/** `listSanctions` for the dossier's pathway section, on the process-wide database. */
export async function listSanctionsForDossier(user: SessionUser, jeuneId: string): Promise<SanctionView[]> {
  return listSanctions(await getDb(), user, jeuneId);
}

/** One sanction of this young person, in the caller's structure; null otherwise. */
export async function getSanction(db: DbOrTx, user: SessionUser, jeuneId: string, id: string): Promise<SanctionView | null> {
  const scope = structureScope(user);
  const [row] = await db
    .select({ sanction: sanctions, decideeParNom: users.name })
    .from(sanctions)
    .leftJoin(users, eq(users.id, sanctions.decideePar))
    .where(and(eq(sanctions.id, id), eq(sanctions.jeuneId, jeuneId), scope ? eq(sanctions.structureId, scope) : undefined));
  if (!row) return null;
  const [view] = await withRules(db, [{ ...row.sanction, decideeParNom: row.decideeParNom }]);
  return view ?? null;
}

/** The rung's description even when the rule could not be recomputed. */
export function rungDescription(palier: string): string {
  return RUNGS[palier]?.description ?? `Palier « ${palier} » : effet à préciser.`;
}
