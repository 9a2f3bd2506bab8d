import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, jeunes, retentionRunItems, retentionRuns } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listRetentionRuns, retentionRunDetail } from "./queries";
import { SIMULATION_BUSY, simulatePurge } from "./writes";

const DPO = "dpo.lyon@sillage.demo";

describe("« Simuler une purge » and the runs' pages", () => {
  const t = useTestDatabase();
  let lyon: string;
  let marseille: string;
  const due: Record<string, string> = {};

  async function waitUntilOver(runId: string) {
    for (let i = 0; i < 100; i++) {
      const [run] = await t.db.select().from(retentionRuns).where(eq(retentionRuns.id, runId));
      if (run && run.status !== "en_cours") return run;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the simulation did not finish");
  }

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
    await t.db.update(jeunes).set({ statut: "actif" });
    lyon = (await sessionUserFor(t.db, DPO)).structureId!;
    marseille = (await sessionUserFor(t.db, "dpo.marseille@sillage.demo")).structureId!;
    for (const [key, structureId] of [
      ["lyon", lyon],
      ["marseille", marseille],
    ] as const) {
      const [row] = await t.db
        .insert(jeunes)
        .values({
          structureId,
          nomNaissance: `PERIME${key.toUpperCase()}`,
          prenoms: "Alix",
          dateNaissance: "1990-03-02",
          sexe: "F",
          statut: "archive",
          archiveMotif: "abandon",
          searchText: `perime${key} alix`,
        })
        .returning({ id: jeunes.id });
      due[key] = row!.id;
    }
  });

  it("is refused to every role but the DPO, and records nothing", async () => {
    for (const email of ["conseillere.lyon@sillage.demo", "directrice.lyon@sillage.demo", "admin@sillage.demo"]) {
      const result = await runAction(simulatePurge, {}, await sessionUserFor(t.db, email));
      expect(result, email).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await t.db.select().from(retentionRuns)).toEqual([]);
  });

  it("starts a dry run for the DPO, audited, that lists and changes nothing; a second one waits for it", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    const result = await runAction(simulatePurge, {}, dpo);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const run = await waitUntilOver(result.data.runId);
    expect(run).toMatchObject({ dryRun: true, trigger: "dpo", requestedBy: dpo.id, status: "termine" });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "conservation.simulation"));
    expect(entry).toMatchObject({ actorId: dpo.id, targetId: run.id, structureId: lyon });
    for (const id of Object.values(due)) {
      const [j] = await t.db.select().from(jeunes).where(eq(jeunes.id, id));
      expect(j!.anonymisedAt).toBeNull();
    }
    const items = await t.db.select().from(retentionRunItems).where(eq(retentionRunItems.runId, run.id));
    expect(items.filter((i) => i.rule === "dossiers").map((i) => [i.targetId, i.outcome])).toEqual(
      expect.arrayContaining([
        [due.lyon, "prevu"],
        [due.marseille, "prevu"],
      ]),
    );

    // While a run beats, another simulation is refused with a clear message.
    await t.db.insert(retentionRuns).values({ trigger: "worker", claimedBy: "autre:1" });
    expect(await runAction(simulatePurge, {}, dpo)).toMatchObject({ ok: false, code: "conflict", message: SIMULATION_BUSY });
    await t.db.update(retentionRuns).set({ status: "termine", finishedAt: new Date() }).where(eq(retentionRuns.status, "en_cours"));
  });

  it("lists the runs for the DPO, the director and the admin; a run's items only for the caller's structure", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    const list = await listRetentionRuns(dpo, { db: t.db });
    expect(list.rows.length).toBeGreaterThanOrEqual(1);
    const simulation = list.rows.find((r) => r.dryRun)!;
    expect(simulation.counts.dossiers.done).toBeGreaterThanOrEqual(2);

    const ids = async (email: string) => {
      const detail = await retentionRunDetail(await sessionUserFor(t.db, email), simulation.id, { db: t.db, rule: "dossiers" });
      return detail!.items.map((i) => i.targetId);
    };
    expect(await ids(DPO)).toContain(due.lyon);
    expect(await ids(DPO)).not.toContain(due.marseille);
    expect(await ids("directrice.lyon@sillage.demo")).toEqual(await ids(DPO));
    expect(await ids("dpo.marseille@sillage.demo")).toEqual([due.marseille]);
    expect(await ids("admin@sillage.demo")).toEqual(expect.arrayContaining([due.lyon, due.marseille]));
    expect(await retentionRunDetail(dpo, "0193a2f4-5b6c-7d8e-9f01-23456789abcd", { db: t.db })).toBeNull();
    // A run that stopped beating shows as interrupted and does not block the button.
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const [stale] = await t.db
      .insert(retentionRuns)
      .values({ trigger: "worker", claimedBy: "parti:9", startedAt: hourAgo, heartbeatAt: hourAgo })
      .returning();
    const after = await listRetentionRuns(dpo, { db: t.db });
    expect(after.running).toBe(false);
    expect(after.rows.find((r) => r.id === stale!.id)?.status).toBe("interrompu");
    // Items carry ids, never a name.
    expect(JSON.stringify(await retentionRunDetail(dpo, simulation.id, { db: t.db }))).not.toContain("PERIME");
  });
});
