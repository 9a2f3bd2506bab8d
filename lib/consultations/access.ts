import { and, desc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultations } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { DOSSIER_ONGLETS } from "./onglets";

/** A reason given to open a dossier outside one's portfolio stays valid this long (one working day). */
export const BREAK_GLASS_TTL_MS = 8 * 60 * 60 * 1000;

/** When this caller last gave a reason to open this file outside their portfolio, if still valid at `now`. */
export async function latestReasonAt(db: DbOrTx, user: SessionUser, jeuneId: string, now: Date): Promise<Date | null> {
  const [reason] = await db
    .select({ at: consultations.at })
    .from(consultations)
    .where(
      and(
        eq(consultations.jeuneId, jeuneId),
        eq(consultations.userId, user.id),
        isNotNull(consultations.motif),
        // A reason is given on a tab (the break-glass form); an act's own consultation (a rights request,
        // an agenda act) records its motif for the young person but opens nothing.
        inArray(consultations.onglet, [...DOSSIER_ONGLETS]),
        gte(consultations.at, new Date(now.getTime() - BREAK_GLASS_TTL_MS)),
      ),
    )
    .orderBy(desc(consultations.at))
    .limit(1);
  return reason?.at ?? null;
}

/** Records the fact of a view (never the data seen). */
export async function recordConsultation(
  db: DbOrTx,
  user: SessionUser,
  input: {
    jeuneId: string;
    structureId: string;
    onglet: string;
    horsPortefeuille: boolean;
    motif?: (typeof consultations.$inferInsert)["motif"];
    motifDetail?: string | null;
  },
): Promise<void> {
  await db.insert(consultations).values({
    jeuneId: input.jeuneId,
    structureId: input.structureId,
    userId: user.id,
    userRole: user.role,
    onglet: input.onglet,
    horsPortefeuille: input.horsPortefeuille,
    motif: input.motif ?? null,
    motifDetail: input.motifDetail ?? null,
  });
}
