import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { settings } from "@/db/schema";
import { SETTING_DEFINITIONS } from "@/lib/settings/definitions";
import type { DatedValue } from "@/lib/settings/rules";
import type { SanctionLadder } from "./bareme";

/** Every national dated row of `cej.sanctions.bareme` (the rule is picked by the date of the fact). */
export async function loadLadders(db: DbOrTx): Promise<DatedValue<SanctionLadder>[]> {
  const rows = await db
    .select({ effectiveFrom: settings.effectiveFrom, value: settings.value })
    .from(settings)
    .where(and(eq(settings.key, "cej.sanctions.bareme"), isNull(settings.structureId)));
  const schema = SETTING_DEFINITIONS["cej.sanctions.bareme"].schema;
  return rows.flatMap((r) => {
    const parsed = schema.safeParse(r.value);
    return parsed.success ? [{ effectiveFrom: r.effectiveFrom, value: parsed.data }] : [];
  });
}
