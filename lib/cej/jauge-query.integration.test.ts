import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { actionsJeune, jeunes, participations, seances, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { addDays, addMonths, parseCivilDate, toCivilDate, todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { createSetting } from "@/lib/settings/writes";
import { settingInForce } from "@/lib/settings/read";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { isoWeekOf, type IsoWeek } from "@/lib/calendar/iso-week";
import { cejGaugeAlerts, jeuneWeekGauge } from "./jauge-query";

const CATEGORIES = [
  "emploi",
  "formation",
  "sante",
  "logement",
  "citoyennete",
  "loisirs_sport",
  "projet_pro",
  "demarches",
  "autre",
] as const;
const STATUTS = ["a_faire", "en_cours", "terminee", "annulee"] as const;
const TYPES = ["rendez_vous_individuel", "atelier", "information_collective"] as const;
const PRESENCES = ["prevu", "present", "absent_excuse", "absent_non_excuse"] as const;

interface GenAction {
  categorie: (typeof CATEGORIES)[number];
  statut: (typeof STATUTS)[number];
  qualifiee: boolean;
  /** Days from the week's Monday: some fall before or after the week. */
  day: number;
}
interface GenSeance {
  type: (typeof TYPES)[number];
  presence: (typeof PRESENCES)[number];
  annulee: boolean;
  /** Minutes from the week's Monday 00:00 UTC; the constants sit on Paris midnights (UTC+1 / UTC+2). */
  minutes: number;
}

const genAction = fc.record({
  categorie: fc.constantFrom(...CATEGORIES),
  statut: fc.constantFrom(...STATUTS),
  qualifiee: fc.boolean(),
  day: fc.integer({ min: -3, max: 9 }),
});
const WEEK_MIN = 7 * 1440;
const boundary = fc.constantFrom(
  -121,
  -120,
  -119,
  -61,
  -60,
  -59,
  0,
  WEEK_MIN - 121,
  WEEK_MIN - 120,
  WEEK_MIN - 119,
  WEEK_MIN - 61,
  WEEK_MIN - 60,
  WEEK_MIN - 59,
);
const genSeance = fc.record({
  type: fc.constantFrom(...TYPES),
  presence: fc.constantFrom(...PRESENCES),
  annulee: fc.boolean(),
  minutes: fc.oneof(fc.integer({ min: -2 * 1440, max: 9 * 1440 }), boundary),
});
/** Any ISO week of 2026–2027 (both DST changes, and 2026-W53). */
const genWeek = fc.integer({ min: 0, max: 104 }).map((n) => isoWeekOf(addDays("2025-12-29", 7 * n)));

// Independent of the code under test: the browser-grade Intl conversion, not lib/calendar.
const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

describe("CEJ gauge from the database", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let lyonId: string;
  let marseilleId: string;
  let weights: {
    actionEmploiFormation: number;
    autreAction: number;
    atelier: number;
    informationCollective: number;
    rendezVousIndividuel: number;
  };
  let n = 0;

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 1 });
    const rows = await t.db.select().from(structures);
    lyonId = rows.find((s) => s.name.includes("Lyon"))!.id;
    marseilleId = rows.find((s) => s.name.includes("Marseille"))!.id;
    weights = (await settingInForce(t.db, "cej.heures.ponderation", "2026-01-05"))!.value;
  });

  async function newJeune(structureId = lyonId): Promise<string> {
    n++;
    const [row] = await t.db
      .insert(jeunes)
      .values({
        structureId,
        nomNaissance: `JAUGE${n}`,
        prenoms: "Test",
        dateNaissance: "2005-05-05",
        sexe: "F",
        dispositif: "CEJ",
        searchText: `jauge${n} test`,
      })
      .returning();
    return row!.id;
  }

  async function insertWeek(jeuneId: string, week: IsoWeek, actions: GenAction[], seancesGen: GenSeance[], structureId = lyonId) {
    if (actions.length > 0) {
      await t.db.insert(actionsJeune).values(
        actions.map((a, i) => {
          const debut = addDays(week.start, a.day);
          const done = a.statut === "terminee";
          return {
            structureId,
            jeuneId,
            categorie: a.categorie,
            libelle: `Action ${i}`,
            debut,
            fin: done ? debut : null,
            statut: a.statut,
            qualifieeLe: done && a.qualifiee ? new Date() : null,
          };
        }),
      );
    }
    const monday = Date.UTC(parseCivilDate(week.start).year, parseCivilDate(week.start).month - 1, parseCivilDate(week.start).day);
    for (const [i, s] of seancesGen.entries()) {
      const debut = new Date(monday + s.minutes * 60_000);
      const [seance] = await t.db
        .insert(seances)
        .values({
          structureId,
          type: s.type,
          titre: `Séance ${i}`,
          debut,
          fin: new Date(debut.getTime() + 90 * 60_000),
          annuleeLe: s.annulee ? new Date() : null,
        })
        .returning();
      await t.db.insert(participations).values({ structureId, seanceId: seance!.id, jeuneId, presence: s.presence });
    }
  }

  /** The gauge written from the rules in the brief, item by item, without the mapping module. */
  function expected(week: IsoWeek, actions: GenAction[], seancesGen: GenSeance[]) {
    let declarees = 0;
    let validees = 0;
    const inWeek = (d: CivilDate) => d >= week.start && d <= week.end;
    for (const a of actions) {
      if (!inWeek(addDays(week.start, a.day)) || a.statut === "annulee") continue;
      const w = a.categorie === "emploi" || a.categorie === "formation" ? weights.actionEmploiFormation : weights.autreAction;
      declarees += w;
      if (a.statut === "terminee" && a.qualifiee) validees += w;
    }
    const monday = Date.UTC(parseCivilDate(week.start).year, parseCivilDate(week.start).month - 1, parseCivilDate(week.start).day);
    for (const s of seancesGen) {
      if (!inWeek(parisDay.format(new Date(monday + s.minutes * 60_000))) || s.annulee) continue;
      const w =
        s.type === "atelier"
          ? weights.atelier
          : s.type === "information_collective"
            ? weights.informationCollective
            : weights.rendezVousIndividuel;
      declarees += w;
      if (s.presence === "present") validees += w;
    }
    return { declarees, validees };
  }

  it("equals the sum of the weights of the counted activities, over random weeks of actions and attendances", async () => {
    await fc.assert(
      fc.asyncProperty(
        genWeek,
        fc.array(genAction, { maxLength: 8 }),
        fc.array(genSeance, { maxLength: 6 }),
        async (week, actions, seancesGen) => {
          const jeuneId = await newJeune();
          await insertWeek(jeuneId, week, actions, seancesGen);
          const result = await jeuneWeekGauge(t.db, { structureId: lyonId, jeuneId, week });
          const want = expected(week, actions, seancesGen);
          expect(result!.gauge.declareesMinutes).toBe(want.declarees);
          expect(result!.gauge.valideesMinutes).toBe(want.validees);
          expect(result!.gauge.manque).toBe(Math.max(0, 900 - want.validees));
          // The listed activities are exactly those of the week (cancelled included, 0 h).
          const inWeekCount =
            actions.filter((a) => addDays(week.start, a.day) >= week.start && addDays(week.start, a.day) <= week.end).length +
            seancesGen.filter((s) => {
              const d = parisDay.format(
                new Date(
                  Date.UTC(parseCivilDate(week.start).year, parseCivilDate(week.start).month - 1, parseCivilDate(week.start).day) +
                    s.minutes * 60_000,
                ),
              );
              return d >= week.start && d <= week.end;
            }).length;
          expect(result!.activities).toHaveLength(inWeekCount);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("gives many young people their gauge in one batch, equal to each one's own, zero for none", async () => {
    await fc.assert(
      fc.asyncProperty(
        genWeek,
        fc.array(fc.tuple(fc.array(genAction, { maxLength: 5 }), fc.array(genSeance, { maxLength: 3 })), { minLength: 1, maxLength: 4 }),
        async (week, people) => {
          const ids: string[] = [];
          for (const [actions, seancesGen] of people) {
            const id = await newJeune();
            await insertWeek(id, week, actions, seancesGen);
            ids.push(id);
          }
          const idle = await newJeune();
          const batch = await cejGaugeAlerts(t.db, { structureId: lyonId, jeuneIds: [...ids, idle], week });
          expect(batch!.gauges.size).toBe(ids.length + 1);
          for (const [i, id] of ids.entries()) {
            const want = expected(week, people[i]![0], people[i]![1]);
            expect(batch!.gauges.get(id)).toMatchObject({
              declareesMinutes: want.declarees,
              valideesMinutes: want.validees,
              targetMinutes: 900,
            });
            expect(batch!.gauges.get(id)).toEqual((await jeuneWeekGauge(t.db, { structureId: lyonId, jeuneId: id, week }))!.gauge);
          }
          expect(batch!.gauges.get(idle)).toMatchObject({ declareesMinutes: 0, valideesMinutes: 0, reached: false, manque: 900 });
        },
      ),
      { numRuns: 5 },
    );
  });

  it("counts nothing of another structure's young person (scoped by structure)", async () => {
    const week = isoWeekOf(today);
    const lyonJeune = await newJeune();
    await insertWeek(
      lyonJeune,
      week,
      [{ categorie: "emploi", statut: "terminee", qualifiee: true, day: 0 }],
      [{ type: "atelier", presence: "present", annulee: false, minutes: 600 }],
    );
    const fromMarseille = await cejGaugeAlerts(t.db, { structureId: marseilleId, jeuneIds: [lyonJeune], week });
    expect(fromMarseille!.gauges.get(lyonJeune)).toMatchObject({ declareesMinutes: 0, valideesMinutes: 0 });
    const fromLyon = await cejGaugeAlerts(t.db, { structureId: lyonId, jeuneIds: [lyonJeune], week });
    expect(fromLyon!.gauges.get(lyonJeune)).toMatchObject({
      declareesMinutes: weights.actionEmploiFormation + weights.atelier,
      valideesMinutes: weights.actionEmploiFormation + weights.atelier,
    });
  });

  it("uses the weights in force on the week's Monday: a change effective next month changes next month's gauge only", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const { year, month } = parseCivilDate(addMonths(today, 1));
    const effective = toCivilDate(year, month, 1);
    const thisWeek = isoWeekOf(today);
    // The first week whose Monday is on or after the effective date.
    let nextMonthWeek = isoWeekOf(effective);
    if (nextMonthWeek.start < effective) nextMonthWeek = isoWeekOf(addDays(nextMonthWeek.start, 7));
    const weekBefore = isoWeekOf(addDays(nextMonthWeek.start, -7));

    const jeuneId = await newJeune();
    const plan: GenAction[] = [
      { categorie: "emploi", statut: "terminee", qualifiee: true, day: 0 },
      { categorie: "sante", statut: "a_faire", qualifiee: false, day: 1 },
    ];
    const weeks = new Map([thisWeek, weekBefore, nextMonthWeek].map((w) => [w.start, w]));
    for (const w of weeks.values()) await insertWeek(jeuneId, w, plan, []);
    const gaugeOf = async (w: IsoWeek) => (await jeuneWeekGauge(t.db, { structureId: lyonId, jeuneId, week: w }))!;
    const beforeChange = await gaugeOf(nextMonthWeek);
    expect(beforeChange.gauge).toMatchObject({ declareesMinutes: 180 + 120, valideesMinutes: 180 });

    const value = JSON.stringify({
      actionEmploiFormation: 240,
      autreAction: 60,
      atelier: 240,
      informationCollective: 180,
      rendezVousIndividuel: 60,
    });
    const created = await runAction(
      createSetting,
      { key: "cej.heures.ponderation", effectiveFrom: effective, value, source: "Note de la direction" },
      admin,
    );
    expect(created.ok).toBe(true);

    const after = await gaugeOf(nextMonthWeek);
    expect(after.gauge).toMatchObject({ declareesMinutes: 240 + 60, valideesMinutes: 240 });
    expect(after.rules.ponderationDepuis).toBe(effective);
    for (const w of [thisWeek, weekBefore]) {
      const g = await gaugeOf(w);
      expect(g.gauge).toMatchObject({ declareesMinutes: 300, valideesMinutes: 180 });
      expect(g.rules.ponderationDepuis).toBe("2022-03-01");
    }
    // The batch reads the same dated rules.
    expect(
      (await cejGaugeAlerts(t.db, { structureId: lyonId, jeuneIds: [jeuneId], week: nextMonthWeek }))!.gauges.get(jeuneId),
    ).toMatchObject({ declareesMinutes: 300, valideesMinutes: 240 });
  });
});
