/**
 * `npm run worker` (production, with DATABASE_URL): delivers transfers and runs the retention purge in a
 * process of its own. With the embedded database the app runs this loop itself (instrumentation.ts),
 * since PGlite cannot be opened by two processes.
 *
 * SIGTERM / SIGINT: the transfer or e-mail in hand is finished and no other is taken; if that takes longer
 * than WORKER_STOP_TIMEOUT_MS, the process leaves anyway: its connections close, PostgreSQL rolls the open
 * transaction back and the row is free for the next worker (recipients deduplicate a repeated send on the
 * idempotency key). Either way the exit code is 0.
 */
import { getDatabase, getDb } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { startWorkerLoop } from "@/lib/worker/run";

const sleep = (ms: number) => new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms).unref());

async function main() {
  const { DATABASE_URL, WORKER_INTERVAL_MS, WORKER_STOP_TIMEOUT_MS } = env();
  if (!DATABASE_URL) {
    console.error("npm run worker attend DATABASE_URL (PostgreSQL). Avec la base embarquée, `npm run dev` fait ce travail lui-même.");
    process.exit(1);
  }
  const handle = await getDatabase();
  const loop = startWorkerLoop(getDb, { intervalMs: WORKER_INTERVAL_MS });
  console.info("Sillage : travaux de fond démarrés (transmissions, conservation).");
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    const finished = await Promise.race([loop.stop().then(() => "finished" as const), sleep(WORKER_STOP_TIMEOUT_MS)]);
    if (finished === "timeout")
      logger.warn({ timeoutMs: WORKER_STOP_TIMEOUT_MS }, "worker stopped before its item was done: claim released");
    await Promise.race([handle.close(), sleep(2_000)]);
    logger.info({ finished }, "worker stopped");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
