import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { recordHash } from "@/lib/crypto/keys";

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  jeuneId?: string | null;
  /** Structure the record belongs to (defaults to the actor's). */
  structureId?: string | null;
  /** Names of the fields that changed — never their values. */
  fields?: string[];
  before?: unknown;
  after?: unknown;
  meta?: Record<string, string | number | boolean | null>;
}

/** Field names whose value differs between two versions of a record. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
}

export async function writeAudit(
  db: DbOrTx,
  actor: Pick<SessionUser, "id" | "role" | "structureId"> | null,
  entries: AuditInput | AuditInput[],
  requestId?: string,
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insert(auditLog).values(
    list.map((e) => ({
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      structureId: e.structureId === undefined ? (actor?.structureId ?? null) : e.structureId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      jeuneId: e.jeuneId ?? null,
      fields: e.fields ?? [],
      beforeHash: e.before === undefined ? null : recordHash(e.before),
      afterHash: e.after === undefined ? null : recordHash(e.after),
      meta: e.meta ?? null,
      requestId: requestId ?? null,
    })),
  );
}
