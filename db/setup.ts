/**
 * `npm run dev` / `npm run db:seed`: migrate the database, then seed the demo data if it is empty.
 * Runs in its own process before the app starts (and exits), so PGlite is never opened twice at once.
 */
import { count } from "drizzle-orm";
import { getDatabase, migrateDatabase } from "./client";
import { structures } from "./schema";
import { seedDemo } from "./seed/demo";

async function main() {
  const started = Date.now();
  const handle = await getDatabase();
  try {
    await migrateDatabase(handle);
    const [row] = await handle.db.select({ n: count() }).from(structures);
    if ((row?.n ?? 0) === 0) {
      const today = new Date().toISOString().slice(0, 10);
      await seedDemo(handle.db, { today, extras: true });
      console.info(`Base ${handle.driver} migrée et remplie avec les données de démonstration (${Date.now() - started} ms).`);
    } else {
      console.info(`Base ${handle.driver} migrée (${Date.now() - started} ms) ; données existantes conservées.`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
