import "server-only";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { mailMessages, structures } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";
import { mailKindLabel } from "./kinds";
import { maskEmail } from "./mask";
import { FAILED_MAIL_STATUTS } from "./statuts";

export const FAILED_MAIL_LIMIT = 50;

/** Who a platform message (no mission locale: an admin's invitation) is shown as sent by. */
export const PLATFORM_SENDER = "Sillage (administration nationale)";

export interface FailedMailRow {
  id: string;
  createdAt: Date;
  kind: string;
  kindLabel: string;
  /** Masked: the list is about delivery, not about the person. */
  recipient: string;
  status: (typeof FAILED_MAIL_STATUTS)[number];
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  structureName: string;
  demandeId: string | null;
}

/** The caller's structure's messages that failed (admin: every structure), newest first. */
export async function listFailedMail(user: SessionUser, db?: DbOrTx): Promise<FailedMailRow[]> {
  const conn = db ?? (await getDb());
  const scope = structureScope(user);
  const conditions: SQL[] = [inArray(mailMessages.status, [...FAILED_MAIL_STATUTS])];
  if (scope) conditions.push(eq(mailMessages.structureId, scope));
  const rows = await conn
    .select({
      id: mailMessages.id,
      createdAt: mailMessages.createdAt,
      kind: mailMessages.kind,
      to: mailMessages.to,
      status: mailMessages.status,
      attempts: mailMessages.attempts,
      nextAttemptAt: mailMessages.nextAttemptAt,
      lastError: mailMessages.lastError,
      structureName: structures.name,
      demandeId: mailMessages.demandeId,
    })
    .from(mailMessages)
    .leftJoin(structures, eq(structures.id, mailMessages.structureId))
    .where(and(...conditions))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(FAILED_MAIL_LIMIT);
  return rows.map(({ to, structureName, ...r }) => ({
    ...r,
    structureName: structureName ?? PLATFORM_SENDER,
    status: r.status as FailedMailRow["status"],
    recipient: maskEmail(to),
    kindLabel: mailKindLabel(r.kind),
  }));
}
