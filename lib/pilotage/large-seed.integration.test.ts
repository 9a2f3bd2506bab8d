import { beforeAll, describe, expect, it } from "vitest";
import { growStructure } from "@/db/seed/bulk";
import { seedDemo } from "@/db/seed/demo";
import type { SessionUser } from "@/lib/auth/session-user";
import { listPortefeuille } from "@/lib/jeunes/portefeuille";
import { parsePortefeuilleParams } from "@/lib/jeunes/portefeuille-params";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { DEFAULT_PILOTAGE, parseRendezVousParams } from "./params";
import { type AttendanceFigure, type Figure, loadPilotage, type Pilotage } from "./queries";
import { listRendezVous } from "./rendez-vous-queries";

const TODAY = "2026-11-25";
const NOW = new Date("2026-11-25T16:00:00Z");
const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";

/** Every figure of a dashboard that links to a portfolio list, with where it is shown. */
function portfolioFigures(data: Pilotage): [string, Pick<Figure, "value" | "href">][] {
  const { scope } = data;
  return [
    ["actifs", scope.actifs],
    ["cej", scope.cej],
    ["pacea", scope.pacea],
    ...Object.entries(scope.alertes).map(([k, f]): [string, Figure] => [`alerte ${k}`, f]),
    ["entrées de la période", data.totals.entrees],
    ["sorties de la période", data.totals.sorties],
    ...data.months.flatMap((m): [string, Figure][] => [
      [`entrées ${m.month}`, m.links.entrees],
      [`sorties ${m.month}`, m.links.sorties],
      ...Object.entries(m.links.motifs).map(([k, f]): [string, Figure] => [`sorties ${m.month} ${k}`, f]),
    ]),
    ...data.hours.buckets.map((b): [string, Pick<Figure, "value" | "href">] => [`heures ${b.key}`, { value: b.count, href: b.href }]),
    ["heures objectif", { value: data.hours.reached, href: data.hours.reachedHref }],
  ];
}

function attendanceFigures(data: Pilotage): [string, AttendanceFigure][] {
  const a = data.attendance;
  return [
    ["présents", a.present],
    ["absents excusés", a.excused],
    ["absents non excusés", a.unexcused],
    ["pointés", a.marked],
  ];
}

/**
 * The dashboard on the large seed (db/seed/bulk.ts: Lyon grown by 3 000 young people, set-based): every figure
 * of the structure, of one antenne and of one counsellor equals the count of the list it links to. PostgreSQL
 * only: the grown structure takes minutes to build on PGlite.
 */
describe.skipIf(!onPostgres)("the director's dashboard on the large seed (PostgreSQL)", () => {
  const t = useTestDatabase();
  let nadia: SessionUser;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 4 });
    await growStructure(t.db, { today: TODAY, jeunes: 3_000 });
    nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
  }, 180_000);

  it("every figure of the structure, one antenne and one counsellor equals its list", async () => {
    const whole = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    expect(whole.scope.actifs.value).toBeGreaterThan(2_000);
    // The busiest antenne and counsellor: the breakdown rows of the structure's dashboard equal their own dashboards.
    const antenne = [...whole.parAntenne].sort((a, b) => b.actifs.value - a.actifs.value)[0]!;
    const counsellor = [...whole.parConseiller].sort((a, b) => b.actifs.value - a.actifs.value)[0]!;
    const byAntenne = await loadPilotage(nadia, { ...DEFAULT_PILOTAGE, antenne: antenne.id }, NOW, TODAY);
    const byCounsellor = await loadPilotage(nadia, { ...DEFAULT_PILOTAGE, conseiller: counsellor.id }, NOW, TODAY);
    for (const [row, data] of [
      [antenne, byAntenne],
      [counsellor, byCounsellor],
    ] as const)
      for (const k of ["actifs", "cej", "pacea"] as const) expect(row[k].value, k).toBe(data.scope[k].value);

    let checked = 0;
    for (const [scope, data] of [
      ["structure", whole],
      ["antenne", byAntenne],
      ["conseiller", byCounsellor],
    ] as const) {
      const figures = portfolioFigures(data);
      // The seed moves people in and out every month, with several motives: the figures are not all zero.
      expect(figures.filter(([, f]) => f.value > 0).length, scope).toBeGreaterThan(20);
      expect(figures.some(([name, f]) => name.split(" ").length === 3 && f.value > 0)).toBe(true);
      for (const [name, figure] of figures) {
        const query = Object.fromEntries(new URL(figure.href!, "http://x").searchParams);
        const list = await listPortefeuille(nadia, parsePortefeuilleParams(query), TODAY);
        expect(list.total, `${scope} · ${name} · ${figure.href}`).toBe(figure.value);
        checked += 1;
      }
      const att = attendanceFigures(data);
      expect(data.attendance.marked.value, scope).toBeGreaterThan(0);
      for (const [name, figure] of att) {
        const list = await listRendezVous(
          nadia,
          parseRendezVousParams(Object.fromEntries(new URL(figure.href!, "http://x").searchParams)),
          NOW,
          TODAY,
        );
        expect(list.total, `${scope} · ${name} · ${figure.href}`).toBe(figure.value);
        if (figure.filters.presence) for (const r of list.rows) expect(r.presence).toBe(figure.filters.presence);
        checked += 1;
      }
      // The charts' tables: exits by motive add up to each month's exits.
      for (const m of data.months)
        expect(
          Object.values(m.motifs).reduce((a, b) => a + b, 0),
          m.month,
        ).toBe(m.sorties);
    }
    expect(checked).toBeGreaterThan(100);
  }, 120_000);
});
