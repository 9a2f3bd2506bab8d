/** Shared reads and writes of the agenda's actions, always inside the action's transaction. */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { jeunes, participations, seances, users, type Seance } from "@/db/schema";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import type { AuditInput } from "@/lib/audit/write";
import { DomainError } from "@/lib/errors/domain-error";

export const SEANCE_CONFLICT =
  "Cette séance a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rechargez la page : rien n'a été écrasé.";
export const PARTICIPATION_CONFLICT =
  "La présence d'un participant a été modifiée par quelqu'un d'autre pendant que vous la saisissiez. Rechargez la page : rien n'a été enregistré.";

/** The séance, locked for the rest of the transaction; another structure's séance is "not found". */
export async function lockSeance(tx: Tx, user: SessionUser, seanceId: string): Promise<Seance> {
  const [row] = await tx.select().from(seances).where(eq(seances.id, seanceId)).for("update");
  if (!row) throw new DomainError("not_found", { message: "Cette séance est introuvable ou vous n'y avez pas accès." });
  try {
    assertSameStructure(user, row.structureId);
  } catch {
    throw new DomainError("not_found", { message: "Cette séance est introuvable ou vous n'y avez pas accès." });
  }
  return row;
}

/** Optimistic update: only the version the form read may be replaced. */
export async function updateSeanceRow(
  tx: Tx,
  seance: Seance,
  readVersion: number,
  values: Partial<typeof seances.$inferInsert>,
): Promise<Seance> {
  if (seance.version !== readVersion) throw new DomainError("conflict", { message: SEANCE_CONFLICT });
  const [row] = await tx
    .update(seances)
    .set({ ...values, version: sql`${seances.version} + 1`, updatedAt: new Date() })
    .where(and(eq(seances.id, seance.id), eq(seances.version, readVersion)))
    .returning();
  if (!row) throw new DomainError("conflict", { message: SEANCE_CONFLICT });
  return row;
}

export async function registeredCount(db: DbOrTx, seanceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(participations).where(eq(participations.seanceId, seanceId));
  return row?.n ?? 0;
}

/** The animateur must be an active counsellor or director of the séance's structure. */
export async function assertAnimateur(tx: Tx, structureId: string, animateurId: string): Promise<void> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, animateurId),
        eq(users.structureId, structureId),
        eq(users.active, true),
        inArray(users.role, ["conseiller", "directeur"]),
      ),
    );
  if (!row)
    throw new DomainError("invalid_input", { fieldErrors: { animateurId: ["Choisissez une personne de votre structure dans la liste."] } });
}

/** An active young person of the structure (another structure's is refused exactly like an unknown id). */
/**
 * The files an agenda act touches. Enrolling, attendance and the séance's own changes are acts on the
 * structure's agenda: any of its counsellors or directors may do them without a prior reason (the act is
 * the ground), and a consultation "agenda" outside the portfolio is recorded for the young person.
 */
const AGENDA_GROUND = { onglet: "agenda", exempt: { roles: ["conseiller", "directeur"] as const, motif: "rendez_vous" as const } };

const NOT_AMONG_ACTIVE = "Ce jeune est introuvable parmi les dossiers actifs de votre structure.";

/** One named young person (enrolment, individual rendez-vous): an active file only. */
export const ofAgendaJeune = {
  ...AGENDA_GROUND,
  jeuneIds: (input: { jeuneId?: string | null }) => (input.jeuneId ? [input.jeuneId] : []),
  field: "jeuneId",
  notFoundMessage: NOT_AMONG_ACTIVE,
  stateMessage: NOT_AMONG_ACTIVE,
};

/**
 * Changing an individual rendez-vous may hand it to another young person: the one it had (whose
 * participation goes) and the one it gets are both written on.
 */
export const ofRendezVousChange = {
  ...ofAgendaJeune,
  states: ["archive"] as const,
  jeuneIds: async (input: { seanceId: string; jeuneId?: string | null }, tx: Tx) => {
    const current = await tx
      .select({ jeuneId: participations.jeuneId })
      .from(participations)
      .innerJoin(seances, eq(seances.id, participations.seanceId))
      .where(and(eq(participations.seanceId, input.seanceId), eq(seances.type, "rendez_vous_individuel")));
    return [...current.map((r) => r.jeuneId), ...ofAgendaJeune.jeuneIds(input)];
  },
};

/** Every participant of a séance (cancelling or closing it writes on each), whatever their file's state. */
export const ofSeanceParticipants = {
  ...AGENDA_GROUND,
  states: ["archive", "anonymise"] as const,
  jeuneIds: async (input: { seanceId: string }, tx: Tx) =>
    (await tx.select({ jeuneId: participations.jeuneId }).from(participations).where(eq(participations.seanceId, input.seanceId))).map(
      (r) => r.jeuneId,
    ),
};

/** The participants named by participation rows (removal, attendance). */
export const ofParticipations = {
  ...AGENDA_GROUND,
  states: ["archive"] as const,
  jeuneIds: async (input: { participationIds: string[] }, tx: Tx) =>
    input.participationIds.length === 0
      ? []
      : (
          await tx
            .select({ jeuneId: participations.jeuneId })
            .from(participations)
            .where(inArray(participations.id, input.participationIds))
        ).map((r) => r.jeuneId),
};

export async function assertJeuneOfStructure(tx: Tx, structureId: string, jeuneId: string, field = "jeuneId"): Promise<void> {
  const [row] = await tx
    .select({ id: jeunes.id })
    .from(jeunes)
    .where(and(eq(jeunes.id, jeuneId), eq(jeunes.structureId, structureId), eq(jeunes.statut, "actif")));
  if (!row)
    throw new DomainError("invalid_input", {
      fieldErrors: { [field]: ["Ce jeune est introuvable parmi les dossiers actifs de votre structure."] },
    });
}

export function seanceAudit(action: string, s: Seance, fields: string[], meta: AuditInput["meta"] = {}): AuditInput {
  return {
    action,
    targetType: "seance",
    targetId: s.id,
    jeuneId: null,
    structureId: s.structureId,
    fields,
    meta: { type: s.type, ...meta },
  };
}

/** About one young person's place at a séance: carries their jeuneId so it shows in their dossier's history. */
export function participationAudit(
  action: string,
  s: Seance,
  p: { id: string; jeuneId: string },
  fields: string[],
  meta: AuditInput["meta"] = {},
): AuditInput {
  return {
    action,
    targetType: "participation",
    targetId: p.id,
    jeuneId: p.jeuneId,
    structureId: s.structureId,
    fields,
    meta: { seanceId: s.id, type: s.type, ...meta },
  };
}
