import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { signInCodes, users } from "@/db/schema";
import type { OpenedDossier } from "@/lib/dossier/gate";

export interface EspaceAccess {
  /** The young person has a Mon espace account (made by an invitation). */
  hasAccount: boolean;
  lastSignInAt: Date | null;
  /** The latest invitation: when it left, until when its link works, whether it served. */
  lastInvitation: { sentAt: Date; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null;
}

/** Where the young person of a file the gate opened stands with Mon espace (the dossier page's read). */
export async function getEspaceAccess(opened: { jeune: Pick<OpenedDossier["jeune"], "id"> }, db?: DbOrTx): Promise<EspaceAccess> {
  db ??= await getDb();
  const [account] = await db
    .select({ id: users.id, lastLoginAt: users.lastLoginAt })
    .from(users)
    .where(and(eq(users.jeuneId, opened.jeune.id), eq(users.role, "jeune")));
  if (!account) return { hasAccount: false, lastSignInAt: null, lastInvitation: null };
  const [invitation] = await db
    .select({
      sentAt: signInCodes.createdAt,
      expiresAt: signInCodes.expiresAt,
      usedAt: signInCodes.usedAt,
      revokedAt: signInCodes.revokedAt,
    })
    .from(signInCodes)
    .where(and(eq(signInCodes.userId, account.id), eq(signInCodes.purpose, "invitation")))
    .orderBy(desc(signInCodes.createdAt))
    .limit(1);
  return { hasAccount: true, lastSignInAt: account.lastLoginAt, lastInvitation: invitation ?? null };
}
