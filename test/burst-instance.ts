/**
 * One "app instance" of the multi-instance fault test (lib/worker/instances.integration.test.ts): a Node
 * process with its own PostgreSQL pool (DATABASE_URL) that runs the real actions through runAction, as the
 * server actions of a `next start` would, and prints a summary of the outcomes as JSON on its last line.
 * BURST_EMAIL: the account; BURST_JEUNES: comma-separated files, a CEJ signed for each, four at a time.
 */
import { getDatabase } from "@/db/client";
import { runAction } from "@/lib/actions/run";
import { todayInParis } from "@/lib/calendar/civil-date";
import { endAfterMonths } from "@/lib/parcours/contrats";
import { signContrat } from "@/lib/parcours/contrat-writes";
import { sessionUserFor } from "./session";

async function main() {
  const handle = await getDatabase();
  const user = await sessionUserFor(handle.db, process.env.BURST_EMAIL!);
  const ids = (process.env.BURST_JEUNES ?? "").split(",").filter(Boolean);
  const today = todayInParis(new Date());
  const outcomes: Record<string, number> = {};
  const queue = [...ids];
  const lane = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const result = await runAction(
        signContrat,
        { jeuneId: id, type: "CEJ", signeLe: today, debut: today, finPrevue: endAfterMonths(today, 12) },
        user,
      );
      const key = result.ok ? "ok" : result.code;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  await handle.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`burst failed: ${error instanceof Error ? error.name : typeof error}\n`);
  process.exit(1);
});
