import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jeunes } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { GateJeune } from "@/lib/dossier/gate";
import type { OpenedDossierPage } from "@/lib/dossier/page";
import { assignmentOptions, type FormOption } from "./form-options";

/** The antennes and counsellors a new dossier of the caller's structure may be given; null without a structure. */
export async function assignmentOptionsForNewDossier(
  user: SessionUser,
): Promise<{ antennes: FormOption[]; conseillers: FormOption[] } | null> {
  const structureId = structureScope(user);
  if (!structureId) return null;
  return assignmentOptions(await getDb(), structureId);
}

export type JeuneEditRow = GateJeune & { sante: string | null; situationJustice: string | null };

/**
 * The row the edit form starts from: the gate's, plus the health and justice free texts it leaves out
 * (read here, for the form only, in the structure the gate opened the file in). Null if the file is gone.
 */
export async function getJeuneEditRow(opened: Pick<OpenedDossierPage, "db" | "jeune" | "structureId">): Promise<JeuneEditRow | null> {
  const [texts] = await opened.db
    .select({ sante: jeunes.sante, situationJustice: jeunes.situationJustice })
    .from(jeunes)
    .where(and(eq(jeunes.id, opened.jeune.id), eq(jeunes.structureId, opened.structureId)));
  return texts ? { ...opened.jeune, ...texts } : null;
}
