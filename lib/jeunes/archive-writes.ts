import { and, eq, sql } from "drizzle-orm";
import { jeunes } from "@/db/schema";
import { type ActionDefinition, theDossier } from "@/lib/actions/run";
import type { Tx } from "@/db/client";
import { inputJeune } from "@/lib/dossier/targets";
import { DomainError } from "@/lib/errors/domain-error";
import { archiveSchema, restoreSchema } from "./archive-schema";
import { ALERT_STATE } from "./alert-state";

/** Archiving and restoring act on the file itself, archived or not (never an anonymised one). */
const ofJeune = { jeuneIds: inputJeune, states: ["archive"] as const };

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
  dossier: ofJeune,
  refreshes: [ALERT_STATE],
  async handler({ tx, input, dossiers }) {
    const current = theDossier(dossiers).jeune;
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
  dossier: ofJeune,
  refreshes: [ALERT_STATE],
  async handler({ tx, input, dossiers }) {
    const current = theDossier(dossiers).jeune;
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
