/**
 * Errors that mean the database connection went away under a request (a restarted or failed-over server,
 * `pg_terminate_backend`, a cut network), as postgres.js, PostgreSQL and Node report them. The transaction
 * they interrupted was never committed, so the caller may safely try again.
 */
const CONNECTION_LOSS_CODES = new Set([
  // postgres.js
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECTION_CLOSED",
  "CONNECT_TIMEOUT",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now
  "57P01",
  "57P02",
  "57P03",
  // PostgreSQL class 08: connection exception
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
  // Node sockets
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
]);

/** True when the error, or one it wraps (drizzle's DrizzleQueryError keeps the driver's as `cause`), is a lost connection. */
export function isConnectionLoss(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_LOSS_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The code of the error or of the first error it wraps that has one (for logs: codes only, never messages). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
