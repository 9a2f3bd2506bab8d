import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { contrats, jeunes, sanctions } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { getMyInformationSources, getMyPathway } from "./parcours-queries";
import { finalitiesOf, isMinor } from "./informations";

describe("my pathway and the sources of my explanations", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", extras: true });
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const [leaCej] = await t.db.select().from(contrats).where(eq(contrats.jeuneId, lea!.id));
    const [other] = await t.db
      .select()
      .from(contrats)
      .where(and(eq(contrats.type, "CEJ"), ne(contrats.jeuneId, lea!.id)))
      .limit(1);
    const sanction = {
      regime: "suspension_remobilisation",
      palier: "suspension_30_pourcent_1_a_2_mois",
      palierIndex: 0,
      baremeEnVigueurDepuis: "2025-06-01",
      dateFait: "2026-11-10",
    };
    await t.db.insert(sanctions).values([
      {
        ...sanction,
        structureId: lea!.structureId,
        jeuneId: lea!.id,
        contratId: leaCej!.id,
        motif: "Absente à l'atelier CV sans prévenir",
      },
      { ...sanction, structureId: other!.structureId, jeuneId: other!.jeuneId, contratId: other!.id, motif: "Motif d'un autre jeune" },
    ]);
  });

  it("gives Léa her CEJ, her next séance, this week's hours against 15 h, her allowance and her own sanction only", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const now = new Date();
    const p = (await getMyPathway(lea, now))!;
    expect(p.contracts.map((c) => [c.type, c.finReelle])).toEqual([["CEJ", null]]);
    expect(p.cejRunning).toBe(true);
    expect(p.week?.gauge.targetMinutes).toBe(15 * 60);
    if (p.next) expect(p.next.debut.getTime()).toBeGreaterThanOrEqual(now.getTime());
    expect(p.decisions.length).toBeGreaterThan(0);
    expect(p.decisions.every((d) => d.dispositif === "CEJ")).toBe(true);
    expect(p.sanctions.map((s) => s.motif)).toEqual(["Absente à l'atelier CV sans prévenir"]);
  });

  it("gives Tom, a minor in PACEA, his own pathway and no CEJ hours", async () => {
    const tom = await sessionUserFor(t.db, "tom.girard@exemple.fr");
    const p = (await getMyPathway(tom))!;
    expect(p.contracts.map((c) => c.type)).toEqual(["PACEA"]);
    expect(p.cejRunning).toBe(false);
    expect(p.week).toBeNull();
    expect(p.sanctions).toEqual([]);
    const sources = (await getMyInformationSources(tom))!;
    expect(isMinor(sources.dateNaissance, "2026-11-25")).toBe(true);
    expect(finalitiesOf(sources.facts)).toContain("pacea");
    expect(finalitiesOf(sources.facts)).not.toContain("cej");
    expect(sources.ctx.retention).not.toBeNull();
  });

  it("gives Léa, an adult with a CEJ allowance, the CEJ, C2S and allowance finalities", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const sources = (await getMyInformationSources(lea))!;
    expect(isMinor(sources.dateNaissance, "2026-11-25")).toBe(false);
    expect(finalitiesOf(sources.facts)).toEqual(["accompagnement", "cej", "c2s", "allocation", "statistiques", "droits"]);
  });

  it("gives staff nothing", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    expect(await getMyPathway(camille)).toBeNull();
    expect(await getMyInformationSources(camille)).toBeNull();
  });
});
