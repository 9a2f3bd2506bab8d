import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { todayInParis } from "@/lib/calendar/civil-date";
import { portfolioListCondition } from "@/lib/dossier/scope";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { jeunes } from "@/db/schema";
import { parseSearchQuery } from "./portefeuille-params";
import { listPortefeuille, searchCondition } from "./portefeuille";

/** Plans depend on the planner's statistics: only PostgreSQL's are the production ones. */
const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";

describe.runIf(onPostgres)("the portfolio's search is served by the trigram index", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let lyonId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
    const all = await t.db.select().from(structures);
    lyonId = all.find((s) => s.name === "Mission locale de Lyon")!.id;
    // A few thousand files in each structure, with varied names: enough for the planner to prefer an index.
    for (const s of all) {
      await t.db.execute(sql`insert into jeunes (id, structure_id, nom_naissance, prenoms, date_naissance, sexe, search_text)
        select gen_random_uuid(), ${s.id}, 'nom' || md5(i::text || ${s.id}), 'prenom' || (i % 97), date '2004-01-01' + (i % 2500), 'F',
          lower('nom' || md5(i::text || ${s.id}) || ' prenom' || (i % 97))
        from generate_series(1, 3000) as i`);
    }
    await t.db.execute(sql`analyze jeunes`);
  });

  async function plan(q: string): Promise<string> {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const query = t.db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(and(portfolioListCondition(directrice, today), searchCondition(parseSearchQuery(q)), eq(jeunes.statut, "actif")));
    return t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
      const result = (await tx.execute(sql`explain (format text) ${query}`)) as unknown as { rows?: Record<string, string>[] } & Record<string, string>[];
      const rows = result.rows ?? result;
      return rows.map((r) => Object.values(r)[0]).join("\n");
    });
  }

  it("prefix and fuzzy searches use jeunes_search_trgm_idx, not a scan of the structure", async () => {
    for (const q of ["dupont", "dupomt", "lea dup"]) {
      const text = await plan(q);
      expect(text, `${q}\n${text}`).toContain("jeunes_search_trgm_idx");
    }
  });

  it("finds the same young people as before: the typo, the prefix of a first name", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const view = await listPortefeuille(directrice, { q: "dupomt" }, today);
    expect(view.rows.length).toBeGreaterThan(0);
    expect(view.rows.every((r) => r.nomNaissance !== undefined)).toBe(true);
    expect(lyonId).toBeDefined();
  });
});
