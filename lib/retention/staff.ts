import { and, eq, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { invitations, mfaRecoveryCodes, ssoIdentities, userMfa, userSessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { addDays, addMonths, type CivilDate } from "@/lib/calendar/civil-date";
import { parisStartOfDay } from "@/lib/calendar/paris-time";

export const ANONYMISED_STAFF_NAME = "Compte supprimé";

/** The address an anonymised staff account keeps: unique, lowercase (users_email_lowercase), never deliverable. */
export function anonymisedStaffEmail(id: string): string {
  return `supprime-${id.toLowerCase()}@invalid.sillage`;
}

/**
 * Accounts whose access ended (deactivated) at least `years` years before `today`: the first instant not yet
 * old enough is the start of the day after the anniversary, in Paris. Pure.
 */
export function staffRetentionCutoff(today: CivilDate, years: number): Date {
  return parisStartOfDay(addDays(addMonths(today, -12 * years), 1));
}

/**
 * Staff accounts deactivated longer than the rule allows (décret 2015-59: one year after the end of access), not
 * yet anonymised; `held` when the account is the platform's last admin (the way back in, kept).
 */
export async function staffCandidates(
  db: DbOrTx,
  today: CivilDate,
  years: number,
  limit: number,
): Promise<{ id: string; structureId: string | null; held: "dernier_admin" | null }[]> {
  const cutoff = staffRetentionCutoff(today, years);
  const rows = await db
    .select({ id: users.id, role: users.role, structureId: users.structureId })
    .from(users)
    .where(
      and(
        ne(users.role, "jeune"),
        eq(users.active, false),
        isNotNull(users.deactivatedAt),
        lt(users.deactivatedAt, cutoff),
        isNull(users.anonymisedAt),
      ),
    )
    .orderBy(users.id)
    .limit(limit);
  const activeAdmins = rows.some((r) => r.role === "admin")
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.active, true)))
        .limit(1)
    : [];
  return rows.map((r) => ({
    id: r.id,
    structureId: r.structureId,
    held: r.role === "admin" && activeAdmins.length === 0 ? ("dernier_admin" as const) : null,
  }));
}

/**
 * Anonymises one staff account inside `tx` if it is still due (locked, rechecked): name and address replaced,
 * password, second factor, recovery codes, SSO links, invitations and sessions gone, one audit entry. The row
 * stays: the journal and the files' history refer to it. false when there was nothing to do (already done by
 * another run, reactivated meanwhile, or the last admin).
 */
export async function anonymiseStaffIfDue(
  tx: Tx,
  id: string,
  today: CivilDate,
  rule: { id: string; years: number },
  now: Date,
): Promise<boolean> {
  const account = await lockCandidate(tx, id, staffRetentionCutoff(today, rule.years));
  if (!account) return false;
  if (!(await anonymiseStaffAccount(tx, account.id, now))) return false;
  await writeAudit(tx, null, {
    action: "compte.anonymise",
    targetType: "user",
    targetId: account.id,
    structureId: account.structureId,
    fields: ["name", "email", "passwordHash", "anonymisedAt"],
    meta: { regle: rule.id },
  });
  return true;
}

/** The account, locked, if it is still due (nobody reactivated it meanwhile) and is not the platform's last admin. */
async function lockCandidate(tx: Tx, id: string, cutoff: Date) {
  const [row] = await tx
    .select({
      id: users.id,
      role: users.role,
      structureId: users.structureId,
      active: users.active,
      deactivatedAt: users.deactivatedAt,
      anonymisedAt: users.anonymisedAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  if (!row || row.active || row.anonymisedAt || !row.deactivatedAt || row.deactivatedAt >= cutoff) return null;
  if (row.role === "admin") {
    // With no other active admin, this account is the way back in (reactivation): it is kept.
    const others = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, row.id)))
      .limit(1);
    if (others.length === 0) return null;
  }
  return row;
}

async function anonymiseStaffAccount(tx: Tx, id: string, now: Date): Promise<boolean> {
  const done = await tx
    .update(users)
    .set({
      name: ANONYMISED_STAFF_NAME,
      email: anonymisedStaffEmail(id),
      passwordHash: null,
      anonymisedAt: now,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: now,
    })
    .where(and(eq(users.id, id), isNull(users.anonymisedAt)))
    .returning({ id: users.id });
  if (done.length === 0) return false;
  await tx.delete(userMfa).where(eq(userMfa.userId, id));
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, id));
  await tx.delete(ssoIdentities).where(eq(ssoIdentities.userId, id));
  await tx.delete(invitations).where(eq(invitations.userId, id));
  await tx.delete(userSessions).where(eq(userSessions.userId, id));
  return true;
}
