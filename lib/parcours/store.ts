/**
 * Database steps shared by the contract and phase writes (inside runAction's transaction). Every load
 * checks the row belongs to the caller's structure; a miss is "not found", whatever the reason.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contratEvenements, contrats, jeunes, phases, type Contrat, type Jeune, type Phase } from "@/db/schema";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import type { AuditInput } from "@/lib/audit/write";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { ownerOfContrat } from "@/lib/dossier/targets";
import { structureConditions } from "@/lib/dossier/scope";

export const PARCOURS_ARCHIVED = "Ce dossier est archivé : restaurez-le avant de modifier son parcours.";

/** The file a pathway write targets (the gate refuses an archived one with PARCOURS_ARCHIVED). */
export const ofContrat = {
  jeuneIds: (input: { contratId: string }, tx: Tx) => ownerOfContrat(tx, input.contratId),
  stateMessage: PARCOURS_ARCHIVED,
};

export const CONTRAT_CONFLICT =
  "Ce contrat a été modifié par quelqu'un d'autre pendant que vous le modifiiez. Rien n'a été enregistré : rechargez la page pour voir sa version actuelle.";
export const PHASE_CONFLICT =
  "Cette phase a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rien n'a été enregistré : rechargez la page pour voir sa version actuelle.";

/** The young person, locked for this transaction so two signatures for one person run one after the other. */
export async function lockJeune(tx: Tx, user: SessionUser, jeuneId: string): Promise<Jeune> {
  const [jeune] = await tx
    .select()
    .from(jeunes)
    .where(and(eq(jeunes.id, jeuneId), ...structureConditions(user)))
    .for("update");
  if (!jeune) throw new DomainError("not_found");
  assertSameStructure(user, jeune.structureId);
  if (jeune.statut !== "actif" || jeune.anonymisedAt) {
    throw new DomainError("conflict", { message: PARCOURS_ARCHIVED });
  }
  return jeune;
}

export async function loadContrat(tx: Tx, user: SessionUser, contratId: string): Promise<Contrat> {
  const [contrat] = await tx.select().from(contrats).where(eq(contrats.id, contratId));
  if (!contrat) throw new DomainError("not_found");
  assertSameStructure(user, contrat.structureId);
  return contrat;
}

/** The contract and its young person (locked), checked against the version the form read. */
export async function openContratForWrite(
  tx: Tx,
  user: SessionUser,
  contratId: string,
  version: number,
): Promise<{ contrat: Contrat; jeune: Jeune }> {
  const first = await loadContrat(tx, user, contratId);
  const jeune = await lockJeune(tx, user, first.jeuneId);
  const contrat = await loadContrat(tx, user, contratId);
  if (contrat.version !== version) throw new DomainError("conflict", { message: CONTRAT_CONFLICT });
  return { contrat, jeune };
}

/** Optimistic update: only if nobody changed the row since `version` was read. */
export async function updateContrat(
  tx: Tx,
  contrat: Contrat,
  version: number,
  values: Partial<typeof contrats.$inferInsert>,
): Promise<Contrat> {
  const [row] = await tx
    .update(contrats)
    .set({ ...values, version: sql`${contrats.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contrats.id, contrat.id), eq(contrats.version, version)))
    .returning();
  if (!row) throw new DomainError("conflict", { message: CONTRAT_CONFLICT });
  return row;
}

/** The contract's columns after a change (no identity: neither name nor birth date are in this table). */
export function etatOf(c: Contrat): Record<string, string | number | boolean | null> {
  return {
    type: c.type,
    signeLe: c.signeLe,
    debut: c.debut,
    finPrevue: c.finPrevue,
    prolongationMotif: c.prolongationMotif,
    finReelle: c.finReelle,
    motifSortie: c.motifSortie,
    etudiant: c.etudiant,
    precedentContratId: c.precedentContratId,
    basculeMotif: c.basculeMotif,
    version: c.version,
  };
}

export async function addEvenement(
  tx: Tx,
  contrat: Contrat,
  type: (typeof contratEvenements.$inferInsert)["type"],
  dateEffet: CivilDate,
  motif: string | null,
  userId: string,
): Promise<void> {
  await tx
    .insert(contratEvenements)
    .values({ contratId: contrat.id, jeuneId: contrat.jeuneId, type, dateEffet, motif, etat: etatOf(contrat), parId: userId });
}

/** jeunes.dispositif follows the open contract ("aucun" after an exit); the dossier's version moves with it. */
export async function syncDispositif(tx: Tx, jeune: Jeune, dispositif: Jeune["dispositif"]): Promise<AuditInput | null> {
  if (jeune.dispositif === dispositif) return null;
  await tx
    .update(jeunes)
    .set({ dispositif, version: sql`${jeunes.version} + 1`, updatedAt: new Date() })
    .where(eq(jeunes.id, jeune.id));
  return {
    action: "jeune.dispositif",
    targetType: "jeune",
    targetId: jeune.id,
    jeuneId: jeune.id,
    structureId: jeune.structureId,
    fields: ["dispositif"],
    meta: { dispositif },
  };
}

export async function contractsOf(tx: Tx, jeuneId: string): Promise<Contrat[]> {
  return tx.select().from(contrats).where(eq(contrats.jeuneId, jeuneId)).orderBy(asc(contrats.debut));
}

export async function phasesOf(tx: Tx, contratId: string): Promise<Phase[]> {
  return tx.select().from(phases).where(eq(phases.contratId, contratId)).orderBy(asc(phases.debut));
}

/** A unique-index violation (PostgreSQL 23505) on `constraint`, whichever driver raised it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, constraint: c } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === "23505" && (constraint_name ?? c ?? constraint) === constraint) return true;
    const message = (e as { message?: string }).message;
    if (typeof message === "string" && message.includes(constraint) && message.includes("duplicate")) return true;
  }
  return false;
}

export function contratAudit(action: string, c: Contrat, fields: string[], meta: AuditInput["meta"] = {}): AuditInput {
  return {
    action,
    targetType: "contrat",
    targetId: c.id,
    jeuneId: c.jeuneId,
    structureId: c.structureId,
    fields,
    meta: { type: c.type, ...meta },
  };
}
