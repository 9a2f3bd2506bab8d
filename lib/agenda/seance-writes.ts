/**
 * Writes on séances (capability agenda.write, the caller's structure, optimistic version): create, edit,
 * cancel, close. Each runs in runAction's transaction with its audit entries, so a refusal changes nothing.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { participations, seances } from "@/db/schema";
import type { ActionContext, ActionDefinition } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { changedFields, type AuditInput } from "@/lib/audit/write";
import { DomainError } from "@/lib/errors/domain-error";
import { cancelRefusal, capacityRefusal, closeRefusal, frozenReason, isCollective, type Presence } from "./rules";
import { cancelSeanceSchema, closeSeanceSchema, createSeanceSchema, updateSeanceSchema } from "./schema";
import {
  assertAnimateur,
  assertJeuneOfStructure,
  lockSeance,
  ofAgendaJeune,
  ofRendezVousChange,
  ofSeanceParticipants,
  participationAudit,
  registeredCount,
  SEANCE_CONFLICT,
  seanceAudit,
  updateSeanceRow,
} from "./store";
import { ALERT_STATE } from "@/lib/jeunes/alert-state";

export interface SeanceResult {
  id: string;
}

type Ctx<S extends z.ZodType> = ActionContext<z.output<S>>;

function definition<S extends z.ZodType>(
  name: string,
  schema: S,
  dossier: ActionDefinition<S, SeanceResult>["dossier"],
  handler: (ctx: Ctx<S>) => Promise<{ data: SeanceResult; audit: AuditInput | AuditInput[] }>,
  extraPaths: (data: SeanceResult) => string[] = () => [],
): ActionDefinition<S, SeanceResult> {
  return {
    name,
    schema,
    capability: "agenda.write",
    dossier,
    handler,
    refreshes: [ALERT_STATE],
    revalidate: (_input, data) => ["/agenda", `/agenda/${data.id}`, ...extraPaths(data)],
  };
}

function structureOf(user: SessionUser): string {
  // Directors and counsellors always belong to one structure; agenda.write is theirs only.
  if (!user.structureId) throw new DomainError("forbidden");
  return user.structureId;
}

export const createSeance = definition("agenda.seance_create", createSeanceSchema, ofAgendaJeune, async ({ tx, user, input }) => {
  const structureId = structureOf(user);
  await assertAnimateur(tx, structureId, input.animateurId);
  if (input.jeuneId) await assertJeuneOfStructure(tx, structureId, input.jeuneId);
  const [row] = await tx
    .insert(seances)
    .values({
      structureId,
      type: input.type,
      titre: input.titre,
      debut: input.debut,
      fin: input.fin,
      lieu: input.lieu,
      animateurId: input.animateurId,
      capacite: input.capacite,
    })
    .returning();
  const audit: AuditInput[] = [
    seanceAudit("agenda.seance_create", row!, ["type", "titre", "debut", "fin", "lieu", "animateurId", "capacite"]),
  ];
  if (input.jeuneId) {
    const [p] = await tx.insert(participations).values({ structureId, seanceId: row!.id, jeuneId: input.jeuneId }).returning();
    audit.push(participationAudit("agenda.participant_add", row!, p!, ["seanceId", "jeuneId"]));
  }
  return { data: { id: row!.id }, audit };
});

export const updateSeance = definition("agenda.seance_update", updateSeanceSchema, ofRendezVousChange, async ({ tx, user, input }) => {
  const seance = await lockSeance(tx, user, input.seanceId);
  const frozen = frozenReason(seance);
  if (frozen) throw new DomainError("conflict", { message: frozen });
  if (seance.version !== input.version) throw new DomainError("conflict", { message: SEANCE_CONFLICT });
  // An individual rendez-vous stays individual and a collective séance stays collective: participants depend on it.
  if (isCollective(seance.type) !== isCollective(input.type)) {
    throw new DomainError("invalid_input", {
      fieldErrors: {
        type: [
          isCollective(seance.type)
            ? "Une séance collective ne peut pas devenir un rendez-vous individuel : annulez-la et planifiez un rendez-vous."
            : "Un rendez-vous individuel ne peut pas devenir une séance collective : annulez-le et créez la séance.",
        ],
      },
    });
  }
  await assertAnimateur(tx, seance.structureId, input.animateurId);
  const audit: AuditInput[] = [];
  if (input.capacite !== null) {
    const refusal = capacityRefusal(input.capacite, await registeredCount(tx, seance.id));
    if (refusal) throw new DomainError("invalid_input", { fieldErrors: { capacite: [refusal] } });
  }
  if (input.jeuneId) {
    const [current] = await tx.select().from(participations).where(eq(participations.seanceId, seance.id));
    if (!current || current.jeuneId !== input.jeuneId) {
      if (current && current.presence !== "prevu") {
        throw new DomainError("invalid_input", {
          fieldErrors: { jeuneId: ["La présence de ce rendez-vous est déjà notée : le jeune ne peut plus être changé."] },
        });
      }
      await assertJeuneOfStructure(tx, seance.structureId, input.jeuneId);
      if (current) {
        await tx.delete(participations).where(and(eq(participations.id, current.id), eq(participations.version, current.version)));
        audit.push(participationAudit("agenda.participant_remove", seance, current, ["seanceId", "jeuneId"]));
      }
      const [p] = await tx
        .insert(participations)
        .values({ structureId: seance.structureId, seanceId: seance.id, jeuneId: input.jeuneId })
        .returning();
      audit.push(participationAudit("agenda.participant_add", seance, p!, ["seanceId", "jeuneId"]));
    }
  }
  const values = {
    type: input.type,
    titre: input.titre,
    debut: input.debut,
    fin: input.fin,
    lieu: input.lieu,
    animateurId: input.animateurId,
    capacite: input.capacite,
  };
  const fields = changedFields(
    {
      type: seance.type,
      titre: seance.titre,
      debut: seance.debut.toISOString(),
      fin: seance.fin.toISOString(),
      lieu: seance.lieu,
      animateurId: seance.animateurId,
      capacite: seance.capacite,
    },
    { ...values, debut: values.debut.toISOString(), fin: values.fin.toISOString() },
  );
  const row = await updateSeanceRow(tx, seance, input.version, values);
  audit.unshift(seanceAudit("agenda.seance_update", row, fields));
  return { data: { id: row.id }, audit };
});

export const cancelSeance = definition("agenda.seance_cancel", cancelSeanceSchema, ofSeanceParticipants, async ({ tx, user, input }) => {
  const seance = await lockSeance(tx, user, input.seanceId);
  const frozen = frozenReason(seance);
  if (frozen) throw new DomainError("conflict", { message: frozen });
  // Rows are kept: the séance stays visible as "annulée" in the agenda and in each young person's dossier.
  const inscrits = await tx
    .select({ id: participations.id, jeuneId: participations.jeuneId, presence: participations.presence })
    .from(participations)
    .where(eq(participations.seanceId, seance.id))
    .for("update");
  const refusal = cancelRefusal(inscrits.map((p) => p.presence as Presence));
  if (refusal) throw new DomainError("conflict", { message: refusal });
  const row = await updateSeanceRow(tx, seance, input.version, { annuleeLe: new Date() });
  return {
    data: { id: row.id },
    audit: [
      // The reason is a code from a fixed list (ANNULATION_MOTIFS): no free text reaches the audit trail.
      seanceAudit("agenda.seance_cancel", row, ["annuleeLe"], { motif: input.motif }),
      ...inscrits.map((p) => participationAudit("agenda.seance_cancel", row, p, ["annuleeLe"], { motif: input.motif })),
    ],
  };
});

export const closeSeance = definition("agenda.seance_close", closeSeanceSchema, ofSeanceParticipants, async ({ tx, user, input }) => {
  const seance = await lockSeance(tx, user, input.seanceId);
  const rows = await tx
    .select({ presence: participations.presence })
    .from(participations)
    .where(eq(participations.seanceId, seance.id))
    .for("update");
  const refusal = closeRefusal(
    seance,
    rows.map((r) => r.presence as Presence),
    new Date(),
  );
  if (refusal) throw new DomainError("conflict", { message: refusal });
  const row = await updateSeanceRow(tx, seance, input.version, { clotureeLe: new Date(), clotureePar: user.id });
  return {
    data: { id: row.id },
    audit: seanceAudit("agenda.seance_close", row, ["clotureeLe", "clotureePar"], { participants: rows.length }),
  };
});
