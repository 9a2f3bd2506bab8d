/**
 * Contract writes (capability parcours.write, caller's structure, optimistic lock on contrats.version):
 * sign, modify or extend, end, switch CEJ ↔ PACEA. Each one, in runAction's single transaction:
 * writes the contract, a contrat_evenements row with the contract's state after the change, keeps
 * jeunes.dispositif in step with the open contract, tells the transfer triggers, and returns the audit
 * entries (field names only, with jeuneId so the dossier's Historique shows them).
 */
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { contrats, phases, type Contrat, type Jeune } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { inputJeune } from "@/lib/dossier/targets";
import type { SessionUser } from "@/lib/auth/session-user";
import { changedFields, type AuditInput } from "@/lib/audit/write";
import { compare, todayInParis } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { onContratEvent } from "@/lib/transmissions/triggers";
import { checkPlannedEnd, checkSwitch } from "./contrats";
import { formatLongCivilDate } from "@/lib/format/fr";
import { MOTIF_BASCULE } from "./motifs-sortie";
import { blockingPhasesMessage, endDateRefusal, phasesAfterEnd, switchDates } from "./periodes";
import { checkPhases } from "./phases";
import { endContratSchema, modifyContratSchema, signContratSchema, switchContratSchema } from "./schema";
import { checkNewContract, type FieldMessages, type NewContract, type PreviousContract } from "./signature";
import {
  addEvenement,
  contractsOf,
  contratAudit,
  isUniqueViolation,
  openContratForWrite,
  phasesOf,
  syncDispositif,
  updateContrat,
  lockJeune,
  ofContrat,
  PARCOURS_ARCHIVED,
} from "./store";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export interface ContratResult {
  contratId: string;
  jeuneId: string;
}

type Handler<S extends z.ZodType> = ActionDefinition<S, ContratResult>["handler"];

function definition<S extends z.ZodType>(
  name: string,
  schema: S,
  dossier: ActionDefinition<S, ContratResult>["dossier"],
  handler: Handler<S>,
): ActionDefinition<S, ContratResult> {
  return {
    name,
    schema,
    capability: "parcours.write",
    dossier,
    handler,
    refreshes: [ALERT_STATE],
    revalidate: (_input, data) => [`/jeunes/${data.jeuneId}`],
  };
}

function fail(fieldErrors: FieldMessages): never {
  throw new DomainError("invalid_input", { fieldErrors });
}

function failIfAny(fieldErrors: FieldMessages): void {
  if (Object.keys(fieldErrors).length > 0) fail(fieldErrors);
}

const OPEN_CONTRACT =
  "Ce jeune a déjà un contrat en cours. Terminez-le, ou utilisez « Changer de dispositif », avant d'en signer un autre.";

function assertOpen(c: Contrat): void {
  if (c.finReelle !== null) {
    throw new DomainError("conflict", {
      message: `Ce contrat est terminé depuis le ${formatLongCivilDate(c.finReelle)} : il ne peut plus être modifié.`,
    });
  }
}

function previousOf(all: readonly Contrat[], except: string | null): PreviousContract[] {
  return all.filter((c) => c.id !== except && c.finReelle !== null).map((c) => ({ type: c.type, debut: c.debut, fin: c.finReelle! }));
}

const CONTRAT_FIELDS = ["type", "signeLe", "debut", "finPrevue", "prolongationMotif", "etudiant"];

/** Inserts a contract; the partial unique index (one open contract per person) backs up the check made under the lock. */
async function insertContrat(
  tx: Tx,
  user: SessionUser,
  jeune: Jeune,
  c: NewContract,
  extra: Partial<typeof contrats.$inferInsert> = {},
): Promise<Contrat> {
  try {
    const [row] = await tx
      .insert(contrats)
      .values({
        structureId: jeune.structureId,
        jeuneId: jeune.id,
        type: c.type,
        signeLe: c.signeLe,
        debut: c.debut,
        finPrevue: c.finPrevue,
        prolongationMotif: c.type === "CEJ" ? c.prolongationMotif : null,
        etudiant: c.etudiant,
        conseillerId: jeune.conseillerId ?? user.id,
        ...extra,
      })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, "contrats_one_open_per_jeune_idx")) throw new DomainError("conflict", { message: OPEN_CONTRACT });
    throw error;
  }
}

