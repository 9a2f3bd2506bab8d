import { and, desc, eq, gte, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultations, jeunes } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { portfolioCondition, structureConditions } from "@/lib/jeunes/scope";

/** A reason given to open a dossier outside one's portfolio stays valid this long (one working day). */
export const BREAK_GLASS_TTL_MS = 8 * 60 * 60 * 1000;

export type DossierAccess =
  | { kind: "not_found" }
  | { kind: "portfolio"; structureId: string }
  | { kind: "break_glass"; structureId: string; reasonGivenAt: Date }
  | { kind: "reason_required"; structureId: string };

/**
 * May this caller see this dossier, and on what ground? Outside the structure: not found (nothing
 * tells a foreign dossier from a missing one). Inside but outside their portfolio: only after giving a
 * reason, recorded as a consultation with a motif, valid for BREAK_GLASS_TTL_MS.
 */
export async function checkDossierAccess(
  db: DbOrTx,
  user: SessionUser,
  jeuneId: string,
  today: CivilDate,
  now: Date = new Date(),
): Promise<DossierAccess> {
  const [row] = await db
    .select({ structureId: jeunes.structureId })
    .from(jeunes)
    .where(and(eq(jeunes.id, jeuneId), ...structureConditions(user)));
  if (!row) return { kind: "not_found" };

  const portfolio = portfolioCondition(user, today);
  if (portfolio) {
    const [own] = await db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(and(eq(jeunes.id, jeuneId), portfolio));
    if (own) return { kind: "portfolio", structureId: row.structureId };
  }

  const [reason] = await db
    .select({ at: consultations.at })
    .from(consultations)
    .where(
      and(
        eq(consultations.jeuneId, jeuneId),
        eq(consultations.userId, user.id),
        isNotNull(consultations.motif),
        gte(consultations.at, new Date(now.getTime() - BREAK_GLASS_TTL_MS)),
      ),
    )
    .orderBy(desc(consultations.at))
    .limit(1);
  if (reason) return { kind: "break_glass", structureId: row.structureId, reasonGivenAt: reason.at };
  return { kind: "reason_required", structureId: row.structureId };
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
