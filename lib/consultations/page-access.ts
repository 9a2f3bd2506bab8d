import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { checkDossierAccess, recordConsultation } from "./access";

export interface OpenedDossier {
  db: Db;
  today: CivilDate;
  jeuneId: string;
  structureId: string;
  horsPortefeuille: boolean;
}

/**
 * The opening every dossier sub-page shares: a well-formed id, a dossier of the caller's structure
 * (else 404), a reason already given when it is outside their portfolio (else back to the dossier,
 * which asks for it), and the consultation recorded for `onglet`.
 */
export async function openDossierPage(
  user: SessionUser,
  rawId: string,
  onglet: string,
  reasonPath = `/jeunes/${rawId}`,
): Promise<OpenedDossier> {
  if (!z.uuid().safeParse(rawId).success) notFound();
  const db = await getDb();
  const today = todayInParis(new Date());
  const access = await checkDossierAccess(db, user, rawId, today);
  if (access.kind === "not_found") notFound();
  if (access.kind === "reason_required") redirect(reasonPath);
  const horsPortefeuille = access.kind === "break_glass";
  await recordConsultation(db, user, { jeuneId: rawId, structureId: access.structureId, onglet, horsPortefeuille });
  return { db, today, jeuneId: rawId, structureId: access.structureId, horsPortefeuille };
}
