import { messageFor, type ErrorCode } from "./messages";

/** An expected failure with a fixed code; the user sees the French message, never a stack trace. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string[]>;

  constructor(code: ErrorCode, options: { message?: string; fieldErrors?: Record<string, string[]> } = {}) {
    super(options.message ?? messageFor(code));
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? {};
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