/** Shortens the phases running past a PACEA's new last day; refuses when a phase starts after it. */
async function cutPhases(tx: Tx, contrat: Contrat, end: string, field: string): Promise<number> {
  if (contrat.type !== "PACEA") return 0;
  const { shortened, blocking } = phasesAfterEnd(await phasesOf(tx, contrat.id), end);
  if (blocking.length > 0) fail({ [field]: [blockingPhasesMessage(blocking, end)] });
  for (const p of shortened) {
    await tx
      .update(phases)
      .set({ fin: end, version: sql`${phases.version} + 1`, updatedAt: new Date() })
      .where(eq(phases.id, p.id));
  }
  return shortened.length;
}

export const signContrat = definition(
  "contrat.signature",
  signContratSchema,
  { jeuneIds: inputJeune, stateMessage: PARCOURS_ARCHIVED },
  async ({ tx, user, input }) => {
    const today = todayInParis(new Date());
    const jeune = await lockJeune(tx, user, input.jeuneId);
    const all = await contractsOf(tx, jeune.id);
    if (all.some((c) => c.finReelle === null)) throw new DomainError("conflict", { message: OPEN_CONTRACT });
    const c: NewContract = { ...input, prolongationMotif: input.type === "CEJ" ? input.prolongationMotif : null };
    failIfAny(checkNewContract(c, { birthDate: jeune.dateNaissance, rqth: jeune.rqth, previous: previousOf(all, null), today }));

    const row = await insertContrat(tx, user, jeune, c);
    await addEvenement(tx, row, "signature", row.debut, null, user.id);
    const dispositif = await syncDispositif(tx, jeune, row.type);
    await onContratEvent(tx, { kind: "signature", contrat: row });
    const audit: AuditInput[] = [contratAudit("contrat.signature", row, CONTRAT_FIELDS)];
    if (dispositif) audit.push(dispositif);
    return { data: { contratId: row.id, jeuneId: row.jeuneId }, audit };
  },
);

export const modifyContrat = definition("contrat.modification", modifyContratSchema, ofContrat, async ({ tx, user, input }) => {
  const today = todayInParis(new Date());
  const { contrat } = await openContratForWrite(tx, user, input.contratId, input.version);
  assertOpen(contrat);
  const prolongationMotif = contrat.type === "CEJ" ? input.prolongationMotif : null;
  if (input.finPrevue === contrat.finPrevue && prolongationMotif === contrat.prolongationMotif) {
    fail({ finPrevue: ["Rien n'a changé : modifiez la date de fin prévue ou le motif de prolongation."] });
  }
  const errors: FieldMessages = {};
  const end = checkPlannedEnd({
    kind: contrat.type,
    start: contrat.debut,
    plannedEnd: input.finPrevue,
    extensionReason: prolongationMotif,
  });
  if (!end.ok) errors.finPrevue = [end.message];
  else if (compare(input.finPrevue, today) < 0) {
    errors.finPrevue = ["La fin prévue ne peut pas être avant aujourd'hui. Pour arrêter le contrat, utilisez « Terminer le contrat »."];
  }
  if (contrat.type === "PACEA" && !errors.finPrevue) {
    const current = await phasesOf(tx, contrat.id);
    if (current.length > 0) {
      const check = checkPhases(
        { start: contrat.debut, end: input.finPrevue },
        current.map((p) => ({ kind: p.type, start: p.debut, end: p.fin })),
      );
      if (!check.ok) errors.finPrevue = check.refusals.filter((r) => r.code === "after_contract").map((r) => r.message);
      if (errors.finPrevue?.length === 0) delete errors.finPrevue;
    }
  }
  failIfAny(errors);

  const row = await updateContrat(tx, contrat, input.version, { finPrevue: input.finPrevue, prolongationMotif });
  const kind = compare(row.finPrevue, contrat.finPrevue) > 0 ? "prolongation" : "modification";
  await addEvenement(tx, row, kind, today, kind === "prolongation" ? row.prolongationMotif : null, user.id);
  await onContratEvent(tx, { kind, contrat: row, before: contrat });
  const fields = changedFields(
    { finPrevue: contrat.finPrevue, prolongationMotif: contrat.prolongationMotif },
    { finPrevue: row.finPrevue, prolongationMotif: row.prolongationMotif },
  );
  return { data: { contratId: row.id, jeuneId: row.jeuneId }, audit: contratAudit(`contrat.${kind}`, row, fields) };
});

