import { and, desc, eq, isNull, lte } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { settings } from "@/db/schema";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { SETTING_DEFINITIONS, type SettingKey } from "./definitions";

export interface SettingInForce<K extends SettingKey> {
  value: z.output<(typeof SETTING_DEFINITIONS)[K]["schema"]>;
  effectiveFrom: CivilDate;
  /** Row id: store it with any decision computed from the value ("rule version used"). */
  id: string;
}

/** The national value of `key` in force on `on`, validated against its schema; null if none yet. */
export async function settingInForce<K extends SettingKey>(db: DbOrTx, key: K, on: CivilDate): Promise<SettingInForce<K> | null> {
  const [row] = await db
    .select()
    .from(settings)
    .where(and(eq(settings.key, key), isNull(settings.structureId), lte(settings.effectiveFrom, on)))
    .orderBy(desc(settings.effectiveFrom))
    .limit(1);
  if (!row) return null;
  const value = SETTING_DEFINITIONS[key].schema.parse(row.value) as SettingInForce<K>["value"];
  return { value, effectiveFrom: row.effectiveFrom, id: row.id };
}
