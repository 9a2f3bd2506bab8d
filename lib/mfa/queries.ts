import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mfaRecoveryCodes, userMfa } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";

export interface MfaStatus {
  /** When the factor was confirmed; null = no second factor. */
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

async function statusOf(userId: string): Promise<MfaStatus> {
  const db = await getDb();
  const [factor] = await db.select({ confirmedAt: userMfa.confirmedAt }).from(userMfa).where(eq(userMfa.userId, userId));
  if (!factor?.confirmedAt) return { enabledAt: null, recoveryCodesLeft: 0 };
  const [left] = await db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return { enabledAt: factor.confirmedAt, recoveryCodesLeft: left?.n ?? 0 };
}

/** The caller's own second factor (the account page). */
export function getOwnMfaStatus(user: SessionUser): Promise<MfaStatus> {
  return statusOf(user.id);
}

/** Another account's, for the admin who may reset it; null for anyone else (the section is not shown). */
export async function getCompteMfaStatus(user: SessionUser, compteId: string): Promise<MfaStatus | null> {
  if (!can(user.role, "comptes.mfa_reset")) return null;
  return statusOf(compteId);
}
