/**
 * Who attends a séance and whether they came. Adding refuses duplicates, another structure's young
 * person and a full séance; attendance is saved all-or-nothing, each line's version checked, and each new
 * unexcused absence is handed to the sanction rules in the same transaction.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { participations } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import type { AuditInput } from "@/lib/audit/write";
import { DomainError } from "@/lib/errors/domain-error";
import { proposeSanctionIfDue } from "@/lib/sanctions/proposals";
import { addRefusal, frozenReason, presenceRefusal } from "./rules";
import { addParticipantSchema, attendanceSchema, removeParticipantSchema } from "./schema";
import {
  assertJeuneOfStructure,
  lockSeance,
  ofAgendaJeune,
  ofParticipations,
  PARTICIPATION_CONFLICT,
  participationAudit,
  registeredCount,
} from "./store";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export interface ParticipationResult {
  seanceId: string;
  jeuneId?: string;
  /** Attendance: how many lines changed, and the sanction proposals created. */
  changed?: number;
  sanctionsProposees?: string[];
}

const paths = (seanceId: string, jeuneIds: string[] = []) => ["/agenda", `/agenda/${seanceId}`, ...jeuneIds.map((id) => `/jeunes/${id}`)];

export const addParticipant: ActionDefinition<typeof addParticipantSchema, ParticipationResult> = {
  name: "agenda.participant_add",
  schema: addParticipantSchema,
  capability: "agenda.write",
  dossier: ofAgendaJeune,
  revalidate: (input) => paths(input.seanceId, [input.jeuneId]),
  refreshes: [ALERT_STATE],
  handler: async ({ tx, user, input }) => {
    // The séance row is locked: two counsellors adding the last seat at once cannot both succeed.
    const seance = await lockSeance(tx, user, input.seanceId);
    const frozen = frozenReason(seance);
    if (frozen) throw new DomainError("conflict", { message: frozen });
    await assertJeuneOfStructure(tx, seance.structureId, input.jeuneId);
    const [already] = await tx
      .select({ id: participations.id })
      .from(participations)
      .where(and(eq(participations.seanceId, seance.id), eq(participations.jeuneId, input.jeuneId)));
    if (already) throw new DomainError("invalid_input", { fieldErrors: { jeuneId: ["Ce jeune est déjà inscrit à cette séance."] } });
    const refusal = addRefusal(seance, await registeredCount(tx, seance.id));
    if (refusal) throw new DomainError("invalid_input", { fieldErrors: { jeuneId: [refusal] } });
    const [p] = await tx
      .insert(participations)
      .values({ structureId: seance.structureId, seanceId: seance.id, jeuneId: input.jeuneId })
      .returning();
    return {
      data: { seanceId: seance.id, jeuneId: input.jeuneId },
      audit: participationAudit("agenda.participant_add", seance, p!, ["seanceId", "jeuneId"]),
    };
  },
};

export const removeParticipant: ActionDefinition<typeof removeParticipantSchema, ParticipationResult> = {
  name: "agenda.participant_remove",
  schema: removeParticipantSchema,
  capability: "agenda.write",
  dossier: { ...ofParticipations, jeuneIds: (input, tx) => ofParticipations.jeuneIds({ participationIds: [input.participationId] }, tx) },
  revalidate: (input, data) => paths(input.seanceId, data.jeuneId ? [data.jeuneId] : []),
  refreshes: [ALERT_STATE],
  handler: async ({ tx, user, input }) => {
    const seance = await lockSeance(tx, user, input.seanceId);
    const frozen = frozenReason(seance);
    if (frozen) throw new DomainError("conflict", { message: frozen });
    if (seance.type === "rendez_vous_individuel") {
      throw new DomainError("conflict", { message: "Un rendez-vous individuel garde son jeune : modifiez le rendez-vous ou annulez-le." });
    }
    const [p] = await tx
      .select()
      .from(participations)
      .where(and(eq(participations.id, input.participationId), eq(participations.seanceId, seance.id)));
    if (!p) throw new DomainError("not_found", { message: "Ce participant n'est plus inscrit : rechargez la page." });
    if (p.version !== input.version) throw new DomainError("conflict", { message: PARTICIPATION_CONFLICT });
    // A recorded attendance is part of the young person's pathway (and may count towards a sanction): it stays.
    if (p.presence !== "prevu")
      throw new DomainError("conflict", { message: "La présence de ce jeune est déjà notée : il ne peut plus être retiré de la séance." });
    const deleted = await tx
      .delete(participations)
      .where(and(eq(participations.id, p.id), eq(participations.version, input.version)))
      .returning({ id: participations.id });
    if (deleted.length === 0) throw new DomainError("conflict", { message: PARTICIPATION_CONFLICT });
    return {
      data: { seanceId: seance.id, jeuneId: p.jeuneId },
      audit: participationAudit("agenda.participant_remove", seance, p, ["seanceId", "jeuneId"]),
    };
  },
};

