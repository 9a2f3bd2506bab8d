import "server-only";
import { asc, desc, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";

/** National settings, grouped by key, newest effective date first. */
export async function listNationalSettings() {
  const db = await getDb();
  return db.select().from(settings).where(isNull(settings.structureId)).orderBy(asc(settings.key), desc(settings.effectiveFrom));
}
