/**
 * Writes on a young person's actions (capability parcours.write, same structure, optimistic version).
 * Every write returns one audit entry per action touched, with jeuneId (the dossier's Historique) and the
 * names of the fields written, never their values.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { actionsJeune, contrats, type ActionJeune } from "@/db/schema";
import { type ActionContext, type ActionDefinition, theDossier } from "@/lib/actions/run";
import { inputJeune, ownerOfAction } from "@/lib/dossier/targets";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import type { AuditInput } from "@/lib/audit/write";
import { compare } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { formatDate } from "@/lib/format/fr";
import { STATUT_LABELS } from "./labels";
import {
  bulkQualifySchema,
  closeActionSchema,
  createActionSchema,
  qualifyActionSchema,
  statutActionSchema,
  updateActionSchema,
} from "./schema";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export interface ActionWriteResult {
  id: string;
  jeuneId: string;
}

export interface BulkQualifyResult {
  jeuneId: string;
  ids: string[];
}

export const ACTION_NOT_FOUND = "Cette action est introuvable ou vous n'y avez pas accès.";
export const ACTION_CONFLICT =
  "Cette action a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rechargez la page : rien n'a été enregistré.";

type Ctx<S extends z.ZodType> = ActionContext<z.output<S>>;

/** Writes on one action: the file is the action's owner's (an archived file's actions stay editable). */
const ofAction = { jeuneIds: (input: { actionId: string }, tx: Tx) => ownerOfAction(tx, input.actionId), states: ["archive"] as const };

function definition<S extends z.ZodType, T extends { jeuneId: string; id?: string }>(
  name: string,
  schema: S,
  dossier: ActionDefinition<S, T>["dossier"],
  handler: (ctx: Ctx<S>) => Promise<{ data: T; audit: AuditInput | AuditInput[] }>,
): ActionDefinition<S, T> {
  return {
    name,
    schema,
    capability: "parcours.write",
    dossier,
    handler,
    refreshes: [ALERT_STATE],
    revalidate: (_input, data) => [`/jeunes/${data.jeuneId}`, ...(data.id ? [`/jeunes/${data.jeuneId}/actions/${data.id}`] : [])],
  };
}

function audit(
  action: string,
  row: Pick<ActionJeune, "id" | "jeuneId" | "structureId">,
  fields: string[],
  after?: unknown,
  meta?: AuditInput["meta"],
): AuditInput {
  return { action, targetType: "action_jeune", targetId: row.id, jeuneId: row.jeuneId, structureId: row.structureId, fields, after, meta };
}

function fieldError(field: string, message: string): never {
  throw new DomainError("invalid_input", { fieldErrors: { [field]: [message] } });
}

/** The action, locked for this transaction, if it belongs to the caller's structure. */
async function loadAction(tx: Tx, user: SessionUser, actionId: string): Promise<ActionJeune> {
  const [row] = await tx.select().from(actionsJeune).where(eq(actionsJeune.id, actionId)).for("update");
  if (!row) throw new DomainError("not_found", { message: ACTION_NOT_FOUND });
  try {
    assertSameStructure(user, row.structureId);
  } catch {
    throw new DomainError("not_found", { message: ACTION_NOT_FOUND });
  }
  return row;
}

