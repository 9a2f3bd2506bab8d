import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { transmissions } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { OpenedDossierPage } from "@/lib/dossier/page";

export type { TransmissionStatut } from "@/db/schema";

/** Transfers of one young person (newest first), only within the caller's structure. */
export async function listTransmissionsOfJeune(user: SessionUser, jeuneId: string, limit = 100) {
  const scope = structureScope(user);
  const db = await getDb();
  return db
    .select({
      id: transmissions.id,
      recipient: transmissions.recipient,
      finality: transmissions.finality,
      kind: transmissions.kind,
      fieldNames: transmissions.fieldNames,
      status: transmissions.status,
      attempts: transmissions.attempts,
      nextAttemptAt: transmissions.nextAttemptAt,
      lastError: transmissions.lastError,
      acknowledgement: transmissions.acknowledgement,
      createdAt: transmissions.createdAt,
      acknowledgedAt: transmissions.acknowledgedAt,
    })
    .from(transmissions)
    .where(and(eq(transmissions.jeuneId, jeuneId), ...(scope ? [eq(transmissions.structureId, scope)] : [])))
    .orderBy(desc(transmissions.createdAt))
    .limit(limit);
}

export type TransmissionRow = Awaited<ReturnType<typeof listTransmissionsOfJeune>>[number];

/**
 * One transfer of the dossier the gate opened (a question about it, from the desk), or null: a malformed
 * id or another young person's transfer. The id comes from the URL; it is not personal data.
 */
export async function getTransferOfDossier(opened: Pick<OpenedDossierPage, "db" | "jeuneId">, transferId: string | undefined) {
  if (!z.uuid().safeParse(transferId).success) return null;
  const [row] = await opened.db
    .select({
      id: transmissions.id,
      recipient: transmissions.recipient,
      finality: transmissions.finality,
      kind: transmissions.kind,
      createdAt: transmissions.createdAt,
    })
    .from(transmissions)
    .where(and(eq(transmissions.id, transferId as string), eq(transmissions.jeuneId, opened.jeuneId)));
  return row ?? null;
}
