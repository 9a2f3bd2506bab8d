import { eq } from "drizzle-orm";
import { antennes, structures } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { changedFields } from "@/lib/audit/write";
import { DomainError } from "@/lib/errors/domain-error";
import { formatNumber } from "@/lib/format/fr";
import { createAntenneSchema, createStructureSchema, setActiveSchema, updateAntenneSchema, updateStructureSchema } from "./schema";
import { activeStaffCount, assertSiretFree, assertVersion, bump, lockAntenne, lockStructure } from "./store";

const STRUCTURE_FIELDS = ["name", "siret", "departement", "commune", "dpoEmail", "mfaRequired"] as const;
const ANTENNE_FIELDS = ["name", "commune", "codePostal"] as const;
const NO_DOSSIER = { none: "the platform's list of missions locales and their sites, about nobody's file" };

function pick<T extends Record<string, unknown>, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}

function structurePaths(id: string): string[] {
  return ["/admin", `/admin/structures/${id}`];
}

export const createStructure: ActionDefinition<typeof createStructureSchema, { id: string }> = {
  name: "structure.create",
  schema: createStructureSchema,
  capability: "structures.manage",
  dossier: NO_DOSSIER,
  async handler({ tx, input }) {
    await assertSiretFree(tx, input.siret, null);
    const [row] = await tx.insert(structures).values(input).returning({ id: structures.id });
    if (!row) throw new DomainError("unexpected");
    return {
      data: row,
      audit: {
        action: "structure.create",
        targetType: "structure",
        targetId: row.id,
        structureId: row.id,
        fields: [...STRUCTURE_FIELDS],
        after: input,
      },
    };
  },
  revalidate: (_input, data) => structurePaths(data.id),
};

export const updateStructure: ActionDefinition<typeof updateStructureSchema, { id: string; version: number }> = {
  name: "structure.update",
  schema: updateStructureSchema,
  capability: "structures.manage",
  dossier: NO_DOSSIER,
  async handler({ tx, input }) {
    const row = await lockStructure(tx, input.id);
    assertVersion(row, input.version, "structure");
    const before = pick(row, STRUCTURE_FIELDS);
    const after = pick(input, STRUCTURE_FIELDS);
    const fields = changedFields(before, after);
    if (fields.includes("siret")) await assertSiretFree(tx, input.siret, row.id);
    const next = fields.length > 0 ? bump(row) : null;
    if (next)
      await tx
        .update(structures)
        .set({ ...after, ...next })
        .where(eq(structures.id, row.id));
    return {
      data: { id: row.id, version: next?.version ?? row.version },
      audit:
        fields.length > 0
          ? { action: "structure.update", targetType: "structure", targetId: row.id, structureId: row.id, fields, before, after }
          : [],
    };
  },
  revalidate: (input) => structurePaths(input.id),
};

/** Deactivated, not deleted: young people, accounts and the journal refer to it. Refused while staff accounts are active. */
export const setStructureActive: ActionDefinition<typeof setActiveSchema, { id: string; active: boolean }> = {
  name: "structure.set_active",
  schema: setActiveSchema,
  capability: "structures.manage",
  dossier: NO_DOSSIER,
  async handler({ tx, input }) {
    const row = await lockStructure(tx, input.id);
    assertVersion(row, input.version, "structure");
    if (!input.active) {
      const remaining = await activeStaffCount(tx, row.id);
      if (remaining > 0) {
        throw new DomainError("in_use", {
          message:
            remaining === 1
              ? "Cette mission locale a encore 1 compte actif : désactivez-le avant de désactiver la mission locale. Rien n'a été enregistré."
              : `Cette mission locale a encore ${formatNumber(remaining)} comptes actifs : désactivez-les avant de désactiver la mission locale. Rien n'a été enregistré.`,
        });
      }
    }
    if (row.active !== input.active)
      await tx
        .update(structures)
        .set({ active: input.active, ...bump(row) })
        .where(eq(structures.id, row.id));
    return {
      data: { id: row.id, active: input.active },
      audit:
        row.active === input.active
          ? []
          : {
              action: input.active ? "structure.reactivate" : "structure.deactivate",
              targetType: "structure",
              targetId: row.id,
              structureId: row.id,
              fields: ["active"],
            },
    };
  },
  revalidate: (input) => structurePaths(input.id),
};

export const createAntenne: ActionDefinition<typeof createAntenneSchema, { id: string; structureId: string }> = {
  name: "antenne.create",
  schema: createAntenneSchema,
  capability: "structures.manage",
  dossier: NO_DOSSIER,
  async handler({ tx, input }) {
    const structure = await lockStructure(tx, input.structureId);
    if (!structure.active) {
      throw new DomainError("in_use", {
        message: "Cette mission locale est désactivée : réactivez-la avant de lui ajouter une antenne. Rien n'a été enregistré.",
      });
    }
    const values = { structureId: structure.id, ...pick(input, ANTENNE_FIELDS) };
    const [row] = await tx.insert(antennes).values(values).returning({ id: antennes.id });
    if (!row) throw new DomainError("unexpected");
    return {
      data: { id: row.id, structureId: structure.id },
      audit: {
        action: "antenne.create",
        targetType: "antenne",
        targetId: row.id,
        structureId: structure.id,
        fields: [...ANTENNE_FIELDS],
        after: values,
      },
    };
  },
  revalidate: (input) => structurePaths(input.structureId),
};

export const updateAntenne: ActionDefinition<typeof updateAntenneSchema, { id: string; structureId: string; version: number }> = {
  name: "antenne.update",
  schema: updateAntenneSchema,
  capability: "structures.manage",
  dossier: NO_DOSSIER,
  async handler({ tx, input }) {
    const row = await lockAntenne(tx, input.id);
    assertVersion(row, input.version, "antenne");
    const before = pick(row, ANTENNE_FIELDS);
    const after = pick(input, ANTENNE_FIELDS);
    const fields = changedFields(before, after);
    const next = fields.length > 0 ? bump(row) : null;
    if (next)
      await tx
        .update(antennes)
        .set({ ...after, ...next })
        .where(eq(antennes.id, row.id));
    return {
      data: { id: row.id, structureId: row.structureId, version: next?.version ?? row.version },
      audit:
        fields.length > 0
          ? { action: "antenne.update", targetType: "antenne", targetId: row.id, structureId: row.structureId, fields, before, after }
          : [],
    };
  },
  revalidate: (_input, data) => structurePaths(data.structureId),
};

/** A deactivated antenne is offered for no new assignment; the young people it follows keep it. */
export const setAntenneActive: ActionDefinition<typeof setActiveSchema, { id: string; structureId: string; active: boolean }> = {
  name: "antenne.set_active",
  schema: setActiveSchema,
  capability: "structures.manage",
  dossier: NO_DOSSIER,
  async handler({ tx, input }) {
    const row = await lockAntenne(tx, input.id);
    assertVersion(row, input.version, "antenne");
    if (row.active !== input.active)
      await tx
        .update(antennes)
        .set({ active: input.active, ...bump(row) })
        .where(eq(antennes.id, row.id));
    return {
      data: { id: row.id, structureId: row.structureId, active: input.active },
      audit:
        row.active === input.active
          ? []
          : {
              action: input.active ? "antenne.reactivate" : "antenne.deactivate",
              targetType: "antenne",
              targetId: row.id,
              structureId: row.structureId,
              fields: ["active"],
            },
    };
  },
  revalidate: (_input, data) => structurePaths(data.structureId),
};
