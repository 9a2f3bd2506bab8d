import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DatabaseHandle, type Db } from "@/db/client";
import { auditLog, jeunes, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { runRetention } from "./run";

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

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 6 });
    const [{ name }] = (await t.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    second = await openPostgres(url.toString(), { max: 5 });
    // Archived, born in 1990 (kept until early 2018), no contract nor allowance: due.
    const [structure] = await t.db.select({ id: structures.id }).from(structures).limit(1);
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
    const left = await t.db.select({ id: jeunes.id }).from(jeunes).where(and(inArray(jeunes.id, due), sql`${jeunes.anonymisedAt} is null`));
    expect(left).toEqual([]);
  });
});
