import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log of one structure (null: all, for the admin), newest first. The caller passes its
 * `structureScope(user)`: lib/audit stays below lib/auth, whose sign-in writes an entry. `target` narrows it
 * to the entries about one record.
 */
export async function listAudit(scope: string | null, page: number, target?: { type: string; id: string }) {
  const db = await getDb();
  const conditions: SQL[] = [];
  if (scope) conditions.push(eq(auditLog.structureId, scope));
  // One record's entries (an account's history): the target is matched on top of the scope, never instead.
  if (target) conditions.push(eq(auditLog.targetType, target.type), eq(auditLog.targetId, target.id));
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
