import { and, eq, sql } from "drizzle-orm";
import { jeunes } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { checkDossierAccess } from "@/lib/consultations/access";
import type { Tx } from "@/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { archiveSchema, restoreSchema } from "./archive-schema";

/** The dossier must be in the caller's structure and open to them (portfolio or a reason given). */
async function assertCanWrite(tx: Tx, user: SessionUser, jeuneId: string): Promise<void> {
  const access = await checkDossierAccess(tx, user, jeuneId, todayInParis(new Date()));
  if (access.kind === "not_found") throw new DomainError("not_found");
  if (access.kind === "reason_required")
    throw new DomainError("forbidden", { message: "Ouvrez d'abord le dossier en indiquant le motif de votre consultation." });
}

/** Compare-and-set on `version`: a stale form never overwrites someone else's change. */
async function setStatut(tx: Tx, jeuneId: string, version: number, values: Partial<typeof jeunes.$inferInsert>) {
  const [row] = await tx
    .update(jeunes)
    .set({ ...values, version: sql`${jeunes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(jeunes.id, jeuneId), eq(jeunes.version, version)))
    .returning({ id: jeunes.id, structureId: jeunes.structureId });
  if (!row) throw new DomainError("conflict");
  return row;
}

export const archiveJeune: ActionDefinition<typeof archiveSchema, { id: string }> = {
  name: "jeune.archive",
  schema: archiveSchema,
  capability: "jeunes.archive",
  async handler({ tx, user, input }) {
    await assertCanWrite(tx, user, input.jeuneId);
    const [current] = await tx.select({ statut: jeunes.statut }).from(jeunes).where(eq(jeunes.id, input.jeuneId));
    if (current?.statut === "archive") throw new DomainError("conflict", { message: "Ce dossier est déjà archivé." });
    const row = await setStatut(tx, input.jeuneId, input.version, {
      statut: "archive",
      archiveMotif: input.motif,
      archiveDetail: input.detail,
      archivedAt: new Date(),
    });
    return {
      data: { id: row.id },
      audit: {
        action: "jeune.archive",
        targetType: "jeune",
        targetId: row.id,
        jeuneId: row.id,
        structureId: row.structureId,
        fields: ["statut", "archiveMotif", ...(input.detail ? ["archiveDetail"] : [])],
        after: { statut: "archive", motif: input.motif, detail: input.detail },
        meta: { motif: input.motif },
      },
    };
  },
  revalidate: (input) => ["/portefeuille", `/jeunes/${input.jeuneId}`],
};

export const restoreJeune: ActionDefinition<typeof restoreSchema, { id: string }> = {
  name: "jeune.restore",
  schema: restoreSchema,
  capability: "jeunes.archive",
  async handler({ tx, user, input }) {
    await assertCanWrite(tx, user, input.jeuneId);
    const [current] = await tx.select({ statut: jeunes.statut }).from(jeunes).where(eq(jeunes.id, input.jeuneId));
    if (current?.statut !== "archive") throw new DomainError("conflict", { message: "Ce dossier n'est pas archivé." });
    const row = await setStatut(tx, input.jeuneId, input.version, {
      statut: "actif",
      archiveMotif: null,
      archiveDetail: null,
      archivedAt: null,
    });
    return {
      data: { id: row.id },
      audit: {
        action: "jeune.restore",
        targetType: "jeune",
        targetId: row.id,
        jeuneId: row.id,
        structureId: row.structureId,
        fields: ["statut"],
      },
    };
  },
  revalidate: (input) => ["/portefeuille", `/jeunes/${input.jeuneId}`],
};