export const endContrat = definition("contrat.sortie", endContratSchema, ofContrat, async ({ tx, user, input }) => {
  const today = todayInParis(new Date());
  const { contrat, jeune } = await openContratForWrite(tx, user, input.contratId, input.version);
  assertOpen(contrat);
  const refusal = endDateRefusal(contrat, input.finReelle, today);
  if (refusal) fail({ finReelle: [refusal] });
  const cut = await cutPhases(tx, contrat, input.finReelle, "finReelle");

  const row = await updateContrat(tx, contrat, input.version, { finReelle: input.finReelle, motifSortie: input.motifSortie });
  await addEvenement(tx, row, "sortie", row.finReelle!, input.precision, user.id);
  const dispositif = await syncDispositif(tx, jeune, "aucun");
  await onContratEvent(tx, { kind: "sortie", contrat: row });
  const audit: AuditInput[] = [
    contratAudit("contrat.sortie", row, ["finReelle", "motifSortie"], { motifSortie: input.motifSortie, phasesRaccourcies: cut }),
  ];
  if (dispositif) audit.push(dispositif);
  return { data: { contratId: row.id, jeuneId: row.jeuneId }, audit };
});

/**
 * Switch: the current contract ends the day before the switch date (motive "bascule") and the new one
 * starts on the switch date, linked by precedent_contrat_id with the motive (see ./periodes.ts).
 */
export const switchContrat = definition("contrat.bascule", switchContratSchema, ofContrat, async ({ tx, user, input }) => {
  const today = todayInParis(new Date());
  const { contrat, jeune } = await openContratForWrite(tx, user, input.contratId, input.version);
  assertOpen(contrat);
  const errors: FieldMessages = {};
  const motive = checkSwitch(contrat.type, input.type, input.motif);
  if (!motive.ok) {
    if (motive.code === "same_contract") throw new DomainError("conflict", { message: motive.message });
    errors.motif = [motive.message];
  }
  const dates = switchDates(contrat, input.dateBascule, today);
  if (!dates.ok) errors.dateBascule = [dates.message];

  const all = await contractsOf(tx, jeune.id);
  const c: NewContract = {
    type: input.type,
    signeLe: input.signeLe,
    debut: input.dateBascule,
    finPrevue: input.finPrevue,
    prolongationMotif: input.type === "CEJ" ? input.prolongationMotif : null,
    etudiant: input.etudiant,
  };
  const previous = previousOf(all, contrat.id);
  if (dates.ok) previous.push({ type: contrat.type, debut: contrat.debut, fin: dates.ancienneFin });
  for (const [field, messages] of Object.entries(
    checkNewContract(c, { birthDate: jeune.dateNaissance, rqth: jeune.rqth, previous, today, debutField: "dateBascule" }),
  )) {
    (errors[field] ??= []).push(...messages);
  }
  failIfAny(errors);
  if (!dates.ok || !motive.ok) throw new Error("unreachable");

  const cut = await cutPhases(tx, contrat, dates.ancienneFin, "dateBascule");
  const ended = await updateContrat(tx, contrat, input.version, { finReelle: dates.ancienneFin, motifSortie: MOTIF_BASCULE });
  await addEvenement(tx, ended, "bascule", dates.ancienneFin, motive.motif, user.id);
  const next = await insertContrat(tx, user, jeune, c, { precedentContratId: ended.id, basculeMotif: motive.motif });
  await addEvenement(tx, next, "bascule", next.debut, motive.motif, user.id);
  const dispositif = await syncDispositif(tx, jeune, next.type);
  await onContratEvent(tx, { kind: "bascule", from: ended, to: next });

  const audit: AuditInput[] = [
    contratAudit("contrat.bascule_sortie", ended, ["finReelle", "motifSortie"], { phasesRaccourcies: cut }),
    contratAudit("contrat.bascule", next, [...CONTRAT_FIELDS, "precedentContratId", "basculeMotif"], { depuis: ended.type }),
  ];
  if (dispositif) audit.push(dispositif);
  return { data: { contratId: next.id, jeuneId: next.jeuneId }, audit };
});
