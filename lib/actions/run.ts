import type { z } from "zod";
import { type Db, getDb, type Tx } from "@/db/client";
import { can, type Capability } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { writeAudit, type AuditInput } from "@/lib/audit/write";
import { type DossierExemption, type GateOptions, type OpenedDossier, openDossier, refusalError } from "@/lib/dossier/gate";
import type { ErrorDetails } from "@/lib/errors/details";
import { errorCode, isConnectionLoss } from "@/lib/errors/connection";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { messageFor } from "@/lib/errors/messages";
import { logger } from "@/lib/log/logger";
import { type AfterCommit, takeAfterCommit } from "./after-commit";

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors: FieldErrors; details?: ErrorDetails };

/**
 * The young people's files a write targets, opened through the dossier gate before the handler runs:
 * `jeuneIds` reads them from the parsed input (a child row's owner is looked up in the transaction; an
 * empty list means the input targets no file, e.g. a rights request from someone without one).
 */
export interface DossierTarget<I> {
  jeuneIds: (input: I, tx: Tx, user: SessionUser) => string[] | Promise<string[]>;
  /** What a consultation outside the portfolio records as opened (default "modification"). */
  onglet?: string;
  states?: GateOptions["states"];
  stateMessage?: string;
  exempt?: DossierExemption;
  recordAlways?: boolean;
  /** The form field naming the young person (a picker): a missing or refused file is reported on it. */
  field?: string;
  /** French message when the file is not found, where the form names something else (a request…). */
  notFoundMessage?: string;
}

/** A write that targets no young person's file says why, in one line a reviewer can check. */
export interface NoDossier {
  none: string;
}

export interface ActionContext<I> {
  tx: Tx;
  user: SessionUser;
  input: I;
  /** The files opened by the gate, in the order `jeuneIds` gave them (empty for NoDossier). */
  dossiers: OpenedDossier[];
}

/** The one file a single-target write opened (a target that resolved to none is a row that does not exist). */
export function theDossier(dossiers: OpenedDossier[]): OpenedDossier {
  const [first] = dossiers;
  if (!first) throw new DomainError("not_found");
  return first;
}

export interface ActionDefinition<S extends z.ZodType, T> {
  /** Stable name, also the default audit action ("settings.create"). */
  name: string;
  schema: S;
  capability: Capability;
  /** The files this write touches; runAction opens them through the gate before the handler. */
  dossier: DossierTarget<z.output<S>> | NoDossier;
  /**
   * Runs inside one transaction, after the gate. Must still check any other record it loads belongs to
   * the caller (assertSameStructure) and to the opened file. Returns the data and what to audit.
   */
  handler: (ctx: ActionContext<z.output<S>>) => Promise<{ data: T; audit: AuditInput | AuditInput[] }>;
  /** Paths to refresh after success. */
  revalidate?: (input: z.output<S>, data: T) => string[];
  /** State derived from what this write changes (the stored portfolio alerts), refreshed after the handler, in its transaction. */
  refreshes?: readonly DerivedStateRefresh<z.output<S>, T>[];
}

/**
 * A stored state derived from the files a write touches, recomputed in the write's transaction. The
 * mechanism knows nothing of what it computes: the feature that owns the state provides `refresh`.
 */
export interface DerivedStateRefresh<I, T> {
  name: string;
  /** The files whose state changes; default: those the gate opened. */
  jeuneIds?: (input: I, data: T, dossiers: OpenedDossier[]) => string[];
  refresh: (tx: Tx, jeuneIds: string[]) => Promise<void>;
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
    let hooks: AfterCommit[] = [];
    const data = await db.transaction(async (tx) => {
      try {
        return await runInTransaction(tx, def, user, parsed.data, options.requestId);
      } finally {
        hooks = takeAfterCommit(tx);
      }
    });
    // Committed: what the transaction queued for afterwards (e-mails) runs now, best effort.
    for (const hook of hooks) await runHook(hook, db, def.name, options.requestId);
    return { ok: true, data };
  } catch (error) {
    if (isDomainError(error)) return failure(error);
    if (isConnectionLoss(error)) {
      // The transaction died with its connection: nothing was committed, and trying again is safe.
      logger.warn(
        { action: def.name, requestId: options.requestId, err: describeError(error) },
        "action interrupted: database connection lost",
      );
      return failure(new DomainError("connection_lost"));
    }
    logger.error({ action: def.name, requestId: options.requestId, err: describeError(error) }, "action failed");
    return failure(new DomainError("unexpected"));
  }
}

/** Gate → handler → audit inside a transaction the caller owns (runAction's, or a seed's): input already parsed. */
export async function runInTransaction<S extends z.ZodType, T>(
  tx: Tx,
  def: ActionDefinition<S, T>,
  user: SessionUser,
  input: z.output<S>,
  requestId?: string,
): Promise<T> {
  const dossiers = await openTargets(tx, user, def.dossier, input);
  const { data, audit } = await def.handler({ tx, user, input, dossiers });
  for (const derived of def.refreshes ?? []) {
    await derived.refresh(tx, derived.jeuneIds ? derived.jeuneIds(input, data, dossiers) : dossiers.map((d) => d.jeune.id));
  }
  await writeAudit(tx, user, audit, requestId);
  return data;
}

/** Every file the write targets, through the gate: any refusal throws and the transaction writes nothing. */
async function openTargets<I>(tx: Tx, user: SessionUser, target: DossierTarget<I> | NoDossier, input: I): Promise<OpenedDossier[]> {
  if ("none" in target) return [];
  const ids = [...new Set(await target.jeuneIds(input, tx, user))];
  const opened: OpenedDossier[] = [];
  for (const id of ids) {
    const result = await openDossier(tx, user, id, "write", {
      onglet: target.onglet ?? "modification",
      states: target.states,
      stateMessage: target.stateMessage,
      exempt: target.exempt,
      recordAlways: target.recordAlways,
    });
    if (result.ok) {
      opened.push(result.dossier);
      continue;
    }
    const error = refusalError(result);
    const message = result.refusal === "not_found" ? (target.notFoundMessage ?? error.message) : error.message;
    if (target.field && result.refusal !== "reason_required") {
      throw new DomainError(result.refusal === "not_found" ? "not_found" : "invalid_input", { fieldErrors: { [target.field]: [message] } });
    }
    if (result.refusal === "not_found") throw new DomainError("not_found", { message });
    throw error;
  }
  return opened;
}

/** An after-commit hook never turns a committed write into a failure: its own retry path (the worker) takes over. */
async function runHook(hook: AfterCommit, db: Db, action: string, requestId?: string): Promise<void> {
  try {
    await hook(db);
  } catch (error) {
    logger.warn({ action, requestId, err: describeError(error) }, "after-commit work failed");
  }
}

function failure(error: DomainError): ActionResult<never> {
  const { code, message, fieldErrors, details } = error;
  return { ok: false, code, message, fieldErrors, ...(details && { details }) };
}

/** Error class and code only: driver messages can quote the row's values, so they stay out of logs. */
function describeError(error: unknown): Record<string, string | undefined> {
  if (error instanceof Error) {
    return { type: error.name, code: errorCode(error) };
  }
  return { type: typeof error };
}
