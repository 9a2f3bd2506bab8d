import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transmissions } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { verifyLedger } from "@/lib/transmissions/ledger";
import { useTestDatabase } from "@/test/db";
import { defaultAdapters, runWorkerOnce } from "./run";

describe("runWorkerOnce", () => {
  const t = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sillage-depot-"));
    await seedDemo(t.db, { today: "2026-11-25", extras: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("delivers due transfers through the file drop, keeps held ones, and the ledger still verifies", async () => {
    // Past the retry delay of the seeded transient failure.
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const tick = await runWorkerOnce(t.db, { now: later, adapters: defaultAdapters(dir), retention: true });
    expect(tick.delivery.accusees).toBe(1);
    expect(tick.retention).not.toBeNull();
    const statuses = (await t.db.select().from(transmissions)).map((r) => r.status).sort();
    expect(statuses).toEqual(["accusee", "accusee", "rejetee", "retenue"]);
    expect((await readdir(dir)).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
  });
});
