import { and, eq, isNull } from "drizzle-orm";
import { settings } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { DomainError } from "@/lib/errors/domain-error";
import { createSettingSchema } from "./schema";

/** Admin adds a dated value; existing values are never edited, so past computations stay explainable. */
export const createSetting: ActionDefinition<typeof createSettingSchema, { id: string }> = {
  name: "settings.create",
  schema: createSettingSchema,
  capability: "settings.manage",
  dossier: { none: "a dated law value of the platform, about nobody" },
  async handler({ tx, user, input }) {
    const [existing] = await tx
      .select({ id: settings.id })
      .from(settings)
      .where(and(eq(settings.key, input.key), eq(settings.effectiveFrom, input.effectiveFrom), isNull(settings.structureId)));
    if (existing) {
      throw new DomainError("duplicate", {
        message: "Une valeur existe déjà pour ce paramètre à cette date.",
        fieldErrors: { effectiveFrom: ["Une valeur existe déjà à cette date : choisissez une autre date d'effet."] },
      });
    }
    const [row] = await tx
      .insert(settings)
      .values({
        key: input.key,
        effectiveFrom: input.effectiveFrom,
        value: input.value,
        source: input.source,
        toConfirm: input.toConfirm,
        createdBy: user.id,
      })
      .returning({ id: settings.id });
    if (!row) throw new DomainError("unexpected");
    return {
      data: row,
      audit: {
        action: "settings.create",
        targetType: "setting",
        targetId: row.id,
        structureId: null,
        fields: ["value"],
        after: input,
        meta: { key: input.key, effectiveFrom: input.effectiveFrom },
      },
    };
  },
  revalidate: () => ["/admin/parametres"],
};
