import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { actionsJeune, contrats, jeunes, structures } from "@/db/schema";
import { cejGaugeAlerts } from "@/lib/cej/jauge-query";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { useTestDatabase } from "@/test/db";
import { seedDemo } from "./demo";

describe("demo actions", () => {
  const t = useTestDatabase();
  const today = "2026-11-25"; // a Wednesday

  beforeAll(async () => {
    await seedDemo(t.db, { today, extras: true });
  });

  it("gives Léa Dupont several actions this week, some qualified, some waiting", async () => {
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const week = isoWeekOf(today);
    const rows = (await t.db.select().from(actionsJeune).where(eq(actionsJeune.jeuneId, lea!.id))).filter(
      (a) => a.debut >= week.start && a.debut <= week.end,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.some((a) => a.qualifieeLe !== null)).toBe(true);
    expect(rows.some((a) => a.statut === "terminee" && a.qualifieeLe === null)).toBe(true);
    expect(rows.some((a) => a.statut === "a_faire" || a.statut === "en_cours")).toBe(true);
  });

  it("keeps finished actions in the past and ties actions to the open contract", async () => {
    const rows = await t.db.select().from(actionsJeune);
    expect(rows.length).toBeGreaterThan(100);
    for (const a of rows.filter((r) => r.statut === "terminee")) expect(a.fin! <= today && a.debut <= a.fin!).toBe(true);
    const openByJeune = new Map((await t.db.select().from(contrats)).filter((c) => c.finReelle === null).map((c) => [c.jeuneId, c.id]));
    for (const a of rows) expect(a.contratId).toBe(openByJeune.get(a.jeuneId) ?? null);
  });

  it("puts some CEJ young people under 15 h this week and some above, and leaves finished actions to qualify", async () => {
    const [lyon] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Lyon"));
    const cej = await t.db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(and(eq(jeunes.structureId, lyon!.id), eq(jeunes.dispositif, "CEJ"), eq(jeunes.statut, "actif")));
    const result = await cejGaugeAlerts(t.db, { structureId: lyon!.id, jeuneIds: cej.map((j) => j.id), week: isoWeekOf(today) });
    const gauges = [...result!.gauges.values()];
    expect(gauges.some((g) => g.reached)).toBe(true);
    expect(gauges.some((g) => !g.reached)).toBe(true);
    const toQualify = await t.db
      .select()
      .from(actionsJeune)
      .where(and(eq(actionsJeune.structureId, lyon!.id), eq(actionsJeune.statut, "terminee")));
    expect(toQualify.filter((a) => a.qualifieeLe === null).length).toBeGreaterThan(3);
  });
});
