import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jeunes, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { decideDossierAccess } from "@/lib/dossier/gate";
import { getOwnDossier } from "./dossier";
import { listPortefeuille } from "./portefeuille";

const TODAY = "2026-11-25";

describe("jeunes queries are scoped to the caller", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 10 });
  });

  const structureId = async (name: string) => (await t.db.select().from(structures).where(eq(structures.name, name)))[0]!.id;

  it("a counsellor sees only their own portfolio", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const { rows, total } = await listPortefeuille(camille, { page: 1 }, TODAY);
    const own = await t.db.select().from(jeunes).where(eq(jeunes.conseillerId, camille.id));
    expect(total).toBe(own.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(own.map((j) => j.id)));
  });

  it("a director sees the whole structure and nothing of the other one", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const lyon = await structureId("Mission locale de Lyon");
    const { total } = await listPortefeuille(nadia, { page: 1 }, TODAY);
    const all = await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyon));
    expect(total).toBe(all.length);
  });

  it("search ignores accents and case", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const { rows } = await listPortefeuille(nadia, { q: "LEA", page: 1 }, TODAY);
    expect(rows.map((r) => r.prenoms)).toContain("Léa");
    const { rows: none } = await listPortefeuille(nadia, { q: "zz%", page: 1 }, TODAY);
    expect(none).toEqual([]);
  });

  const refusal = async (email: string, id: string) => {
    const access = await decideDossierAccess(t.db, await sessionUserFor(t.db, email), id, "page", { onglet: "identite" });
    return access.ok ? null : access.refusal;
  };

  it("a dossier of another structure is not found, for every staff role", async () => {
    const marseille = await structureId("Mission locale de Marseille");
    const [foreign] = await t.db.select().from(jeunes).where(eq(jeunes.structureId, marseille)).limit(1);
    for (const email of ["conseillere.lyon@sillage.demo", "directrice.lyon@sillage.demo", "dpo.lyon@sillage.demo"]) {
      expect(await refusal(email, foreign!.id), email).toBe("not_found");
    }
    // Inside the structure the file exists: open, or behind the reason form outside the portfolio.
    expect(await refusal("conseillere.marseille@sillage.demo", foreign!.id)).not.toBe("not_found");
    expect(await refusal("admin@sillage.demo", foreign!.id)).not.toBe("not_found");
  });

  it("a young person reads only their own dossier", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    expect(await getOwnDossier(lea)).toMatchObject({ prenoms: "Léa", structure: "Mission locale de Lyon" });
    const staff = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    expect(await getOwnDossier(staff)).toBeNull();
  });
});
