import { sql } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { errorCode } from "@/lib/errors/connection";
import { logger } from "@/lib/log/logger";

/** A database that does not answer `select 1` within this time is reported down (a load balancer waits less). */
const HEALTH_TIMEOUT_MS = 2_000;

/** Whether the database answers. Never throws; the failure is logged with its code only. */
export async function databaseAnswers(open: () => Promise<Db> = getDb): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("health check timed out"), { code: "HEALTH_TIMEOUT" })), HEALTH_TIMEOUT_MS);
    });
    await Promise.race([(async () => (await open()).execute(sql`select 1`))(), timeout]);
    return true;
  } catch (error) {
    logger.warn(
      { err: { type: error instanceof Error ? error.name : typeof error, code: errorCode(error) } },
      "health check: database down",
    );
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /api/health, public (PUBLIC_PATHS): 200 `{"status":"ok"}` when the database answers, else 503
 * `{"status":"indisponible"}`. Nothing else: no version, no host, no counts — a probe learns only up or down.
 */
export async function healthResponse(open?: () => Promise<Db>): Promise<Response> {
  const ok = await databaseAnswers(open);
  return Response.json(ok ? { status: "ok" } : { status: "indisponible" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
