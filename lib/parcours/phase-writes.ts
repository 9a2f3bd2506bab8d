/**
 * PACEA phase writes (capability parcours.write, caller's structure): add, edit (optimistic lock on
 * phases.version), record the review. Adding or editing re-checks the whole set of the contract's
 * phases with checkPhases against the contract's period, and puts each refusal next to its field.
 */
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { phases, type Contrat, type Phase as PhaseRow } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import { changedFields, type AuditInput } from "@/lib/audit/write";
import { compare, todayInParis } from "@/lib/calendar/civil-date";
import { ownerOfPhase } from "@/lib/dossier/targets";
import { DomainError } from "@/lib/errors/domain-error";
import { formatLongCivilDate } from "@/lib/format/fr";
import { contractPeriod } from "./periodes";
import { phaseFieldErrors } from "./phase-errors";
import { checkPhases, type Phase } from "./phases";
import { addPhaseSchema, bilanPhaseSchema, editPhaseSchema } from "./schema";
import { loadContrat, lockJeune, ofContrat, PARCOURS_ARCHIVED, PHASE_CONFLICT, phasesOf } from "./store";

export interface PhaseResult {
  phaseId: string;
  contratId: string;
  jeuneId: string;
}

function definition<S extends z.ZodType>(
  name: string,
  schema: S,
  dossier: ActionDefinition<S, PhaseResult>["dossier"],
  handler: ActionDefinition<S, PhaseResult>["handler"],
): ActionDefinition<S, PhaseResult> {
  return { name, schema, capability: "parcours.write", dossier, handler, revalidate: (_input, data) => [`/jeunes/${data.jeuneId}`] };
}

const ofPhase = { jeuneIds: (input: { phaseId: string }, tx: Tx) => ownerOfPhase(tx, input.phaseId), stateMessage: PARCOURS_ARCHIVED };

function phaseAudit(action: string, p: PhaseRow, fields: string[]): AuditInput {
  return {
    action,
    targetType: "phase",
    targetId: p.id,
    jeuneId: p.jeuneId,
    structureId: p.structureId,
    fields,
    meta: { type: p.type, contratId: p.contratId },
  };
}

/** The contract, with its young person locked (phase writes of one contract run one after the other). */
async function openContrat(tx: Tx, user: SessionUser, contratId: string, { mustBeOpen }: { mustBeOpen: boolean }): Promise<Contrat> {
  const contrat = await loadContrat(tx, user, contratId);
  await lockJeune(tx, user, contrat.jeuneId);
  if (contrat.type !== "PACEA")
    throw new DomainError("conflict", { message: "Les phases ne concernent que le PACEA : ce contrat est un CEJ." });
  if (mustBeOpen && contrat.finReelle !== null) {
    throw new DomainError("conflict", {
      message: `Ce contrat est terminé depuis le ${formatLongCivilDate(contrat.finReelle)} : ses phases ne peuvent plus être modifiées.`,
    });
  }
  return contrat;
}

async function loadPhase(tx: Tx, user: SessionUser, phaseId: string, version: number): Promise<PhaseRow> {
  const [phase] = await tx.select().from(phases).where(eq(phases.id, phaseId));
  if (!phase) throw new DomainError("not_found");
  assertSameStructure(user, phase.structureId);
  if (phase.version !== version) throw new DomainError("conflict", { message: PHASE_CONFLICT });
  return phase;
}

const toRule = (p: { type: Phase["kind"]; debut: string; fin: string }): Phase => ({ kind: p.type, start: p.debut, end: p.fin });

/** checkPhases on the full set, the written phase at index `edited`; refusals become field errors. */
function validate(contrat: Contrat, set: Phase[], edited: number): void {
  const result = checkPhases(contractPeriod(contrat), set);
  if (!result.ok)
    throw new DomainError("invalid_input", { fieldErrors: phaseFieldErrors(result.refusals, set, edited) as Record<string, string[]> });
}

