import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { can, type Capability } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { writeAudit, type AuditInput } from "@/lib/audit/write";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { messageFor } from "@/lib/errors/messages";
import { logger } from "@/lib/log/logger";

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors: FieldErrors };

export interface ActionDefinition<S extends z.ZodType, T> {
  /** Stable name, also the default audit action ("settings.create"). */
  name: string;
  schema: S;
  capability: Capability;
  /**
   * Runs inside one transaction. Must check the target record belongs to the caller
   * (assertSameStructure) before touching it. Returns the data and what to audit.
   */
  handler: (ctx: { tx: Tx; user: SessionUser; input: z.output<S> }) => Promise<{ data: T; audit: AuditInput | AuditInput[] }>;
  /** Paths to refresh after success. */
  revalidate?: (input: z.output<S>, data: T) => string[];
}

/** zod issues → { field: [messages] } keyed by the dotted path the form uses as input name. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one path every write takes: permission → parse → transaction(handler + audit) → result.
 * Nothing is written unless everything succeeds; failures come back as codes and French messages,
 * never as exceptions the user would see as a 500.
 */
export async function runAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  raw: unknown,
  user: SessionUser | null,
  options: { requestId?: string } = {},
): Promise<ActionResult<T>> {
  if (!user) return failure(new DomainError("unauthenticated"));
  if (!can(user.role, def.capability)) return failure(new DomainError("forbidden"));

  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, code: "invalid_input", message: messageFor("invalid_input"), fieldErrors: toFieldErrors(parsed.error) };
  }

  try {
    const db = await getDb();
    const data = await db.transaction(async (tx) => {
      const { data, audit } = await def.handler({ tx, user, input: parsed.data });
      await writeAudit(tx, user, audit, options.requestId);
      return data;
    });
    return { ok: true, data };
  } catch (error) {
    if (isDomainError(error)) return failure(error);
    logger.error({ action: def.name, requestId: options.requestId, err: describeError(error) }, "action failed");
    return failure(new DomainError("unexpected"));
  }
}

function failure(error: DomainError): ActionResult<never> {
  return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
}

/** Error class and code only: driver messages can quote the row's values, so they stay out of logs. */
function describeError(error: unknown): Record<string, string | undefined> {
  if (error instanceof Error) {
    return { type: error.name, code: (error as { code?: string }).code };
  }
  return { type: typeof error };
}
