import { z } from "zod";
import type { ActionDefinition } from "@/lib/actions/run";
import { afterCommit } from "@/lib/actions/after-commit";
import { detach } from "@/lib/actions/detached";
import { todayInParis } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import { logger } from "@/lib/log/logger";
import { executeRun, processName } from "./run";
import { claimRun } from "./store";

export const simulateSchema = z.object({});

export const SIMULATION_BUSY =
  "Une purge ou une simulation est déjà en cours : attendez qu'elle se termine (la page se met à jour seule). Rien n'a été lancé.";

/**
 * « Simuler une purge »: the DPO starts a dry run. The run is claimed in the act's transaction (one at a time,
 * lib/retention/store.ts) and audited; once committed it runs in the background of this process, beating, so
 * the page shows its progress. A process that dies leaves a stale heartbeat, which the next claim closes.
 */
export const simulatePurge: ActionDefinition<typeof simulateSchema, { runId: string }> = {
  name: "conservation.simulation",
  schema: simulateSchema,
  capability: "conservation.simulate",
  dossier: { none: "a dry run of the retention rules: it lists what would go and changes no file" },
  async handler({ tx, user }) {
    const now = new Date();
    const claim = await claimRun(tx, { dryRun: true, trigger: "dpo", requestedBy: user.id, claimedBy: processName(), now });
    if (!claim.ok) throw new DomainError("conflict", { message: SIMULATION_BUSY });
    const run = claim.run;
    afterCommit(tx, async (db) => {
      // Not awaited: the page follows the run's progress; executeRun records its own failure.
      detach(
        () => executeRun(db, { id: run.id, dryRun: true }, todayInParis(now), { now }),
        (error) =>
          logger.error({ err: { type: error instanceof Error ? error.name : typeof error }, runId: run.id }, "retention simulation failed"),
      );
    });
    return {
      data: { runId: run.id },
      audit: {
        action: "conservation.simulation",
        targetType: "retention_run",
        targetId: run.id,
        structureId: user.structureId,
        meta: { dryRun: true },
      },
    };
  },
  revalidate: () => ["/conformite/conservation"],
};
