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

const surnames = [
  "martin",
  "bernard",
  "dubois",
  "thomas",
  "robert",
  "richard",
  "petit",
  "durand",
  "leroy",
  "moreau",
  "simon",
  "laurent",
  "lefebvre",
  "michel",
  "garcia",
  "david",
  "bertrand",
  "roux",
  "vincent",
  "fournier",
  "morel",
  "girard",
  "andre",
  "mercier",
  "dupuis",
  "lambert",
  "bonnet",
  "francois",
  "martinez",
  "legrand",
  "garnier",
  "faure",
  "rousseau",
  "blanc",
  "guerin",
  "muller",
  "henry",
  "roussel",
  "nicolas",
  "perrin",
  "mathieu",
  "clement",
  "gauthier",
  "dumont",
  "lopez",
  "fontaine",
  "chevalier",
  "robin",
  "masson",
  "duval",
];
const firstNames = [
  "lea",
  "emma",
  "chloe",
  "ines",
  "manon",
  "jade",
  "louise",
  "camille",
  "sarah",
  "lucas",
  "hugo",
  "louis",
  "nathan",
  "enzo",
  "mathis",
  "theo",
  "tom",
  "yanis",
  "adam",
  "rayan",
  "nolan",
  "noah",
  "ethan",
  "sacha",
  "amine",
];
const SURNAMES = sql.raw(`array[${surnames.map((n) => `'${n}'`).join(",")}]`);
const SURNAMES_COUNT = sql.raw(String(surnames.length));
const FIRST_NAMES = sql.raw(`array[${firstNames.map((n) => `'${n}'`).join(",")}]`);
const FIRST_NAMES_COUNT = sql.raw(String(firstNames.length));

/** Plans depend on the planner's statistics: only PostgreSQL's are the production ones. */
const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";

describe.runIf(onPostgres)("the portfolio's search is served by the trigram index", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
    const all = await t.db.select().from(structures);
    const lyonId = all.find((s) => s.name === "Mission locale de Lyon")!.id;
    // A few thousand files with varied names in one structure (the large mission locale's shape, where
    // the structure condition selects nearly every row): the planner must still prefer the trigram index.
    // Names built from common French surnames and first names, so they share trigrams as real ones do.
    await t.db.execute(sql`insert into jeunes (id, structure_id, nom_naissance, prenoms, date_naissance, sexe, search_text)
      select gen_random_uuid(), ${lyonId}, n.nom, n.prenom, date '2004-01-01' + (i % 2500), 'F', n.nom || ' ' || n.prenom
      from generate_series(1, 5000) as i,
        lateral (select (${SURNAMES})[1 + (i * 7) % ${SURNAMES_COUNT}] || case when i % 5 = 0 then '' else (i % 89)::text end as nom,
                        (${FIRST_NAMES})[1 + (i * 13) % ${FIRST_NAMES_COUNT}] as prenom) as n`);
    await t.db.execute(sql`vacuum analyze jeunes`);
  });

  async function plan(q: string): Promise<string> {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const query = t.db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(and(portfolioListCondition(directrice, today) ?? undefined, searchCondition(parseSearchQuery(q)), eq(jeunes.statut, "actif")));
    return t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
      const result = (await tx.execute(sql`explain (format text) ${query}`)) as unknown as { rows?: Record<string, string>[] } & Record<
        string,
        string
      >[];
      const rows = result.rows ?? result;
      return rows.map((r) => Object.values(r)[0]).join("\n");
    });
  }

  it("prefix and fuzzy searches use jeunes_search_trgm_idx, not a scan of the structure", async () => {
    for (const q of ["dumont", "dumomt", "lea dum", "chevalier"]) {
      const text = await plan(q);
      expect(text, `${q}\n${text}`).toContain("jeunes_search_trgm_idx");
    }
  });

  it("the index finds the same young people as a scan of every row", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    for (const q of ["dumomt", "lea dum", "chevalier"]) {
      const view = await listPortefeuille(directrice, { q }, today);
      const scanned = await t.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
        );
        return tx
          .select({ id: jeunes.id })
          .from(jeunes)
          .where(
            and(portfolioListCondition(directrice, today) ?? undefined, searchCondition(parseSearchQuery(q)), eq(jeunes.statut, "actif")),
          );
      });
      expect(scanned.length, q).toBeGreaterThan(0);
      expect(view.total, q).toBe(scanned.length);
    }
  });
});
