import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { contratEvenements, contrats, jeunes, phases } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { addDays, addMonths, compare, todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { checkPlannedEnd } from "./contrats";
import { contractPeriod } from "./periodes";
import { checkPhases } from "./phases";

describe("demo contracts (seedContrats)", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 12, extras: true });
  });

  it("gives every active young person with a dispositif one open contract of that type, valid by the rules", async () => {
    const people = await t.db.select().from(jeunes).where(eq(jeunes.statut, "actif"));
    const all = await t.db.select().from(contrats);
    for (const j of people) {
      const open = all.filter((c) => c.jeuneId === j.id && c.finReelle === null);
      if (j.dispositif === "aucun") expect(open).toHaveLength(0);
      else {
        expect(open.map((c) => c.type)).toEqual([j.dispositif]);
        const c = open[0]!;
        expect(checkPlannedEnd({ kind: c.type, start: c.debut, plannedEnd: c.finPrevue, extensionReason: c.prolongationMotif }).ok).toBe(
          true,
        );
      }
    }
    expect(all.some((c) => c.finReelle === null && compare(c.finPrevue, addDays(today, 30)) <= 0 && compare(c.finPrevue, today) >= 0)).toBe(
      true,
    );
    expect(all.some((c) => c.type === "CEJ" && c.prolongationMotif)).toBe(true);
    const switched = all.filter((c) => c.precedentContratId);
    expect(switched.length).toBeGreaterThan(0);
    for (const c of switched) {
      const before = all.find((p) => p.id === c.precedentContratId)!;
      expect(before).toMatchObject({ motifSortie: "bascule", finReelle: addDays(c.debut, -1) });
      expect(before.type).not.toBe(c.type);
    }
    const events = await t.db.select().from(contratEvenements);
    for (const c of all) expect(events.filter((e) => e.contratId === c.id).length).toBeGreaterThan(0);
  });

  it("PACEA phases pass the phase rules; Léa has a CEJ of four months, Tom a PACEA with his diagnostic done", async () => {
    const all = await t.db.select().from(contrats);
    const allPhases = await t.db.select().from(phases);
    for (const c of all.filter((x) => x.type === "PACEA")) {
      const set = allPhases.filter((p) => p.contratId === c.id).map((p) => ({ kind: p.type, start: p.debut, end: p.fin }));
      expect(checkPhases(contractPeriod(c), set)).toEqual({ ok: true });
    }
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const leaOpen = all.find((c) => c.jeuneId === lea!.id && c.finReelle === null)!;
    expect(leaOpen).toMatchObject({ type: "CEJ", debut: addMonths(today, -4) });
    const [tom] = await t.db.select().from(jeunes).where(eq(jeunes.email, "tom.girard@exemple.fr"));
    const tomOpen = all.find((c) => c.jeuneId === tom!.id && c.finReelle === null)!;
    expect(tomOpen.type).toBe("PACEA");
    const tomPhases = allPhases.filter((p) => p.contratId === tomOpen.id).sort((a, b) => compare(a.debut, b.debut));
    expect(tomPhases[0]).toMatchObject({ type: "diagnostic" });
    expect(tomPhases[0]!.bilan).toBeTruthy();
    expect(tomPhases[1]).toMatchObject({ type: "accompagnement", bilan: null });
    expect(compare(tomPhases[1]!.debut, today) <= 0 && compare(tomPhases[1]!.fin, today) >= 0).toBe(true);
  });
});