/** Compare-and-set on `version`: a stale form never overwrites someone else's change. */
async function updateAction(
  tx: Tx,
  row: ActionJeune,
  expectedVersion: number,
  values: Partial<typeof actionsJeune.$inferInsert>,
): Promise<ActionJeune> {
  if (row.version !== expectedVersion) throw new DomainError("conflict", { message: ACTION_CONFLICT });
  const [updated] = await tx
    .update(actionsJeune)
    .set({ ...values, version: sql`${actionsJeune.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionsJeune.id, row.id), eq(actionsJeune.version, expectedVersion)))
    .returning();
  if (!updated) throw new DomainError("conflict", { message: ACTION_CONFLICT });
  return updated;
}

/** The contract in force (not ended) the action belongs to, if any. */
export async function openContratId(tx: Tx, jeuneId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: contrats.id })
    .from(contrats)
    .where(and(eq(contrats.jeuneId, jeuneId), isNull(contrats.finReelle)))
    .limit(1);
  return row?.id ?? null;
}

function qualifiedLock(row: ActionJeune): string {
  return `Cette action a été qualifiée le ${formatDate(row.qualifieeLe!)} : son statut et sa catégorie ne peuvent plus changer.`;
}

export const createAction = definition(
  "action_jeune.create",
  createActionSchema,
  { jeuneIds: inputJeune, stateMessage: "Ce dossier est archivé : restaurez-le avant d'ajouter une action." },
  async ({ tx, user, input, dossiers }) => {
    const { jeune } = theDossier(dossiers);
    const contratId = await openContratId(tx, jeune.id);
    const [row] = await tx
      .insert(actionsJeune)
      .values({
        structureId: jeune.structureId,
        jeuneId: jeune.id,
        contratId,
        categorie: input.categorie,
        libelle: input.libelle,
        commentaire: input.commentaire,
        debut: input.debut,
        fin: input.fin,
        dureeMinutes: input.duree,
        statut: input.statut,
        creeePar: user.id,
      })
      .returning();
    const fields = [
      "libelle",
      "categorie",
      "statut",
      "debut",
      ...(input.fin ? ["fin"] : []),
      ...(input.duree !== null ? ["dureeMinutes"] : []),
      ...(input.commentaire ? ["commentaire"] : []),
      ...(contratId ? ["contratId"] : []),
    ];
    return { data: { id: row!.id, jeuneId: row!.jeuneId }, audit: audit("action_jeune.create", row!, fields, input) };
  },
);

export const editAction = definition("action_jeune.update", updateActionSchema, ofAction, async ({ tx, user, input }) => {
  const row = await loadAction(tx, user, input.actionId);
  if (row.qualifieeLe && input.categorie !== row.categorie) fieldError("categorie", qualifiedLock(row));
  if (row.statut === "terminee" && input.fin === null) fieldError("fin", "Cette action est terminée : gardez une date de fin.");
  const values = {
    libelle: input.libelle,
    categorie: input.categorie,
    debut: input.debut,
    fin: input.fin,
    dureeMinutes: input.duree,
    commentaire: input.commentaire,
  };
  const fields = Object.entries(values)
    .filter(([k, v]) => row[k as keyof typeof values] !== v)
    .map(([k]) => k);
  if (fields.length === 0)
    throw new DomainError("invalid_input", { message: "Aucune modification à enregistrer : changez au moins un champ." });
  const updated = await updateAction(tx, row, input.version, values);
  return { data: { id: updated.id, jeuneId: updated.jeuneId }, audit: audit("action_jeune.update", updated, fields, input) };
});

export const changeActionStatut = definition("action_jeune.statut", statutActionSchema, ofAction, async ({ tx, user, input }) => {
  const row = await loadAction(tx, user, input.actionId);
  if (row.qualifieeLe) throw new DomainError("conflict", { message: qualifiedLock(row) });
  if (input.statut === row.statut) fieldError("statut", `L'action est déjà « ${STATUT_LABELS[row.statut]} » : choisissez un autre statut.`);
  const fin = input.fin ?? (input.statut === "terminee" ? null : row.fin);
  if (fin !== null && compare(fin, row.debut) < 0)
    fieldError("fin", `La date de fin ne peut pas être avant le début de l'action (${formatDate(row.debut)}).`);
  const updated = await updateAction(tx, row, input.version, { statut: input.statut, fin });
  const fields = ["statut", ...(fin !== row.fin ? ["fin"] : [])];
  return { data: { id: updated.id, jeuneId: updated.jeuneId }, audit: audit("action_jeune.statut", updated, fields, input) };
});

/** Closing = finished, with its end date (and the actual duration when known). */
export const closeAction = definition("action_jeune.cloture", closeActionSchema, ofAction, async ({ tx, user, input }) => {
  const row = await loadAction(tx, user, input.actionId);
  if (row.statut === "terminee") throw new DomainError("conflict", { message: "Cette action est déjà terminée." });
  if (row.statut === "annulee")
    throw new DomainError("conflict", { message: "Cette action est annulée : changez d'abord son statut si elle a finalement eu lieu." });
  if (compare(input.fin, row.debut) < 0)
    fieldError("fin", `La date de fin ne peut pas être avant le début de l'action (${formatDate(row.debut)}).`);
  const values = { statut: "terminee" as const, fin: input.fin, ...(input.duree !== null ? { dureeMinutes: input.duree } : {}) };
  const updated = await updateAction(tx, row, input.version, values);
  return { data: { id: updated.id, jeuneId: updated.jeuneId }, audit: audit("action_jeune.cloture", updated, Object.keys(values), input) };
});

function qualifyRefusal(row: ActionJeune): string | null {
  if (row.statut !== "terminee") return `L'action « ${row.libelle} » n'est pas terminée : seule une action terminée peut être qualifiée.`;
  if (row.qualifieeLe) return `L'action « ${row.libelle} » a déjà été qualifiée le ${formatDate(row.qualifieeLe)}.`;
  return null;
}

/** The counsellor confirms a finished action and its category: from then on it counts as validated hours. */
export const qualifyAction = definition("action_jeune.qualification", qualifyActionSchema, ofAction, async ({ tx, user, input }) => {
  const row = await loadAction(tx, user, input.actionId);
  const refusal = qualifyRefusal(row);
  if (refusal) throw new DomainError("conflict", { message: refusal });
  const updated = await updateAction(tx, row, input.version, {
    categorie: input.categorie,
    qualifieeLe: new Date(),
    qualifieePar: user.id,
  });
  const fields = ["qualifieeLe", "qualifieePar", ...(input.categorie !== row.categorie ? ["categorie"] : [])];
  return { data: { id: updated.id, jeuneId: updated.jeuneId }, audit: audit("action_jeune.qualification", updated, fields, input) };
});

/**
 * Several finished actions of one young person qualified at once, all or nothing: one that is not
 * eligible, belongs to another dossier or changed since the page was read refuses the whole batch.
 */
export const bulkQualifyActions = definition(
  "action_jeune.qualification_groupee",
  bulkQualifySchema,
  { jeuneIds: inputJeune, states: ["archive"] },
  async ({ tx, user, input, dossiers }) => {
    const { jeune } = theDossier(dossiers);
    const wanted = new Map(input.actions.map((a) => [a.actionId, a.version]));
    const rows = await tx
      .select()
      .from(actionsJeune)
      .where(and(inArray(actionsJeune.id, [...wanted.keys()]), eq(actionsJeune.jeuneId, jeune.id)))
      .orderBy(actionsJeune.id)
      .for("update");
    if (rows.length !== wanted.size) {
      throw new DomainError("not_found", {
        message: "Une des actions cochées est introuvable dans ce dossier. Rechargez la page : aucune action n'a été qualifiée.",
      });
    }
    for (const row of rows) {
      if (row.version !== wanted.get(row.id)) {
        throw new DomainError("conflict", {
          message: `L'action « ${row.libelle} » a été modifiée entre-temps. Rechargez la page : aucune action n'a été qualifiée.`,
        });
      }
      const refusal = qualifyRefusal(row);
      if (refusal) throw new DomainError("conflict", { message: `${refusal} Aucune action n'a été qualifiée.` });
    }
    const now = new Date();
    const updated = await tx
      .update(actionsJeune)
      .set({ qualifieeLe: now, qualifieePar: user.id, version: sql`${actionsJeune.version} + 1`, updatedAt: now })
      .where(
        and(
          inArray(
            actionsJeune.id,
            rows.map((r) => r.id),
          ),
          eq(actionsJeune.statut, "terminee"),
          isNull(actionsJeune.qualifieeLe),
        ),
      )
      .returning({ id: actionsJeune.id, jeuneId: actionsJeune.jeuneId, structureId: actionsJeune.structureId });
    if (updated.length !== rows.length)
      throw new DomainError("conflict", {
        message: "Des actions ont changé pendant l'enregistrement. Rechargez la page : aucune action n'a été qualifiée.",
      });
    return {
      data: { jeuneId: jeune.id, ids: updated.map((u) => u.id) },
      audit: updated.map((u) =>
        audit("action_jeune.qualification", u, ["qualifieeLe", "qualifieePar"], undefined, { groupee: true, nombre: updated.length }),
      ),
    };
  },
);
