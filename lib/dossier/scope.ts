import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { affectations, jeunes } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";

/** A temporary assignment of this young person to `userId`, running on `today` (bounds inclusive). */
export function temporarilyAssignedTo(userId: string, today: CivilDate): SQL {
  // An uncorrelated IN (…) keeps the planner's estimates sane on large portfolios (vs a per-row EXISTS).
  return inArray(
    jeunes.id,
    sql`(select ${affectations.jeuneId} from ${affectations}
      where ${affectations.type} = 'temporaire' and ${affectations.versConseillerId} = ${userId}
      and ${affectations.debut} <= ${today} and ${affectations.fin} >= ${today})`,
  );
}

/** Every read of jeunes by this caller carries this: their structure (admin: none). */
export function structureConditions(user: SessionUser): SQL[] {
  const scope = structureScope(user);
  return scope ? [eq(jeunes.structureId, scope)] : [];
}

/**
 * The caller's own portfolio: a counsellor's titular young people plus those temporarily assigned to
 * them; a director's whole structure. DPO and admin have no portfolio (every opening needs a reason).
 * Returns null when the role has no portfolio at all.
 */
export function portfolioCondition(user: SessionUser, today: CivilDate): SQL | null {
  if (user.role === "conseiller") {
    return and(...structureConditions(user), or(eq(jeunes.conseillerId, user.id), temporarilyAssignedTo(user.id, today)))!;
  }
  if (user.role === "directeur") return and(...structureConditions(user))!;
  return null;
}

/**
 * The same set as portfolioCondition, written for lists: a counsellor's titular files OR the ids of the
 * running temporary assignments, as `id = any(array(…))`. The array is computed once (an InitPlan on
 * affectations_vers_idx), so the planner reads the two sets by index — jeunes_structure_conseiller_idx
 * (structure, counsellor, status) and the primary key — in one BitmapOr, never the whole structure.
 */
export function portfolioListCondition(user: SessionUser, today: CivilDate): SQL | null {
  if (user.role !== "conseiller") return portfolioCondition(user, today);
  const structureId = structureScope(user);
  if (!structureId) return null;
  return and(
    eq(jeunes.structureId, structureId),
    or(
      eq(jeunes.conseillerId, user.id),
      sql`${jeunes.id} = any(array(select ${affectations.jeuneId} from ${affectations}
        where ${affectations.type} = 'temporaire' and ${affectations.versConseillerId} = ${user.id}
        and ${affectations.debut} <= ${today} and ${affectations.fin} >= ${today}))`,
    ),
  )!;
}
