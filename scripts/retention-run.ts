/**
 * `npm run retention:run [-- --dry-run]`: applies the retention rules once (or, dry, lists what they would do),
 * unless another run is in progress on the same database.
 */
import { getDatabase } from "@/db/client";
import { todayInParis } from "@/lib/calendar/civil-date";
import { RETENTION_RULES, runRetention } from "@/lib/retention/run";
import { RULE_LABELS } from "@/lib/retention/labels";

async function main() {
  // `npm run retention:run --dry-run` (without "--") reaches the script as npm's own flag: accepted too.
  const dryRun = process.argv.includes("--dry-run") || process.env.npm_config_dry_run === "true";
  const handle = await getDatabase();
  try {
    const result = await runRetention(handle.db, todayInParis(new Date()), { dryRun, trigger: "commande" });
    if (result.status === "occupe" || result.status === "recent") {
      console.info("Conservation : une autre purge est en cours, rien n'a été fait. Réessayez quand elle sera terminée.");
      process.exitCode = 2;
      return;
    }
    console.info(
      `Conservation${dryRun ? " (simulation, rien n'est modifié)" : ""} : passage ${result.runId}, ${result.status === "termine" ? "terminé" : "en échec"}.`,
    );
    for (const rule of RETENTION_RULES) {
      const c = result.counts[rule];
      console.info(
        `  ${RULE_LABELS[rule]} : ${c.examined} examinés, ${c.done} ${dryRun ? "prévus" : "traités"}, ${c.skipped} gardés (gel ou obligation légale).`,
      );
    }
    if (result.status === "echec") process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
