import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { jeunes, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { cejGaugeAlerts } from "@/lib/cej/jauge-query";
import { useTestDatabase } from "@/test/db";
import { cejAlertWeeks, cejWeekMinutesSql } from "./alerts-parcours";

const TODAY = "2026-11-25";

/**
 * The portfolio's CEJ alert recomputes the gauge in SQL; the dossier's gauge is built in TypeScript from
 * the same rows (lib/cej/jauge-query.ts). On the whole demo (actions, séances, attendance of three weeks),
 * both must give the same minutes for every young person, declared and validated, both weeks.
 */
describe("the portfolio's CEJ hours match the dossier's gauge", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, extras: true });
  });

  it("same minutes for every young person of the demo, last week and this week", async () => {
    const { previous, current } = cejAlertWeeks(TODAY);
    for (const s of await t.db.select().from(structures)) {
      const ids = (await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.structureId, s.id))).map((r) => r.id);
      expect(ids.length).toBeGreaterThan(5);
      for (const monday of [previous, current]) {
        const week = isoWeekOf(monday);
        const expected = await cejGaugeAlerts(t.db, { structureId: s.id, jeuneIds: ids, week });
        expect(expected).not.toBeNull();
        const rows = (await t.db
          .select({
            id: jeunes.id,
            validees: cejWeekMinutesSql(sql`${jeunes.id}`, monday, "validees"),
            declarees: cejWeekMinutesSql(sql`${jeunes.id}`, monday, "declarees"),
          })
          .from(jeunes)
          .where(eq(jeunes.structureId, s.id))) as { id: string; validees: number; declarees: number }[];
        let active = 0;
        for (const row of rows) {
          const gauge = expected!.gauges.get(row.id);
          expect({ id: row.id, validees: Number(row.validees), declarees: Number(row.declarees) }).toEqual({
            id: row.id,
            validees: gauge?.valideesMinutes ?? 0,
            declarees: gauge?.declareesMinutes ?? 0,
          });
          if (Number(row.declarees) > 0) active += 1;
        }
        // The demo has activity in both weeks: the comparison is not between zeros.
        expect(active).toBeGreaterThan(2);
      }
    }
  });
});
