import "server-only";
import { and, asc, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { actionsJeune, users, type ActionJeune } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { isActionCategorie, isActionStatut, type ActionCategorie, type ActionStatut } from "./labels";

export const ACTIONS_PAGE_SIZE = 20;

export interface ActionsFiltre {
  statut: ActionStatut | null;
  categorie: ActionCategorie | null;
}

/** ?statut=…&categorie=… read defensively: anything unknown means "all". */
export function parseActionsFiltre(params: Record<string, string | string[] | undefined>): ActionsFiltre {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const statut = first(params.statut);
  const categorie = first(params.categorie);
  return { statut: isActionStatut(statut) ? statut : null, categorie: isActionCategorie(categorie) ? categorie : null };
}

/** Every read of actions by this caller is limited to their structure (admin: all). */
function scoped(user: SessionUser, jeuneId: string): SQL[] {
  const scope = structureScope(user);
  return [eq(actionsJeune.jeuneId, jeuneId), ...(scope ? [eq(actionsJeune.structureId, scope)] : [])];
}

export type ActionListRow = Pick<
  ActionJeune,
  "id" | "libelle" | "categorie" | "statut" | "debut" | "fin" | "dureeMinutes" | "qualifieeLe" | "version"
>;

const listColumns = {
  id: actionsJeune.id,
  libelle: actionsJeune.libelle,
  categorie: actionsJeune.categorie,
  statut: actionsJeune.statut,
  debut: actionsJeune.debut,
  fin: actionsJeune.fin,
  dureeMinutes: actionsJeune.dureeMinutes,
  qualifieeLe: actionsJeune.qualifieeLe,
  version: actionsJeune.version,
};

/**
 * One page of a young person's actions, newest start first (index actions_jeune_jeune_idx), with the
 * total for the pagination. The caller has checked the dossier access.
 */
export async function listActions(db: DbOrTx, user: SessionUser, jeuneId: string, options: { page: number; filtre: ActionsFiltre }) {
  const where = and(
    ...scoped(user, jeuneId),
    ...(options.filtre.statut ? [eq(actionsJeune.statut, options.filtre.statut)] : []),
    ...(options.filtre.categorie ? [eq(actionsJeune.categorie, options.filtre.categorie)] : []),
  );
  const [[totalRow], rows] = await Promise.all([
    db.select({ total: count() }).from(actionsJeune).where(where),
    db
      .select(listColumns)
      .from(actionsJeune)
      .where(where)
      .orderBy(desc(actionsJeune.debut), desc(actionsJeune.createdAt), asc(actionsJeune.id))
      .limit(ACTIONS_PAGE_SIZE)
      .offset((options.page - 1) * ACTIONS_PAGE_SIZE),
  ]);
  const total = Number(totalRow?.total ?? 0);
  return { rows: rows as ActionListRow[], total, pageCount: Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE)) };
}

/** Finished actions not qualified yet (the bulk qualification list), oldest first, 100 at most. */
export async function listActionsToQualify(db: DbOrTx, user: SessionUser, jeuneId: string): Promise<ActionListRow[]> {
  return (await db
    .select(listColumns)
    .from(actionsJeune)
    .where(and(...scoped(user, jeuneId), eq(actionsJeune.statut, "terminee"), isNull(actionsJeune.qualifieeLe)))
    .orderBy(asc(actionsJeune.fin), asc(actionsJeune.debut), asc(actionsJeune.id))
    .limit(100)) as ActionListRow[];
}

/**
 * The dossier's Actions tab: one page of the list and, for a caller who may qualify them, the finished
 * actions waiting for it. Same scoping as `listActions` and `listActionsToQualify`.
 */
export async function listActionsForDossier(
  user: SessionUser,
  jeuneId: string,
  options: { page: number; filtre: ActionsFiltre; withToQualify: boolean },
): Promise<{ list: Awaited<ReturnType<typeof listActions>>; toQualify: ActionListRow[] }> {
  const db = await getDb();
  const [list, toQualify] = await Promise.all([
    listActions(db, user, jeuneId, { page: options.page, filtre: options.filtre }),
    options.withToQualify ? listActionsToQualify(db, user, jeuneId) : Promise.resolve([]),
  ]);
  return { list, toQualify };
}

export interface ActionDetail extends ActionJeune {
  qualifieeParNom: string | null;
}

/** One action of this dossier, in the caller's structure; null otherwise (the page answers 404). */
export async function getAction(db: DbOrTx, user: SessionUser, jeuneId: string, actionId: string): Promise<ActionDetail | null> {
  const [row] = await db
    .select({ action: actionsJeune, qualifieeParNom: users.name })
    .from(actionsJeune)
    .leftJoin(users, eq(users.id, actionsJeune.qualifieePar))
    .where(and(eq(actionsJeune.id, actionId), ...scoped(user, jeuneId)));
  return row ? { ...row.action, qualifieeParNom: row.qualifieeParNom } : null;
}
