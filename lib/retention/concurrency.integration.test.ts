import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DatabaseHandle, type Db } from "@/db/client";
import { auditLog, jeunes, retentionRunItems, retentionRuns, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { executeRun, runRetention } from "./run";

const TODAY = "2026-11-25";

/**
 * Two workers (two database clients, each with its own connections) run the retention at the same time:
 * every due dossier is anonymised once, with one audit entry. PostgreSQL only: PGlite has one connection,
 * so nothing runs concurrently there.
 */
describe.runIf(process.env.SILLAGE_TEST_DB === "postgres")("two retention runs at the same time", () => {
  const t = useTestDatabase();
  let second: DatabaseHandle;
  let due: string[];
  let structureId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 6 });
    const [{ name }] = (await t.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    second = await openPostgres(url.toString(), { max: 5 });
    // Archived, born in 1990 (kept until early 2018), no contract nor allowance: due.
    const [structure] = await t.db.select({ id: structures.id }).from(structures).limit(1);
    structureId = structure!.id;
    const rows = await t.db
      .insert(jeunes)
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          structureId: structure!.id,
          nomNaissance: `DUE${i}`,
          prenoms: "Camille",
          dateNaissance: "1990-03-02",
          sexe: "F" as const,
          statut: "archive" as const,
          archiveMotif: "sortie_emploi",
          searchText: `due${i} camille`,
        })),
      )
      .returning({ id: jeunes.id });
    due = rows.map((r) => r.id);
  });
  afterAll(async () => {
    await second?.close();
  });

  it("anonymises each due dossier once and writes one audit entry for it", async () => {
    const run = (db: Db) => runRetention(db, TODAY);
    await Promise.all([run(t.db), run(second.db), run(t.db), run(second.db)]);
    const entries = await t.db
      .select({ jeuneId: auditLog.jeuneId, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.anonymise"), inArray(auditLog.jeuneId, due)))
      .groupBy(auditLog.jeuneId);
    expect(entries).toHaveLength(due.length);
    expect(entries.every((e) => e.n === 1)).toBe(true);
    const left = await t.db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(and(inArray(jeunes.id, due), sql`${jeunes.anonymisedAt} is null`));
    expect(left).toEqual([]);
    // The lock let one run through at a time: the others were refused, or found nothing left to do.
    const runs = await t.db.select().from(retentionRuns);
    expect(runs.every((r) => r.status === "termine")).toBe(true);
  });

  it("two runs that both hold a claim (a stale worker still alive after a takeover) still anonymise once", async () => {
    const more = await t.db
      .insert(jeunes)
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          nomNaissance: `BIS${i}`,
          prenoms: "Camille",
          dateNaissance: "1991-04-02",
          sexe: "M" as const,
          statut: "archive" as const,
          archiveMotif: "abandon",
          searchText: `bis${i} camille`,
          structureId,
        })),
      )
      .returning({ id: jeunes.id });
    const ids = more.map((r) => r.id);
    const claims = await t.db
      .insert(retentionRuns)
      .values([
        { trigger: "worker", claimedBy: "a:1" },
        { trigger: "worker", claimedBy: "b:2" },
      ])
      .returning({ id: retentionRuns.id });
    const now = new Date();
    const results = await Promise.all([
      executeRun(t.db, { id: claims[0]!.id, dryRun: false }, TODAY, { now }),
      executeRun(second.db, { id: claims[1]!.id, dryRun: false }, TODAY, { now }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["termine", "termine"]);
    expect(results[0]!.counts.dossiers.done + results[1]!.counts.dossiers.done).toBe(ids.length);
    const entries = await t.db
      .select({ jeuneId: auditLog.jeuneId, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.anonymise"), inArray(auditLog.jeuneId, ids)))
      .groupBy(auditLog.jeuneId);
    expect(entries).toHaveLength(ids.length);
    expect(entries.every((e) => e.n === 1)).toBe(true);
    const fait = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(retentionRunItems)
      .where(and(eq(retentionRunItems.outcome, "fait"), inArray(retentionRunItems.targetId, ids)));
    expect(fait).toEqual([{ n: ids.length }]);
  });
});
