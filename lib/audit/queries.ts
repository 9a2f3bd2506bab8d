import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";

export const AUDIT_PAGE_SIZE = 50;

/** The audit log of the caller's structure (admin: all), newest first. */
export async function listAudit(user: SessionUser, page: number) {
  const db = await getDb();
  const conditions: SQL[] = [];
  const scope = structureScope(user);
  if (scope) conditions.push(eq(auditLog.structureId, scope));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        targetType: auditLog.targetType,
        fields: auditLog.fields,
        actorRole: auditLog.actorRole,
        actorName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / AUDIT_PAGE_SIZE)) };
}