export const recordAttendance: ActionDefinition<typeof attendanceSchema, ParticipationResult> = {
  name: "agenda.presence",
  schema: attendanceSchema,
  capability: "agenda.write",
  dossier: {
    ...ofParticipations,
    jeuneIds: (input, tx) => ofParticipations.jeuneIds({ participationIds: input.lignes.map((l) => l.participationId) }, tx),
  },
  revalidate: (input) => paths(input.seanceId),
  refreshes: [ALERT_STATE],
  handler: async ({ tx, user, input }) => {
    const seance = await lockSeance(tx, user, input.seanceId);
    const frozen = frozenReason(seance);
    if (frozen) throw new DomainError("conflict", { message: frozen });
    const ids = input.lignes.map((l) => l.participationId);
    const current = await tx
      .select()
      .from(participations)
      .where(and(eq(participations.seanceId, seance.id), inArray(participations.id, ids)))
      .for("update");
    const byId = new Map(current.map((p) => [p.id, p]));
    const now = new Date();
    const fieldErrors: Record<string, string[]> = {};
    for (const line of input.lignes) {
      const p = byId.get(line.participationId);
      if (!p || p.version !== line.version) throw new DomainError("conflict", { message: PARTICIPATION_CONFLICT });
      const refusal = line.presence ? presenceRefusal(line.presence, seance.debut, now) : null;
      if (refusal && line.presence !== p.presence) fieldErrors[`presence_${p.id}`] = [refusal];
    }
    if (Object.keys(fieldErrors).length > 0) throw new DomainError("invalid_input", { fieldErrors });

    const audit: AuditInput[] = [];
    const sanctionsProposees: string[] = [];
    const changedJeunes: string[] = [];
    for (const line of input.lignes) {
      const p = byId.get(line.participationId)!;
      if (!line.presence) continue;
      const fields = [
        ...(line.presence !== p.presence ? ["presence"] : []),
        ...((line.motif ?? null) !== (p.motifAbsence ?? null) ? ["motifAbsence"] : []),
      ];
      if (fields.length === 0) continue;
      const updated = await tx
        .update(participations)
        .set({
          presence: line.presence,
          motifAbsence: line.motif,
          marqueeLe: now,
          marqueePar: user.id,
          version: sql`${participations.version} + 1`,
        })
        .where(and(eq(participations.id, p.id), eq(participations.version, line.version)))
        .returning({ id: participations.id });
      if (updated.length === 0) throw new DomainError("conflict", { message: PARTICIPATION_CONFLICT });
      // Field names only: whether the young person came, and why not, stay out of the audit trail.
      audit.push(participationAudit("agenda.presence", seance, p, [...fields, "marqueeLe", "marqueePar"]));
      changedJeunes.push(p.jeuneId);
      if (line.presence === "absent_non_excuse" && p.presence !== "absent_non_excuse") {
        const proposal = await proposeSanctionIfDue(tx, user, { jeuneId: p.jeuneId, structureId: seance.structureId });
        if (proposal) sanctionsProposees.push(proposal);
      }
    }
    return { data: { seanceId: seance.id, changed: audit.length, sanctionsProposees }, audit };
  },
};
