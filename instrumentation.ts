import type { Instrumentation } from "next";

/**
 * With the embedded database (DATABASE_URL unset), the app process also runs the background work
 * (transfer delivery, retention purge): PGlite cannot be opened by a second process. With PostgreSQL,
 * run `npm run worker` instead. SILLAGE_WORKER=off disables it (end-to-end tests keep data still).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // One structured line per request (request id, route pattern, status, duration): lib/log/request-log.ts.
  const { installRequestLog } = await import("./lib/log/request-log");
  installRequestLog();
  if (process.env.DATABASE_URL || process.env.SILLAGE_WORKER === "off") return;
  const { getDb } = await import("./db/client");
  const { startWorkerLoop } = await import("./lib/worker/run");
  startWorkerLoop(getDb);
}

/** Server errors: their digest (the reference on the error page) logged with the request id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/log/request-error");
  logRequestError(error, request, context);
};
