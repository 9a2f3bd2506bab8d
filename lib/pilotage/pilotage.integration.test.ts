import { and, asc, eq, gte, isNull, lte } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contrats, jeunes } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { endContrat } from "@/lib/parcours/contrat-writes";
import type { SessionUser } from "@/lib/auth/session-user";
import { listPortefeuille } from "@/lib/jeunes/portefeuille";
import { parsePortefeuilleParams } from "@/lib/jeunes/portefeuille-params";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { DEFAULT_PILOTAGE, parsePilotageParams, parseRendezVousParams } from "./params";
import { type Figure, loadPilotage, type ScopeFigures } from "./queries";
import { listRendezVous, RENDEZ_VOUS_PAGE_SIZE } from "./rendez-vous-queries";

const TODAY = "2026-11-25";
const NOW = new Date("2026-11-25T10:00:00Z");

function figuresOf(s: ScopeFigures): Figure[] {
  return [s.actifs, s.cej, s.pacea, ...Object.values(s.alertes)];
}

describe("the director's dashboard", () => {
  const t = useTestDatabase();
  let nadia: SessionUser;
  let admin: SessionUser;
  let camille: SessionUser;
  let dpo: SessionUser;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 60, extras: true });
    nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    admin = await sessionUserFor(t.db, "admin@sillage.demo");
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    // A few exits within the period, recorded as a counsellor records them (one month with two motives, one of them twice).
    const open = await t.db
      .select({ id: contrats.id, version: contrats.version })
      .from(contrats)
      .innerJoin(jeunes, eq(jeunes.id, contrats.jeuneId))
      .where(
        and(
          eq(jeunes.conseillerId, camille.id),
          isNull(contrats.finReelle),
          lte(contrats.debut, "2026-09-01"),
          gte(contrats.finPrevue, "2026-11-01"),
        ),
      )
      .orderBy(asc(contrats.id))
      .limit(3);
    expect(open).toHaveLength(3);
    const exits = [
      { finReelle: "2026-10-09", motifSortie: "emploi" },
      { finReelle: "2026-10-20", motifSortie: "emploi" },
      { finReelle: "2026-10-25", motifSortie: "formation" },
    ] as const;
    for (const [i, c] of open.entries()) {
      const result = await runAction(endContrat, { contratId: c.id, version: c.version, ...exits[i]! }, camille);
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });

  it("every figure equals the count of the portfolio list it links to (structure, each antenne, each counsellor)", async () => {
    const data = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    const all = [data.scope, ...data.parAntenne, ...data.parConseiller].flatMap(figuresOf);
    expect(data.parAntenne.length).toBeGreaterThan(0);
    expect(data.parConseiller.length).toBeGreaterThan(0);
    expect(all.some((f) => f.value > 0)).toBe(true);
    for (const figure of all) {
      expect(figure.href).toMatch(/^\/portefeuille/);
      // The list behind the link, read back from its URL as the portfolio page parses it.
      const query = Object.fromEntries(new URL(figure.href!, "http://x").searchParams);
      const list = await listPortefeuille(nadia, parsePortefeuilleParams(query), TODAY);
      expect(list.total, figure.href!).toBe(figure.value);
    }
    // The breakdown adds up: every active young person of the structure is in exactly one antenne here.
    const sum = data.parAntenne.reduce((a, r) => a + r.actifs.value, 0);
    expect(sum).toBeLessThanOrEqual(data.scope.actifs.value);
  });

  it("every month's entries, exits and exits by motive equal the portfolio list they link to (active and archived files)", async () => {
    const whole = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    const antenne = await loadPilotage(nadia, { ...DEFAULT_PILOTAGE, antenne: whole.antennes[0]!.id }, NOW, TODAY);
    const figures = [...whole.months, ...antenne.months].flatMap((m) => [
      m.links.entrees,
      m.links.sorties,
      ...Object.values(m.links.motifs),
    ]);
    expect(figures.filter((f) => f.value > 0 && f.filters.entree).length).toBeGreaterThan(0);
    expect(figures.filter((f) => f.value > 0 && f.filters.motif).length).toBeGreaterThan(0);
    for (const figure of figures) {
      expect(figure.href).toMatch(/^\/portefeuille\?.*statut=tous/);
      const query = Object.fromEntries(new URL(figure.href!, "http://x").searchParams);
      const list = await listPortefeuille(nadia, parsePortefeuilleParams(query), TODAY);
      expect(list.total, figure.href!).toBe(figure.value);
    }
    for (const m of whole.months) {
      expect(m.links.entrees.value).toBe(m.entrees);
      expect(m.links.sorties.value).toBe(m.sorties);
    }
  });

  it("the period's entries and exits equal the portfolio list over the period's months, each young person once", async () => {
    const whole = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    const antenne = await loadPilotage(nadia, parsePilotageParams({ antenne: whole.antennes[0]!.id, mois: "6" }), NOW, TODAY);
    for (const data of [whole, antenne]) {
      const { entrees, sorties } = data.totals;
      expect(entrees.href).toMatch(new RegExp(`entree=${data.months[0]!.month}\\.\\.${data.months.at(-1)!.month}`));
      expect(sorties.href).toMatch(new RegExp(`sortie=${data.months[0]!.month}\\.\\.${data.months.at(-1)!.month}`));
      for (const figure of [entrees, sorties]) {
        const query = Object.fromEntries(new URL(figure.href!, "http://x").searchParams);
        const list = await listPortefeuille(nadia, parsePortefeuilleParams(query), TODAY);
        expect(list.total, figure.href!).toBe(figure.value);
      }
      // Counted once in the period, a young person may count in several months.
      expect(entrees.value).toBeLessThanOrEqual(data.months.reduce((a, m) => a + m.entrees, 0));
      expect(sorties.value).toBeLessThanOrEqual(data.months.reduce((a, m) => a + m.sorties, 0));
    }
    expect(whole.totals.entrees.value).toBeGreaterThan(0);
    expect(whole.totals.sorties.value).toBeGreaterThan(0);
  });

  it("every bucket of last week's CEJ hours, and the count at the target, equal the portfolio list they link to", async () => {
    const whole = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    const antenne = await loadPilotage(nadia, parsePilotageParams({ antenne: whole.antennes[0]!.id }), NOW, TODAY);
    const counsellor = await loadPilotage(nadia, parsePilotageParams({ conseiller: camille.id }), NOW, TODAY);
    expect(whole.hours.total).toBeGreaterThan(0);
    expect(whole.hours.buckets.filter((b) => b.count > 0).length).toBeGreaterThan(1);
    for (const data of [whole, antenne, counsellor]) {
      const figures = [
        ...data.hours.buckets.map((b) => ({ value: b.count, href: b.href })),
        { value: data.hours.reached, href: data.hours.reachedHref },
      ];
      for (const figure of figures) {
        expect(figure.href).toMatch(/^\/portefeuille\?.*heures=/);
        const query = Object.fromEntries(new URL(figure.href!, "http://x").searchParams);
        const list = await listPortefeuille(nadia, parsePortefeuilleParams(query), TODAY);
        expect(list.total, figure.href!).toBe(figure.value);
      }
      expect(data.hours.buckets.reduce((a, b) => a + b.count, 0)).toBe(data.hours.total);
    }
  });

  it("every attendance count equals the list of rendez-vous it links to, and the list shows exactly those", async () => {
    const whole = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    const counsellor = whole.conseillers.find((c) => c.id === camille.id)!;
    const scoped = [
      whole,
      await loadPilotage(nadia, parsePilotageParams({ antenne: whole.antennes[0]!.id, mois: "3" }), NOW, TODAY),
      await loadPilotage(nadia, parsePilotageParams({ conseiller: counsellor.id }), NOW, TODAY),
    ];
    expect(whole.attendance.present.value).toBeGreaterThan(0);
    expect(whole.attendance.excused.value + whole.attendance.unexcused.value).toBeGreaterThan(0);
    for (const data of scoped) {
      const { present, excused, unexcused, marked } = data.attendance;
      expect(marked.value).toBe(present.value + excused.value + unexcused.value);
      for (const figure of [present, excused, unexcused, marked]) {
        expect(figure.href).toMatch(/^\/pilotage\/rendez-vous/);
        const query = Object.fromEntries(new URL(figure.href!, "http://x").searchParams);
        const filters = parseRendezVousParams(query);
        expect(filters).toEqual(figure.filters);
        const list = await listRendezVous(nadia, filters, NOW, TODAY);
        expect(list.total, figure.href!).toBe(figure.value);
        // Every page, read to the end: the rows are that many, distinct, with that attendance, in the scope.
        const seen = new Set<string>();
        for (let page = 1; page <= list.pageCount; page++) {
          const p = await listRendezVous(nadia, { ...filters, page }, NOW, TODAY);
          for (const r of p.rows) {
            seen.add(r.participationId);
            if (filters.presence) expect(r.presence).toBe(filters.presence);
            expect(r.debut.getTime()).toBeLessThanOrEqual(NOW.getTime());
          }
          expect(p.rows.length).toBeLessThanOrEqual(RENDEZ_VOUS_PAGE_SIZE);
        }
        expect(seen.size).toBe(figure.value);
      }
    }
    // The list is the director's: the admin (no portfolio) and a counsellor are refused.
    const filters = parseRendezVousParams({});
    await expect(listRendezVous(admin, filters, NOW, TODAY)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listRendezVous(camille, filters, NOW, TODAY)).rejects.toMatchObject({ code: "forbidden" });
    expect(
      (await loadPilotage(admin, { ...DEFAULT_PILOTAGE, structure: nadia.structureId }, NOW, TODAY)).attendance.marked.href,
    ).toBeNull();
  });

  it("a scope narrows every figure, and odd URL values fall back to the defaults", async () => {
    const whole = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    const antenne = whole.antennes[0]!;
    const narrowed = await loadPilotage(nadia, parsePilotageParams({ antenne: antenne.id, mois: "6" }), NOW, TODAY);
    expect(narrowed.filters.antenne).toBe(antenne.id);
    expect(narrowed.months).toHaveLength(6);
    expect(narrowed.scope.actifs.value).toBe(whole.parAntenne.find((a) => a.id === antenne.id)!.actifs.value);
    const odd = parsePilotageParams({ antenne: "'; drop table", conseiller: ["x", "y"], mois: "999", structure: "" });
    expect(odd).toEqual(DEFAULT_PILOTAGE);
    // An antenne of another structure is dropped rather than shown empty.
    const marseille = await loadPilotage(await sessionUserFor(t.db, "directeur.marseille@sillage.demo"), DEFAULT_PILOTAGE, NOW, TODAY);
    const foreign = await loadPilotage(nadia, { ...DEFAULT_PILOTAGE, antenne: marseille.antennes[0]!.id }, NOW, TODAY);
    expect(foreign.filters.antenne).toBeNull();
    expect(foreign.scope.actifs.value).toBe(whole.scope.actifs.value);
  });

  it("the charts' tables read the same numbers as the figures they draw", async () => {
    const data = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    expect(data.months).toHaveLength(12);
    for (const m of data.months) expect(Object.values(m.motifs).reduce((a, b) => a + b, 0)).toBe(m.sorties);
    expect(data.months.reduce((a, m) => a + m.entrees + m.sorties, 0)).toBeGreaterThan(0);
    expect(data.hours.total).toBeGreaterThan(0);
    expect(data.hours.buckets.reduce((a, b) => a + b.count, 0)).toBe(data.hours.total);
    expect(data.hours.reached).toBeLessThanOrEqual(data.hours.total);
    // Young people at or above the target are exactly those in the buckets from the target up.
    const target = data.hours.targetMinutes!;
    expect(data.hours.buckets.filter((b) => b.min >= target).reduce((a, b) => a + b.count, 0)).toBe(data.hours.reached);
  });

  it("the admin chooses the structure and reads its figures without links (no portfolio); others are refused", async () => {
    const lyon = await loadPilotage(nadia, DEFAULT_PILOTAGE, NOW, TODAY);
    const viaAdmin = await loadPilotage(admin, { ...DEFAULT_PILOTAGE, structure: nadia.structureId }, NOW, TODAY);
    expect(viaAdmin.structure.id).toBe(nadia.structureId);
    expect(viaAdmin.structures.length).toBe(2);
    expect(figuresOf(viaAdmin.scope).map((f) => f.value)).toEqual(figuresOf(lyon.scope).map((f) => f.value));
    expect(figuresOf(viaAdmin.scope).every((f) => f.href === null)).toBe(true);
    await expect(loadPilotage(camille, DEFAULT_PILOTAGE, NOW, TODAY)).rejects.toMatchObject({ code: "forbidden" });
    await expect(loadPilotage(dpo, DEFAULT_PILOTAGE, NOW, TODAY)).rejects.toMatchObject({ code: "forbidden" });
  });
});
