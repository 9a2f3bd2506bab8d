/**
 * `npm run worker` (production, with DATABASE_URL): delivers transfers and runs the retention purge in a
 * process of its own. With the embedded database the app runs this loop itself (instrumentation.ts),
 * since PGlite cannot be opened by two processes.
 */
import { getDatabase, getDb } from "@/db/client";
import { env } from "@/lib/env";
import { startWorkerLoop } from "@/lib/worker/run";

async function main() {
  if (!env().DATABASE_URL) {
    console.error("npm run worker attend DATABASE_URL (PostgreSQL). Avec la base embarquée, `npm run dev` fait ce travail lui-même.");
    process.exit(1);
  }
  const handle = await getDatabase();
  const loop = startWorkerLoop(getDb);
  console.info("Sillage : travaux de fond démarrés (transmissions, conservation).");
  const stop = async () => {
    loop.stop();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
