import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, jeunes, retentionRunItems } from "@/db/schema";
import { growStructure } from "@/db/seed/bulk";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { runRetention } from "./run";

const SEEDED = "2026-11-25";
/** Far enough for the seed's archived young people to be past 27, not for every hold to be over. */
const LATER = "2045-06-01";

/**
 * The large seed (set-based, lib/db/seed/bulk.ts) seen years later: a dry run lists what it would anonymise,
 * the real run right after anonymises exactly those, and leaves the limited and held files as they were.
 */
describe("retention on the large seed", () => {
  const t = useTestDatabase();
  let limited: string[];

  beforeAll(async () => {
    await seedDemo(t.db, { today: SEEDED, jeunesPerStructure: 4 });
    await growStructure(t.db, { today: SEEDED, jeunes: 600 });
    const archived = await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.statut, "archive")).orderBy(jeunes.id).limit(12);
    limited = archived.map((r) => r.id);
    await t.db
      .update(jeunes)
      .set({ limitationDepuis: new Date("2045-05-01T10:00:00Z") })
      .where(inArray(jeunes.id, limited));
  }, 180_000);

  it("dry run = real run; held files untouched", async () => {
    const now = new Date("2045-06-01T02:00:00Z");
    const before = await t.db.select().from(jeunes).orderBy(jeunes.id);
    const dry = await runRetention(t.db, LATER, { now, dryRun: true, batchSize: 10_000 });
    expect(dry.status).toBe("termine");
    expect(await t.db.select().from(jeunes).orderBy(jeunes.id)).toEqual(before);

    const itemsOf = async (runId: string) =>
      (
        await t.db
          .select({
            rule: retentionRunItems.rule,
            targetId: retentionRunItems.targetId,
            outcome: retentionRunItems.outcome,
            reason: retentionRunItems.reason,
          })
          .from(retentionRunItems)
          .where(eq(retentionRunItems.runId, runId))
      )
        .map((i) => `${i.rule}|${i.targetId}|${i.outcome === "prevu" ? "fait" : i.outcome}|${i.reason ?? ""}`)
        .sort();
    const planned = await itemsOf(dry.runId!);
    const plannedFiles = planned.filter((i) => i.startsWith("dossiers|") && i.includes("|fait|")).map((i) => i.split("|")[1]!);
    const heldFiles = planned.filter((i) => i.startsWith("dossiers|") && i.includes("|ignore|")).map((i) => i.split("|")[1]!);
    // The seed gives both: files free to go (no dispositif, or older pathways) and held ones.
    expect(plannedFiles.length).toBeGreaterThan(5);
    expect(heldFiles.length).toBeGreaterThan(5);
    for (const id of limited) expect(planned.some((i) => i.startsWith(`dossiers|${id}|ignore|`) && i.includes("limitation"))).toBe(true);

    const real = await runRetention(t.db, LATER, { now, batchSize: 10_000 });
    expect(real.status).toBe("termine");
    expect(await itemsOf(real.runId!)).toEqual(planned);
    expect(real.counts).toEqual(dry.counts);

    const anonymised = await t.db.select({ id: jeunes.id }).from(jeunes).where(isNotNull(jeunes.anonymisedAt));
    expect(anonymised.map((r) => r.id).sort()).toEqual([...plannedFiles].sort());
    const beforeById = new Map(before.map((j) => [j.id, j]));
    const held = await t.db.select().from(jeunes).where(inArray(jeunes.id, heldFiles));
    for (const j of held) expect(j).toEqual(beforeById.get(j.id));
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.anonymise")))) as [{ n: number }];
    expect(n).toBe(plannedFiles.length);
  }, 180_000);
});
