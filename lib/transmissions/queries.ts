import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { transmissions } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";

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
