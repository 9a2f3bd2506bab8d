import type { ErrorDetails } from "./details";
import { messageFor, type ErrorCode } from "./messages";

/** An expected failure with a fixed code; the user sees the French message, never a stack trace. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string[]>;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, options: { message?: string; fieldErrors?: Record<string, string[]>; details?: ErrorDetails } = {}) {
    super(options.message ?? messageFor(code));
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? {};
    this.details = options.details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
