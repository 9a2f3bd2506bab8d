import { beforeAll, describe, expect, it } from "vitest";
import { jeunes, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { nirIndex } from "@/lib/crypto/nir-vault";
import { useTestDatabase } from "@/test/db";
import { findDuplicates, identityKey, searchTextFor } from "./duplicates";

describe("findDuplicates", () => {
  const t = useTestDatabase();
  let lyon: string;
  let marseille: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
    const all = await t.db.select().from(structures);
    lyon = all.find((s) => s.name.includes("Lyon"))!.id;
    marseille = all.find((s) => s.name.includes("Marseille"))!.id;
    const row = (
      key: string,
      structureId: string,
      nomNaissance: string,
      prenoms: string,
      dateNaissance: string,
      extra: Partial<typeof jeunes.$inferInsert> = {},
    ) => ({
      key,
      values: {
        structureId,
        nomNaissance,
        prenoms,
        dateNaissance,
        sexe: "F" as const,
        searchText: searchTextFor({ nomNaissance, nomUsage: extra.nomUsage ?? null, prenoms }),
        ...extra,
      },
    });
    const rows = [
      row("lyonNdiaye", lyon, "N'DIAYE-LŒUVRE", "Aïcha Marie", "2005-06-01", { nomUsage: "MARTIN" }),
      row("lyonArchive", lyon, "ROUX", "Jade", "2004-01-02", { statut: "archive" }),
      row("lyonSuffix", lyon, "ADUPONT", "Léa", "2005-06-01"),
      row("marseilleNdiaye", marseille, "NDIAYE LOEUVRE", "Aicha marie", "2005-06-01"),
      row("marseilleNir", marseille, "AUTRE", "Nom", "2001-01-01", { nirHmac: nirIndex("201017512345678") }),
    ];
    for (const r of rows) {
      const [inserted] = await t.db.insert(jeunes).values(r.values).returning({ id: jeunes.id });
      ids[r.key] = inserted!.id;
    }
  });

  it("folds names like search does", () => {
    expect(identityKey("N'Diaye-Lœuvre", "Aïcha  Marie")).toBe("ndiaye loeuvre aicha marie");
  });

  it("finds the same birth name and first names on the same birth date, however typed, and details only the caller's structure", async () => {
    const found = await findDuplicates(t.db, lyon, {
      nomNaissance: "ndiaye loeuvre",
      prenoms: "AICHA-MARIE",
      dateNaissance: "2005-06-01",
      nirHmac: null,
    });
    expect(found.inStructure.map((c) => c.id)).toEqual([ids.lyonNdiaye]);
    expect(found.inStructure[0]).toMatchObject({ byIdentite: true, byNir: false, nomUsage: "MARTIN", archive: false });
    expect(found.elsewhere).toEqual({ byIdentite: true, byNir: false });
    expect(JSON.stringify(found)).not.toContain(ids.marseilleNdiaye!);
  });

  it("ignores another birth date, a name that only ends the same way, and the dossier being edited", async () => {
    expect(
      (
        await findDuplicates(t.db, lyon, {
          nomNaissance: "N'Diaye-Lœuvre",
          prenoms: "Aïcha Marie",
          dateNaissance: "2005-06-02",
          nirHmac: null,
        })
      ).inStructure,
    ).toEqual([]);
    expect(
      (await findDuplicates(t.db, lyon, { nomNaissance: "Dupont", prenoms: "Léa", dateNaissance: "2005-06-01", nirHmac: null }))
        .inStructure,
    ).toEqual([]);
    const self = await findDuplicates(
      t.db,
      lyon,
      { nomNaissance: "N'Diaye-Lœuvre", prenoms: "Aïcha Marie", dateNaissance: "2005-06-01", nirHmac: null },
      { excludeId: ids.lyonNdiaye },
    );
    expect(self.inStructure).toEqual([]);
  });

  it("counts archived dossiers: the person should be reopened, not duplicated", async () => {
    const found = await findDuplicates(t.db, lyon, { nomNaissance: "Roux", prenoms: "Jade", dateNaissance: "2004-01-02", nirHmac: null });
    expect(found.inStructure).toMatchObject([{ id: ids.lyonArchive, archive: true }]);
  });

  it("matches a NIR whatever the name, elsewhere only as a yes/no", async () => {
    const hmac = nirIndex("201017512345678");
    const fromLyon = await findDuplicates(t.db, lyon, {
      nomNaissance: "Tout",
      prenoms: "Autre",
      dateNaissance: "2001-01-15",
      nirHmac: hmac,
    });
    expect(fromLyon).toEqual({ inStructure: [], elsewhere: { byNir: true, byIdentite: false } });
    const fromMarseille = await findDuplicates(t.db, marseille, {
      nomNaissance: "Tout",
      prenoms: "Autre",
      dateNaissance: "2001-01-15",
      nirHmac: hmac,
    });
    expect(fromMarseille.inStructure).toMatchObject([{ id: ids.marseilleNir, byNir: true, byIdentite: false }]);
  });
});
