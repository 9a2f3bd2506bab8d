import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contrats } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { IsoWeek } from "@/lib/calendar/iso-week";
import { type JeuneWeekGauge, jeuneWeekGauge } from "./jauge-query";

export type DossierCejWeek =
  /** No CEJ contract in force (in the caller's structure): the gauge does not apply. */
  | { kind: "no_contract" }
  /** A CEJ in force, but the weights or the weekly target are not set for that week. */
  | { kind: "no_rules" }
  | { kind: "gauge"; gauge: JeuneWeekGauge };

/**
 * The dossier's CEJ gauge for one week: the young person's CEJ contract in force (scoped to the caller's
 * structure; admin: any), then the week's activities counted in that contract's structure.
 */
export async function cejWeekForDossier(user: SessionUser, jeuneId: string, week: IsoWeek): Promise<DossierCejWeek> {
  const db = await getDb();
  const scope = structureScope(user);
  const [contrat] = await db
    .select({ structureId: contrats.structureId })
    .from(contrats)
    .where(
      and(
        eq(contrats.jeuneId, jeuneId),
        eq(contrats.type, "CEJ"),
        isNull(contrats.finReelle),
        ...(scope ? [eq(contrats.structureId, scope)] : []),
      ),
    )
    .limit(1);
  if (!contrat) return { kind: "no_contract" };
  const gauge = await jeuneWeekGauge(db, { structureId: contrat.structureId, jeuneId, week });
  return gauge ? { kind: "gauge", gauge } : { kind: "no_rules" };
}
