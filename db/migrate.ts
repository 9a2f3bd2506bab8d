/** `npm run db:migrate`: apply pending migrations (production: DATABASE_URL must be set). */
import { getDatabase, migrateDatabase } from "./client";

async function main() {
  const handle = await getDatabase();
  try {
    await migrateDatabase(handle);
    console.info(`Migrations appliquées (${handle.driver}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
