import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { alertState, contrats, jeunes, participations, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { addParticipant, recordAttendance } from "@/lib/agenda/participation-writes";
import { createSeance } from "@/lib/agenda/seance-writes";
import { type CivilDate, todayInParis } from "@/lib/calendar/civil-date";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { cejGaugeAlerts } from "@/lib/cej/jauge-query";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { refreshDueAlertState } from "./alert-state";
import { cejAlertWeeks, cejWeekMinutesSql } from "./alerts-parcours";

const TODAY = "2026-11-25";

/**
 * The portfolio's CEJ alert recomputes the gauge in SQL; the dossier's gauge is built in TypeScript from
 * the same rows (lib/cej/jauge-query.ts); the director's view reads the week's validated minutes stored
 * in alert_state. On the whole demo (actions, séances, attendance of three weeks), all three must give
 * the same minutes for every young person: after the seed, after a write, and after the worker's refresh.
 */
describe("the portfolio's CEJ hours match the dossier's gauge", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, extras: true });
  });

  /** SQL gauge = TypeScript gauge for every file of every structure that week; stored = both where the state holds that week. */
  async function expectSameMinutes(monday: CivilDate): Promise<{ active: number; stored: number }> {
    let active = 0;
    let stored = 0;
    for (const s of await t.db.select().from(structures)) {
      const ids = (await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.structureId, s.id))).map((r) => r.id);
      expect(ids.length).toBeGreaterThan(5);
      const week = isoWeekOf(monday);
      const expected = await cejGaugeAlerts(t.db, { structureId: s.id, jeuneIds: ids, week });
      expect(expected).not.toBeNull();
      const rows = (await t.db
        .select({
          id: jeunes.id,
          validees: cejWeekMinutesSql(sql`${jeunes.id}`, monday, "validees"),
          declarees: cejWeekMinutesSql(sql`${jeunes.id}`, monday, "declarees"),
          semaine: alertState.semaine,
          storedValidees: alertState.cejMinutesValidees,
        })
        .from(jeunes)
        .leftJoin(alertState, eq(alertState.jeuneId, jeunes.id))
        .where(eq(jeunes.structureId, s.id))) as {
        id: string;
        validees: number;
        declarees: number;
        semaine: string | null;
        storedValidees: number | null;
      }[];
      for (const row of rows) {
        const gauge = expected!.gauges.get(row.id);
        expect({ id: row.id, validees: Number(row.validees), declarees: Number(row.declarees) }).toEqual({
          id: row.id,
          validees: gauge?.valideesMinutes ?? 0,
          declarees: gauge?.declareesMinutes ?? 0,
        });
        if (row.semaine === monday) {
          expect({ id: row.id, stored: row.storedValidees }).toEqual({ id: row.id, stored: gauge?.valideesMinutes ?? 0 });
          stored += 1;
        }
        if (Number(row.declarees) > 0) active += 1;
      }
    }
    return { active, stored };
  }

  it("same minutes for every young person of the demo, last week and this week, and stored for this week", async () => {
    const { previous, current } = cejAlertWeeks(TODAY);
    // The demo has activity in both weeks: the comparison is not between zeros.
    expect((await expectSameMinutes(previous)).active).toBeGreaterThan(2);
    const now = await expectSameMinutes(current);
    expect(now.active).toBeGreaterThan(2);
    // The seed stored every file's state for its day, hence this week.
    expect(now.stored).toBe((await t.db.select({ id: jeunes.id }).from(jeunes)).length);
  });

  it("stays equal after an attendance is recorded, then after the worker's refresh", async () => {
    // A write (today's clock): an atelier attended today by a young person under CEJ (from midnight, so it has begun).
    const today = todayInParis(new Date());
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const [cej] = await t.db
      .select({ jeuneId: contrats.jeuneId })
      .from(contrats)
      .innerJoin(jeunes, eq(jeunes.id, contrats.jeuneId))
      .where(and(eq(contrats.type, "CEJ"), eq(jeunes.conseillerId, camille.id), eq(jeunes.statut, "actif")))
      .limit(1);
    expect(cej).toBeDefined();
    const seance = await runAction(
      createSeance,
      {
        type: "atelier",
        titre: "Atelier CV",
        date: today,
        heureDebut: "00:00",
        heureFin: "00:15",
        lieu: "Salle 2",
        animateurId: camille.id,
        capacite: "8",
      },
      camille,
    );
    if (!seance.ok) throw new Error(seance.message);
    expect((await runAction(addParticipant, { seanceId: seance.data.id, jeuneId: cej!.jeuneId }, camille)).ok).toBe(true);
    const [line] = await t.db.select().from(participations).where(eq(participations.seanceId, seance.data.id));
    const attended = await runAction(
      recordAttendance,
      { seanceId: seance.data.id, [`version_${line!.id}`]: String(line!.version), [`presence_${line!.id}`]: "present" },
      camille,
    );
    expect(attended.ok).toBe(true);
    const [state] = await t.db.select().from(alertState).where(eq(alertState.jeuneId, cej!.jeuneId));
    expect(state).toMatchObject({ computedOn: today, semaine: isoWeekOf(today).start });
    expect(state!.cejMinutesValidees).toBeGreaterThan(0);
    expect((await expectSameMinutes(isoWeekOf(today).start)).stored).toBeGreaterThan(0);

    // The worker brings every file to the demo's day (the rows the write moved to today's are due again).
    const refreshed = await refreshDueAlertState(t.db, TODAY);
    expect(refreshed.refreshed).toBeGreaterThan(0);
    const after = await expectSameMinutes(cejAlertWeeks(TODAY).current);
    expect(after.stored).toBe((await t.db.select({ id: jeunes.id }).from(jeunes)).length);
  });
});
