import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar/civil-date";
import { activityMinutes, weeklyGauge, type ActivityKind, type ActivityStatus, type ActivityWeights, type CejActivity } from "./jauge";
import { isoWeekOf } from "@/lib/calendar/iso-week";

// The seeded `cej.heures.ponderation` and `cej.heures.objectif_hebdo` values (db/seed/settings.ts).
const weights: ActivityWeights = {
  actionEmploiFormation: 180,
  autreAction: 120,
  atelier: 240,
  informationCollective: 180,
  rendezVousIndividuel: 60,
};
const target = 900;

const KINDS: ActivityKind[] = ["action_emploi_formation", "autre_action", "atelier", "information_collective", "rendez_vous_individuel"];
const STATUSES: ActivityStatus[] = ["prevue", "realisee", "annulee", "absent_excuse", "absent_non_excuse"];

describe("weeklyGauge — examples", () => {
  const week = isoWeekOf("2026-11-25");

  it("empty week", () => {
    expect(weeklyGauge([], weights, target, week)).toEqual({
      declareesMinutes: 0,
      valideesMinutes: 0,
      targetMinutes: 900,
      reached: false,
      manque: 900,
      manqueDeclarees: 900,
    });
  });

  it("declared = planned + done + absences; validated = done; weights from settings, not durations", () => {
    const activities: CejActivity[] = [
      { kind: "atelier", date: "2026-11-23", statut: "realisee", durationMinutes: 90 }, // counts 240, not 90
      { kind: "action_emploi_formation", date: "2026-11-24", statut: "realisee" }, // 180
      { kind: "information_collective", date: "2026-11-25", statut: "prevue" }, // 180 declared
      { kind: "rendez_vous_individuel", date: "2026-11-26", statut: "absent_non_excuse" }, // 60 declared
      { kind: "autre_action", date: "2026-11-27", statut: "absent_excuse" }, // 120 declared
      { kind: "atelier", date: "2026-11-28", statut: "annulee" }, // nothing
      { kind: "atelier", date: "2026-11-22", statut: "realisee" }, // previous week (Sunday)
      { kind: "atelier", date: "2026-11-30", statut: "realisee" }, // next week (Monday)
    ];
    expect(weeklyGauge(activities, weights, target, week)).toEqual({
      declareesMinutes: 780,
      valideesMinutes: 420,
      targetMinutes: 900,
      reached: false,
      manque: 480,
      manqueDeclarees: 120,
    });
  });

  it("reached exactly at the target (15 h validated)", () => {
    const activities: CejActivity[] = [
      { kind: "atelier", date: "2026-11-23", statut: "realisee" },
      { kind: "atelier", date: "2026-11-24", statut: "realisee" },
      { kind: "action_emploi_formation", date: "2026-11-25", statut: "realisee" },
      { kind: "autre_action", date: "2026-11-29", statut: "realisee" },
      { kind: "autre_action", date: "2026-11-29", statut: "realisee" },
      { kind: "autre_action", date: "2026-11-27", statut: "prevue" },
    ];
    const gauge = weeklyGauge(activities, weights, target, week);
    expect(gauge).toMatchObject({ valideesMinutes: 900, declareesMinutes: 1020, reached: true, manque: 0, manqueDeclarees: 0 });
  });

  it("changing a weight in the settings changes the gauge", () => {
    const activities: CejActivity[] = [{ kind: "atelier", date: "2026-11-23", statut: "realisee" }];
    expect(weeklyGauge(activities, { ...weights, atelier: 180 }, target, week).valideesMinutes).toBe(180);
  });
});

describe("weeklyGauge — properties", () => {
  const weekStart = "2026-11-23";
  const week = isoWeekOf(weekStart);
  const activity = fc.record({
    kind: fc.constantFrom(...KINDS),
    // from the Sunday before to the Monday after: boundaries are exercised
    date: fc.integer({ min: -3, max: 9 }).map((offset) => addDays(weekStart, offset)),
    statut: fc.constantFrom(...STATUSES),
    durationMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  });
  const weightsArb = fc.record({
    actionEmploiFormation: fc.integer({ min: 0, max: 600 }),
    autreAction: fc.integer({ min: 0, max: 600 }),
    atelier: fc.integer({ min: 0, max: 600 }),
    informationCollective: fc.integer({ min: 0, max: 600 }),
    rendezVousIndividuel: fc.integer({ min: 0, max: 600 }),
  });
  const activities = fc.array(activity, { maxLength: 30 });

  it("equals the sum of the weighted activities of that week", () => {
    fc.assert(
      fc.property(activities, weightsArb, fc.integer({ min: 0, max: 2400 }), (list, w, t) => {
        const inWeek = list.filter((a) => a.date >= week.start && a.date <= week.end);
        const declared = inWeek.filter((a) => a.statut !== "annulee").reduce((sum, a) => sum + activityMinutes(a, w), 0);
        const validated = inWeek.filter((a) => a.statut === "realisee").reduce((sum, a) => sum + activityMinutes(a, w), 0);
        const gauge = weeklyGauge(list, w, t, week);
        expect(gauge.declareesMinutes).toBe(declared);
        expect(gauge.valideesMinutes).toBe(validated);
        expect(gauge.reached).toBe(validated >= t);
        expect(gauge.manque).toBe(Math.max(0, t - validated));
      }),
    );
  });

  it("validated ≤ declared", () => {
    fc.assert(
      fc.property(activities, weightsArb, (list, w) => {
        const gauge = weeklyGauge(list, w, target, week);
        expect(gauge.valideesMinutes).toBeLessThanOrEqual(gauge.declareesMinutes);
      }),
    );
  });

  it("adding a cancelled activity changes nothing", () => {
    fc.assert(
      fc.property(activities, activity, fc.nat(), (list, extra, at) => {
        const withCancelled = [...list];
        withCancelled.splice(at % (list.length + 1), 0, { ...extra, statut: "annulee" });
        expect(weeklyGauge(withCancelled, weights, target, week)).toEqual(weeklyGauge(list, weights, target, week));
      }),
    );
  });

  it("adding an activity outside the week changes nothing", () => {
    fc.assert(
      fc.property(activities, activity, fc.integer({ min: 1, max: 400 }), fc.boolean(), (list, extra, days, before) => {
        const date = before ? addDays(week.start, -days) : addDays(week.end, days);
        expect(weeklyGauge([...list, { ...extra, date }], weights, target, week)).toEqual(weeklyGauge(list, weights, target, week));
      }),
    );
  });

  it("the order of the activities does not matter", () => {
    fc.assert(
      fc.property(
        activities.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
        ),
        weightsArb,
        ([list, shuffled], w) => {
          expect(weeklyGauge(shuffled, w, target, week)).toEqual(weeklyGauge(list, w, target, week));
        },
      ),
    );
  });
});
