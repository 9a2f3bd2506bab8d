/** `npm run retention:run`: anonymise archived dossiers whose retention period has ended. */
import { getDatabase } from "@/db/client";
import { todayInParis } from "@/lib/calendar/civil-date";
import { runRetention } from "@/lib/retention/run";

async function main() {
  const handle = await getDatabase();
  try {
    const result = await runRetention(handle.db, todayInParis(new Date()));
    console.info(`Conservation : ${result.examined} dossiers archivés examinés, ${result.anonymised} anonymisés.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
