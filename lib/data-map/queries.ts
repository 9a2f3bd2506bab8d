import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { settings, structures } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { SETTING_DEFINITIONS } from "@/lib/settings/definitions";
import { settingInForce } from "@/lib/settings/read";
import type { DataMapContext } from "./context";
import type { RegisterController } from "./register";

/**
 * The dated settings the notice and the register quote. The C2S start date is announced before it
 * applies, so when none is in force yet the next announced one is shown ("à partir du …").
 */
export async function loadDataMapContext(db: DbOrTx, today: CivilDate): Promise<DataMapContext> {
  const [retention, c2sNow] = await Promise.all([
    settingInForce(db, "conservation.regles", today),
    settingInForce(db, "c2s.presomption.date_debut", today),
  ]);
  let c2sStartDate = c2sNow?.value.date ?? null;
  if (!c2sStartDate) {
    const [next] = await db
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.key, "c2s.presomption.date_debut"), isNull(settings.structureId), gt(settings.effectiveFrom, today)))
      .orderBy(asc(settings.effectiveFrom))
      .limit(1);
    const parsed = next ? SETTING_DEFINITIONS["c2s.presomption.date_debut"].schema.safeParse(next.value) : null;
    c2sStartDate = parsed?.success ? parsed.data.date : null;
  }
  return { today, retention: retention?.value ?? null, c2sStartDate };
}

/** DPO mailboxes of the missions locales, for the public notice (GDPR art. 37-7: the DPO's contact is public). */
export async function listDpoContacts(db: DbOrTx): Promise<{ name: string; dpoEmail: string }[]> {
  return db.select({ name: structures.name, dpoEmail: structures.dpoEmail }).from(structures).orderBy(asc(structures.name)).limit(1000);
}

/** What the public notice is built from, on the process-wide database: no caller, nothing personal. */
export async function loadNoticeSources(
  today: CivilDate,
): Promise<{ ctx: DataMapContext; dpoContacts: { name: string; dpoEmail: string }[] }> {
  const db = await getDb();
  const [ctx, dpoContacts] = await Promise.all([loadDataMapContext(db, today), listDpoContacts(db)]);
  return { ctx, dpoContacts };
}

/** The reader's mission locale as controller of the register; the admin reads the register of every structure. */
export async function registerControllerFor(db: DbOrTx, user: SessionUser): Promise<RegisterController> {
  if (!user.structureId) return { structureName: null, dpoEmail: null };
  const [row] = await db
    .select({ name: structures.name, dpoEmail: structures.dpoEmail })
    .from(structures)
    .where(eq(structures.id, user.structureId));
  return { structureName: row?.name ?? user.structureName, dpoEmail: row?.dpoEmail ?? null };
}
