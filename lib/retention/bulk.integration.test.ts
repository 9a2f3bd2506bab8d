import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, consultations, jeunes, retentionRunItems } from "@/db/schema";
import { growStructure } from "@/db/seed/bulk";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { planRetention, runRetention } from "./run";

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
  /** Files the rules would anonymise but for a limitation put on them: the limitation alone holds them. */
  let limitedOnly: string[];

  beforeAll(async () => {
    await seedDemo(t.db, { today: SEEDED, jeunesPerStructure: 4 });
    await growStructure(t.db, { today: SEEDED, jeunes: 600 });
    const archived = await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.statut, "archive")).orderBy(jeunes.id).limit(12);
    const plan = await planRetention(t.db, LATER, new Date("2045-06-01T02:00:00Z"), 10_000);
    limitedOnly = plan.items
      .filter((i) => i.rule === "dossiers" && i.hold === null)
      .map((i) => i.targetId)
      .slice(0, 6);
    expect(limitedOnly).toHaveLength(6);
    limited = [...new Set([...archived.map((r) => r.id), ...limitedOnly])];
    await t.db
      .update(jeunes)
      .set({ limitationDepuis: new Date("2045-05-01T10:00:00Z") })
      .where(inArray(jeunes.id, limited));
  }, 180_000);

  it("dry run = real run; held files untouched", async () => {
    const now = new Date("2045-06-01T02:00:00Z");
    const before = await t.db.select().from(jeunes).orderBy(jeunes.id);
    const consultationsOf = (ids: string[]) =>
      t.db.select({ id: consultations.id }).from(consultations).where(inArray(consultations.jeuneId, ids)).orderBy(consultations.id);
    const limitedSeen = await consultationsOf(limited);
    expect(limitedSeen.length).toBeGreaterThan(0);
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
    // Due and free of any other hold, these are kept by the limitation alone.
    for (const id of limitedOnly) expect(planned).toContain(`dossiers|${id}|ignore|limitation`);

    const real = await runRetention(t.db, LATER, { now, batchSize: 10_000 });
    expect(real.status).toBe("termine");
    expect(await itemsOf(real.runId!)).toEqual(planned);
    expect(real.counts).toEqual(dry.counts);

    const anonymised = await t.db.select({ id: jeunes.id }).from(jeunes).where(isNotNull(jeunes.anonymisedAt));
    expect(anonymised.map((r) => r.id).sort()).toEqual([...plannedFiles].sort());
    const beforeById = new Map(before.map((j) => [j.id, j]));
    const held = await t.db.select().from(jeunes).where(inArray(jeunes.id, heldFiles));
    for (const j of held) expect(j).toEqual(beforeById.get(j.id));
    // Files under limitation: not anonymised, not a column changed, their consultation log kept (frozen as a whole).
    const limitedAfter = await t.db.select().from(jeunes).where(inArray(jeunes.id, limited));
    expect(limitedAfter).toHaveLength(limited.length);
    for (const j of limitedAfter) expect(j).toEqual(beforeById.get(j.id));
    expect(await consultationsOf(limited)).toEqual(limitedSeen);
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.anonymise")))) as [{ n: number }];
    expect(n).toBe(plannedFiles.length);
  }, 180_000);
});
