import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { affectations, antennes, jeunes, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import type { SessionUser } from "@/lib/auth/session-user";
import { DomainError } from "@/lib/errors/domain-error";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { ALERT_KEYS } from "./alerts";
import { PAGE_SIZE, listPortefeuille } from "./portefeuille";
import { DISPOSITIF_VALUES, parsePortefeuilleParams, type PortefeuilleFilters } from "./portefeuille-params";
import { normalizeForSearch } from "./rules";

const TODAY = "2026-11-25";

describe("listPortefeuille", () => {
  const t = useTestDatabase();
  let camille: SessionUser;
  let julien: SessionUser;
  let nadia: SessionUser;
  let ines: SessionUser;
  let lyonId: string;
  let marseilleId: string;
  let marseilleAntenneId: string;
  const ids: Record<string, string> = {};

  async function addJeune(
    key: string,
    values: { structureId: string; nom: string; prenoms: string } & Partial<typeof jeunes.$inferInsert>,
  ) {
    const { nom, ...rest } = values;
    const [row] = await t.db
      .insert(jeunes)
      .values({
        nomNaissance: nom.toUpperCase(),
        dateNaissance: "2005-06-15",
        sexe: "F",
        searchText: normalizeForSearch(`${nom} ${values.prenoms}`),
        ...rest,
      })
      .returning({ id: jeunes.id });
    ids[key] = row!.id;
  }

  const list = (user: SessionUser, filters: Partial<PortefeuilleFilters> = {}) => listPortefeuille(user, filters, TODAY);
  const names = (rows: { prenoms: string; nomNaissance: string }[]) => rows.map((r) => `${r.prenoms} ${r.nomNaissance}`);

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 60 });
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    julien = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    lyonId = camille.structureId!;
    marseilleId = ines.structureId!;
    marseilleAntenneId = ines.antenneId!;

    // Camille's own extra young people.
    await addJeune("zoe", {
      structureId: lyonId,
      antenneId: camille.antenneId,
      conseillerId: camille.id,
      nom: "Lefèvre",
      prenoms: "Zoé",
      dateNaissance: "2004-03-12",
      ftIdentifiant: "1234567A",
      nationalite: "hors_ue",
      titreSejourFin: "2026-12-10",
    });
    await addJeune("archive", {
      structureId: lyonId,
      antenneId: camille.antenneId,
      conseillerId: camille.id,
      nom: "Archambault",
      prenoms: "Noé",
      statut: "archive",
      archiveMotif: "sortie_emploi",
      archivedAt: new Date("2026-10-01T10:00:00Z"),
    });
    await addJeune("expire", {
      structureId: lyonId,
      antenneId: camille.antenneId,
      conseillerId: camille.id,
      nom: "Okafor",
      prenoms: "Ada",
      nationalite: "hors_ue",
      titreSejourFin: "2026-11-01",
    });
    // Julien's young people: one covered by Camille today, one whose cover ended yesterday, one whose cover starts tomorrow.
    for (const [key, prenoms] of [
      ["remplace", "Yanis"],
      ["fini", "Basile"],
      ["futur", "Célestin"],
    ] as const) {
      await addJeune(key, { structureId: lyonId, antenneId: julien.antenneId, conseillerId: julien.id, nom: "Remplaçant", prenoms });
    }
    await t.db.insert(affectations).values([
      {
        jeuneId: ids.remplace!,
        structureId: lyonId,
        type: "temporaire",
        deConseillerId: julien.id,
        versConseillerId: camille.id,
        debut: "2026-11-20",
        fin: "2026-12-05",
        motif: "congés",
      },
      {
        jeuneId: ids.fini!,
        structureId: lyonId,
        type: "temporaire",
        deConseillerId: julien.id,
        versConseillerId: camille.id,
        debut: "2026-11-01",
        fin: "2026-11-24",
        motif: "congés",
      },
      {
        jeuneId: ids.futur!,
        structureId: lyonId,
        type: "temporaire",
        deConseillerId: julien.id,
        versConseillerId: camille.id,
        debut: "2026-11-26",
        fin: "2026-12-20",
        motif: "formation",
      },
    ]);
    // Unassigned young person of Lyon (director's "sans conseiller" filter).
    await addJeune("orphelin", { structureId: lyonId, nom: "Sansconseil", prenoms: "Lina" });
    // Two archived files a typo finds, the closer one later by name ("pquenovvile" < "quenoville").
    for (const [key, nom, prenoms] of [
      ["proche", "Quenoville", "Anaïs"],
      ["lointain", "Pquenovvile", "Inès"],
    ] as const) {
      await addJeune(key, { structureId: lyonId, nom, prenoms, statut: "archive", archivedAt: new Date("2026-01-05T10:00:00Z") });
    }
    // Marseille look-alikes: same names, same birth date, same France Travail id, archived too.
    await addJeune("marseilleZoe", {
      structureId: marseilleId,
      antenneId: marseilleAntenneId,
      conseillerId: ines.id,
      nom: "Lefèvre",
      prenoms: "Zoé",
      dateNaissance: "2004-03-12",
      ftIdentifiant: "1234567A",
      titreSejourFin: "2026-12-01",
    });
    await addJeune("marseilleArchive", {
      structureId: marseilleId,
      antenneId: marseilleAntenneId,
      conseillerId: ines.id,
      nom: "Dupont",
      prenoms: "Léa",
      statut: "archive",
    });
  });

  describe("scope", () => {
    it("a counsellor sees their titular young people plus those temporarily assigned to them today", async () => {
      const { rows, total } = await list(camille, { page: 1 });
      const own = await t.db
        .select({ id: jeunes.id })
        .from(jeunes)
        .where(and(eq(jeunes.conseillerId, camille.id), eq(jeunes.statut, "actif")));
      const all = await Promise.all([1, 2, 3, 4].map((page) => list(camille, { page })));
      const seen = new Set(all.flatMap((p) => p.rows.map((r) => r.id)));
      expect(total).toBe(own.length + 1);
      expect(seen).toEqual(new Set([...own.map((j) => j.id), ids.remplace]));
      expect(seen.has(ids.fini!)).toBe(false);
      expect(seen.has(ids.futur!)).toBe(false);
      expect(rows.length).toBe(Math.min(PAGE_SIZE, total));
    });

    it("the replacement shows as an alert, worded for the substitute and for the titular counsellor", async () => {
      const forCamille = await list(camille, { q: "Remplaçant" });
      expect(forCamille.rows.map((r) => r.id)).toEqual([ids.remplace]);
      expect(forCamille.rows[0]!.alertes).toContainEqual({
        key: "remplacement",
        tone: "info",
        text: "En remplacement de Julien Roche jusqu'au 05/12/2026",
      });

      const forJulien = await list(julien, { q: "Remplaçant" });
      expect(forJulien.rows).toHaveLength(3);
      const yanis = forJulien.rows.find((r) => r.id === ids.remplace)!;
      expect(yanis.alertes).toContainEqual({ key: "remplacement", tone: "info", text: "Suivi par Camille Martin jusqu'au 05/12/2026" });
      for (const r of forJulien.rows.filter((r) => r.id !== ids.remplace))
        expect(r.alertes.map((a) => a.key)).not.toContain("remplacement");

      const filtered = await list(julien, { alerte: "remplacement" });
      expect(filtered.rows.map((r) => r.id)).toEqual([ids.remplace]);
      expect(filtered.facets.alerte.remplacement).toBe(1);
    });

    it("a director sees the whole structure and filters by counsellor", async () => {
      const { total, conseillers } = await list(nadia);
      const lyonActifs = await t.db
        .select({ id: jeunes.id })
        .from(jeunes)
        .where(and(eq(jeunes.structureId, lyonId), eq(jeunes.statut, "actif")));
      expect(total).toBe(lyonActifs.length);
      expect(conseillers.map((c) => c.name)).toEqual(["Camille Martin", "Julien Roche"]);

      const byJulien = await list(nadia, { conseiller: julien.id, tri: "nom" });
      const julienActifs = await t.db
        .select({ id: jeunes.id })
        .from(jeunes)
        .where(and(eq(jeunes.conseillerId, julien.id), eq(jeunes.statut, "actif")));
      expect(byJulien.total).toBe(julienActifs.length);
      expect(byJulien.rows.every((r) => r.conseillerId === julien.id && r.conseiller === "Julien Roche")).toBe(true);
      expect(byJulien.facets.conseiller[julien.id]).toBe(julienActifs.length);
      expect(byJulien.facets.conseiller[camille.id]).toBeGreaterThan(0);

      const orphans = await list(nadia, { conseiller: "aucun" });
      expect(orphans.rows.map((r) => r.id)).toEqual([ids.orphelin]);
    });

    it("a counsellor cannot use the counsellor filter to read a colleague's portfolio", async () => {
      const view = await list(camille, { conseiller: julien.id });
      expect(view.filters.conseiller).toBeNull();
      expect(view.rows.every((r) => r.conseillerId === camille.id || r.id === ids.remplace)).toBe(true);
    });

    it("another structure's young people never appear, whatever the filters", async () => {
      const marseilleIds = new Set(
        (await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.structureId, marseilleId))).map((j) => j.id),
      );
      const marseilleAntennes = await t.db.select({ id: antennes.id }).from(antennes).where(eq(antennes.structureId, marseilleId));
      const marseilleStaff = await t.db.select({ id: users.id }).from(users).where(eq(users.structureId, marseilleId));
      const attempts: Partial<PortefeuilleFilters>[] = [
        {},
        { statut: "archive" },
        { q: "Lefèvre" },
        { q: "lea dupont", statut: "archive" },
        { q: "12/03/2004" },
        { q: "1234567A" },
        { alerte: "titre_sejour" },
        ...marseilleAntennes.map((a) => ({ antenne: a.id })),
        ...marseilleStaff.map((u) => ({ conseiller: u.id })),
        ...marseilleStaff.map((u) => ({ conseiller: u.id, antenne: marseilleAntennes[0]!.id, statut: "archive" as const })),
      ];
      for (const user of [camille, julien, nadia]) {
        for (const filters of attempts) {
          for (const page of [1, 2, 3]) {
            const view = await list(user, { ...filters, page });
            const leaked = view.rows.filter((r) => marseilleIds.has(r.id));
            expect(leaked, `${user.email} ${JSON.stringify(filters)}`).toEqual([]);
            expect(view.antennes.every((a) => !marseilleAntennes.some((m) => m.id === a.id))).toBe(true);
            expect(view.filters.antenne === null || !marseilleAntennes.some((m) => m.id === view.filters.antenne)).toBe(true);
          }
        }
      }
      // A foreign antenne or counsellor id is dropped, not turned into an empty list.
      const view = await list(nadia, { antenne: marseilleAntennes[0]!.id, conseiller: ines.id });
      expect(view.filters).toMatchObject({ antenne: null, conseiller: null });
      expect(view.total).toBeGreaterThan(0);
    }, 180_000);

    it("admin and DPO have no portfolio", async () => {
      for (const email of ["admin@sillage.demo", "dpo.lyon@sillage.demo"]) {
        await expect(list(await sessionUserFor(t.db, email))).rejects.toBeInstanceOf(DomainError);
      }
    });
  });

  describe("search", () => {
    it("ignores accents and case", async () => {
      expect(names((await list(camille, { q: "lea" })).rows)).toContain("Léa DUPONT");
      expect(names((await list(camille, { q: "LEFEVRE" })).rows)).toContain("Zoé LEFÈVRE");
      expect(names((await list(camille, { q: "  zoé   lefe " })).rows)).toEqual(["Zoé LEFÈVRE"]);
      expect(names((await list(camille, { q: "Léa Dupont" })).rows)[0]).toBe("Léa DUPONT");
    });

    it("matches the start of a word, not the middle (below the fuzzy length)", async () => {
      const { rows } = await list(camille, { q: "pon" });
      expect(names(rows)).not.toContain("Léa DUPONT");
    });

    it("ranks typo matches by word similarity, the closest first", async () => {
      const { rows } = await list(nadia, { q: "quenovile", statut: "archive" });
      expect(rows.map((r) => r.id)).toEqual([ids.proche, ids.lointain]);
      const scored = await t.db
        .select({ id: jeunes.id, score: sql<number>`word_similarity('quenovile', ${jeunes.searchText})`.mapWith(Number) })
        .from(jeunes)
        .where(inArray(jeunes.id, [ids.proche!, ids.lointain!]));
      const score = new Map(scored.map((r) => [r.id, r.score]));
      expect(score.get(ids.proche!)!).toBeGreaterThan(score.get(ids.lointain!)!);
    });

    it("finds a name despite a typo, ranking exact prefixes first", async () => {
      expect(names((await list(camille, { q: "Dupomt" })).rows)).toContain("Léa DUPONT");
      expect(names((await list(nadia, { q: "Lefebvre" })).rows)).toContain("Zoé LEFÈVRE");

      const { rows } = await list(nadia, { q: "dupon" });
      const firstFuzzy = rows.findIndex((r) => !/(^| )dupon/.test(normalizeForSearch(`${r.nomNaissance} ${r.prenoms}`)));
      const lastExact = rows.map((r) => /(^| )dupon/.test(normalizeForSearch(`${r.nomNaissance} ${r.prenoms}`))).lastIndexOf(true);
      expect(lastExact).toBeGreaterThanOrEqual(0);
      if (firstFuzzy >= 0) expect(firstFuzzy).toBeGreaterThan(lastExact);
    });

    it("a date searches the birth date, in French or ISO form", async () => {
      for (const q of ["12/03/2004", "2004-03-12", "12.03.2004"]) {
        const view = await list(nadia, { q });
        expect(view.search).toEqual({ kind: "date", date: "2004-03-12" });
        expect(view.rows.map((r) => r.id)).toEqual([ids.zoe]);
      }
      expect((await list(nadia, { q: "31/02/2004" })).total).toBe(0);
    });

    it("a France Travail identifier searches ft_identifiant, whatever its case", async () => {
      for (const q of ["1234567A", "1234567a"]) {
        const view = await list(nadia, { q });
        expect(view.search.kind).toBe("ft");
        expect(view.rows.map((r) => r.id)).toEqual([ids.zoe]);
      }
    });

    it("LIKE wildcards and SQL are plain text", async () => {
      for (const q of ["%", "_", "\\", "%%%", "' or 1=1 --", "'; drop table jeunes; --"]) {
        expect((await list(nadia, { q })).total, q).toBe(0);
      }
      expect((await t.db.select({ id: jeunes.id }).from(jeunes).limit(1)).length).toBe(1);
    });
  });

  describe("filters and counts", () => {
    it("archived dossiers leave the portfolio but remain searchable with the filter", async () => {
      const active = await list(camille, { q: "Archambault" });
      expect(active.total).toBe(0);
      expect(active.facets.statut).toEqual({ actif: 0, archive: 1 });
      const archived = await list(camille, { q: "Archambault", statut: "archive" });
      expect(archived.rows.map((r) => r.id)).toEqual([ids.archive]);
      expect(archived.rows[0]!.archivedAt).toBeInstanceOf(Date);
      const allArchived = await list(camille, { statut: "archive" });
      expect(allArchived.rows.every((r) => r.statut === "archive")).toBe(true);
      expect(allArchived.rows.map((r) => r.id)).not.toContain(ids.marseilleArchive);
    });

    it("each facet count equals the rows the filter then lists", async () => {
      for (const user of [camille, nadia]) {
        const view = await list(user);
        const dispositifs = DISPOSITIF_VALUES.map((d) => view.facets.dispositif[d]);
        expect(dispositifs.reduce((a, b) => a + b, 0)).toBe(view.total);
        for (const dispositif of DISPOSITIF_VALUES) {
          const filtered = await list(user, { dispositif });
          expect(filtered.total, dispositif).toBe(view.facets.dispositif[dispositif]);
          expect(filtered.rows.every((r) => r.dispositif === dispositif)).toBe(true);
          // The other facets are counted with this filter applied.
          expect(filtered.facets.dispositif).toEqual(view.facets.dispositif);
          expect(filtered.facets.statut.actif).toBe(filtered.total);
        }
        for (const antenne of view.antennes) {
          expect((await list(user, { antenne: antenne.id })).total, antenne.name).toBe(view.facets.antenne[antenne.id] ?? 0);
        }
        for (const alerte of ALERT_KEYS) {
          const filtered = await list(user, { alerte });
          expect(filtered.total, alerte).toBe(view.facets.alerte[alerte]);
          expect(filtered.rows.every((r) => r.alertes.some((a) => a.key === alerte))).toBe(true);
        }
      }
    });

    it("computes the residence-permit and minor alerts for today", async () => {
      const view = await list(camille, { alerte: "titre_sejour", tri: "nom" });
      expect(view.rows.map((r) => [r.prenoms, r.alertes.find((a) => a.key === "titre_sejour")])).toEqual([
        ["Zoé", { key: "titre_sejour", tone: "warning", text: "Titre de séjour : fin le 10/12/2026" }],
        ["Ada", { key: "titre_sejour", tone: "error", text: "Titre de séjour expiré le 01/11/2026" }],
      ]);
      const minors = await list(camille, { alerte: "mineur" });
      expect(minors.total).toBeGreaterThan(0);
      expect(minors.rows.every((r) => r.age < 18)).toBe(true);
      expect(names(minors.rows)).toContain("Tom GIRARD");
      const adults = (await list(camille, { page: 1 })).rows.filter((r) => r.age >= 18);
      expect(adults.every((r) => !r.alertes.some((a) => a.key === "mineur"))).toBe(true);
    });

    it("combines a search with filters, and counts follow", async () => {
      const view = await list(nadia, { q: "lea", dispositif: "CEJ" });
      expect(view.rows.every((r) => r.dispositif === "CEJ" && /(^| )lea/.test(normalizeForSearch(`${r.prenoms} ${r.nomNaissance}`)))).toBe(
        true,
      );
      expect(view.total).toBe(view.facets.dispositif.CEJ);
    });
  });

  describe("sort and pagination", () => {
    it("pages through the whole list without duplicates; a page past the end shows the last one", async () => {
      const first = await list(nadia);
      expect(first.total).toBeGreaterThan(2 * PAGE_SIZE);
      expect(first.pageCount).toBe(Math.ceil(first.total / PAGE_SIZE));
      const pages = await Promise.all(Array.from({ length: first.pageCount }, (_, i) => list(nadia, { page: i + 1 })));
      const allIds = pages.flatMap((p) => p.rows.map((r) => r.id));
      expect(allIds).toHaveLength(first.total);
      expect(new Set(allIds).size).toBe(first.total);
      expect(pages.at(-1)!.rows.length).toBe(first.total - (first.pageCount - 1) * PAGE_SIZE);

      const beyond = await list(nadia, { page: 999 });
      expect(beyond.page).toBe(first.pageCount);
      expect(beyond.filters.page).toBe(first.pageCount);
      expect(beyond.rows).toEqual(pages.at(-1)!.rows);

      // A counsellor's counts and requested page are read at once: a page past the end is read again as the last.
      const own = await list(camille);
      expect(own.total).toBeGreaterThan(0);
      const ownBeyond = await list(camille, { page: 999 });
      expect(ownBeyond.page).toBe(own.pageCount);
      expect(ownBeyond.filters.page).toBe(own.pageCount);
      expect(ownBeyond.rows).toEqual((await list(camille, { page: own.pageCount })).rows);
      expect(ownBeyond.rows.length).toBeGreaterThan(0);
    });

    it("sorts by name, age and dispositif in both orders", async () => {
      const byName = (await list(nadia, { tri: "nom", ordre: "desc" })).rows.map((r) =>
        normalizeForSearch(`${r.nomNaissance} ${r.prenoms}`),
      );
      expect(byName).toEqual([...byName].sort().reverse());

      const youngestFirst = (await list(nadia, { tri: "age", ordre: "asc" })).rows.map((r) => r.dateNaissance);
      expect(youngestFirst).toEqual([...youngestFirst].sort().reverse());
      const oldestFirst = (await list(nadia, { tri: "age", ordre: "desc" })).rows.map((r) => r.dateNaissance);
      expect(oldestFirst).toEqual([...oldestFirst].sort());

      const rank = { CEJ: 1, PACEA: 2, aucun: 3 } as const;
      const byDispositif = (await list(nadia, { tri: "dispositif", ordre: "desc" })).rows.map((r) => rank[r.dispositif]);
      expect(byDispositif).toEqual([...byDispositif].sort().reverse());
    });

    it("reads its filters from the URL without ever failing", async () => {
      const view = await list(
        nadia,
        parsePortefeuilleParams({ dispositif: "CEJ'--", antenne: "x", page: "-3", statut: "aucun", tri: "drop", q: "lea" }),
      );
      expect(view.filters).toMatchObject({ dispositif: null, antenne: null, page: 1, statut: "actif", tri: null, q: "lea" });
      expect(view.total).toBeGreaterThan(0);
    });
  });
});