export const addPhase = definition("phase.ajout", addPhaseSchema, ofContrat, async ({ tx, user, input }) => {
  const contrat = await openContrat(tx, user, input.contratId, { mustBeOpen: true });
  const existing = await phasesOf(tx, contrat.id);
  const set = [...existing.map(toRule), toRule(input)];
  validate(contrat, set, set.length - 1);
  const [row] = await tx
    .insert(phases)
    .values({
      structureId: contrat.structureId,
      jeuneId: contrat.jeuneId,
      contratId: contrat.id,
      type: input.type,
      debut: input.debut,
      fin: input.fin,
      objectifs: input.objectifs,
    })
    .returning();
  return {
    data: { phaseId: row!.id, contratId: contrat.id, jeuneId: contrat.jeuneId },
    audit: phaseAudit("phase.ajout", row!, ["type", "debut", "fin", "objectifs"]),
  };
});

export const editPhase = definition("phase.modification", editPhaseSchema, ofPhase, async ({ tx, user, input }) => {
  const first = await loadPhase(tx, user, input.phaseId, input.version);
  const contrat = await openContrat(tx, user, first.contratId, { mustBeOpen: true });
  const existing = await phasesOf(tx, contrat.id);
  const edited = existing.findIndex((p) => p.id === first.id);
  if (edited < 0) throw new DomainError("not_found");
  const set = existing.map((p, i) => (i === edited ? toRule(input) : toRule(p)));
  validate(contrat, set, edited);
  const before = existing[edited]!;
  const values = { type: input.type, debut: input.debut, fin: input.fin, objectifs: input.objectifs };
  const fields = changedFields({ type: before.type, debut: before.debut, fin: before.fin, objectifs: before.objectifs }, values);
  if (fields.length === 0)
    throw new DomainError("invalid_input", {
      fieldErrors: { objectifs: ["Rien n'a changé : modifiez au moins un champ, ou revenez au dossier."] },
    });
  const [row] = await tx
    .update(phases)
    .set({ ...values, version: sql`${phases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(phases.id, before.id), eq(phases.version, input.version)))
    .returning();
  if (!row) throw new DomainError("conflict", { message: PHASE_CONFLICT });
  return {
    data: { phaseId: row.id, contratId: contrat.id, jeuneId: contrat.jeuneId },
    audit: phaseAudit("phase.modification", row, fields),
  };
});

/** The review of a phase: possible on an ended contract too (the review often comes after). */
export const recordBilan = definition("phase.bilan", bilanPhaseSchema, ofPhase, async ({ tx, user, input }) => {
  const today = todayInParis(new Date());
  const phase = await loadPhase(tx, user, input.phaseId, input.version);
  const contrat = await openContrat(tx, user, phase.contratId, { mustBeOpen: false });
  if (compare(input.bilanLe, phase.debut) < 0) {
    throw new DomainError("invalid_input", {
      fieldErrors: { bilanLe: [`Le bilan ne peut pas précéder le début de la phase, le ${formatLongCivilDate(phase.debut)}.`] },
    });
  }
  if (compare(input.bilanLe, today) > 0)
    throw new DomainError("invalid_input", { fieldErrors: { bilanLe: ["La date du bilan ne peut pas être dans le futur."] } });
  const [row] = await tx
    .update(phases)
    .set({ bilan: input.bilan, bilanLe: input.bilanLe, version: sql`${phases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(phases.id, phase.id), eq(phases.version, input.version)))
    .returning();
  if (!row) throw new DomainError("conflict", { message: PHASE_CONFLICT });
  const fields = changedFields({ bilan: phase.bilan, bilanLe: phase.bilanLe }, { bilan: row.bilan, bilanLe: row.bilanLe });
  return { data: { phaseId: row.id, contratId: contrat.id, jeuneId: contrat.jeuneId }, audit: phaseAudit("phase.bilan", row, fields) };
});
