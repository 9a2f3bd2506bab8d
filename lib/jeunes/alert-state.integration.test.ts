import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { alertState, jeunes, participations, structures, transmissions } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { createAction } from "@/lib/actions-jeune/writes";
import { type ActionResult, runAction } from "@/lib/actions/run";
import { addParticipant, recordAttendance } from "@/lib/agenda/participation-writes";
import { cancelSeance, createSeance } from "@/lib/agenda/seance-writes";
import { ACTION_REGISTRY } from "@/lib/action-registry";
import { addDays, type CivilDate, todayInParis } from "@/lib/calendar/civil-date";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { recordFailure } from "@/lib/sanctions/writes";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { refreshDueAlertState } from "./alert-state";
import { ALERTS } from "./alerts";
import { cejWeekMinutesSql } from "./alerts-parcours";
import { archiveJeune, restoreJeune } from "./archive-writes";
import { mulberry32 } from "@/db/seed/large";
import { countQueries } from "@/db/query-count";
import { listPortefeuille } from "./portefeuille";
import { type PortefeuilleFilters, SANS_CONSEILLER } from "./portefeuille-params";

const CAMILLE = "conseillere.lyon@sillage.demo";

/** Deterministic pseudo-random numbers (the seed generator's mulberry32): a failing sequence replays from its seed. */
const prng = mulberry32;

describe("stored alert state", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let lyonId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today, extras: true });
    lyonId = (await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Lyon")))[0]!.id;
  });

  /** Stored rows next to the same flags recomputed now from the alerts' SQL, for the day each row holds. */
  async function storedAndRecomputed(on: CivilDate) {
    const ctx = { today: on, userId: "" };
    const monday = isoWeekOf(on).start;
    const recomputed = (await t.db
      .select({
        id: jeunes.id,
        structureId: jeunes.structureId,
        conseillerId: jeunes.conseillerId,
        antenneId: jeunes.antenneId,
        dispositif: jeunes.dispositif,
        statut: jeunes.statut,
        minutes: cejWeekMinutesSql(sql`${jeunes.id}`, monday, "validees"),
        ...Object.fromEntries(ALERTS.map((a) => [a.key, sql<boolean>`coalesce((${a.when(ctx)}), false)`])),
      })
      .from(jeunes)) as Record<string, unknown>[];
    const stored = await t.db.select().from(alertState);
    const byId = new Map(stored.map((s) => [s.jeuneId, s as unknown as Record<string, unknown>]));
    return recomputed.map((r) => {
      const s = byId.get(r.id as string);
      const camel = (k: string) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      return {
        expected: {
          id: r.id,
          on,
          structureId: r.structureId,
          conseillerId: r.conseillerId,
          antenneId: r.antenneId,
          dispositif: r.dispositif,
          statut: r.statut,
          minutes: Number(r.minutes),
          ...Object.fromEntries(ALERTS.map((a) => [a.key, Boolean(r[a.key])])),
        },
        actual: s
          ? {
              id: s.jeuneId,
              on: s.computedOn,
              structureId: s.structureId,
              conseillerId: s.conseillerId,
              antenneId: s.antenneId,
              dispositif: s.dispositif,
              statut: s.statut,
              minutes: s.cejMinutesValidees,
              ...Object.fromEntries(ALERTS.map((a) => [a.key, s[camel(a.key)]])),
            }
          : { id: r.id, missing: true },
      };
    });
  }

  async function expectInStep(on: CivilDate, label: string) {
    for (const { expected, actual } of await storedAndRecomputed(on)) expect(actual, label).toEqual(expected);
  }

  it("the seed fills it for every file, equal to the live computation", async () => {
    const rows = await storedAndRecomputed(today);
    expect(rows.length).toBeGreaterThan(40);
    for (const { expected, actual } of rows) expect(actual).toEqual(expected);
    // The demo raises alerts: the comparison is not between falses.
    const raised = ALERTS.filter((a) => rows.some((r) => (r.expected as Record<string, unknown>)[a.key] === true)).map((a) => a.key);
    expect(raised.length).toBeGreaterThanOrEqual(6);
  });

  it("after a random sequence of writes, the stored flags equal the recomputed ones after each write", async () => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    const portfolio = (
      await t.db
        .select({ id: jeunes.id })
        .from(jeunes)
        .where(and(eq(jeunes.structureId, lyonId), eq(jeunes.conseillerId, camille.id)))
        .orderBy(jeunes.searchText)
    ).map((r) => r.id);
    expect(portfolio.length).toBeGreaterThan(3);
    const random = prng(20261202);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const seancesCreated: { id: string; version: number }[] = [];
    let succeeded = 0;
    const count = <T>(r: ActionResult<T>): ActionResult<T> => {
      if (r.ok) succeeded += 1;
      return r;
    };
    // Bounded: 24 writes of six kinds over Camille's files, each checked against the recomputation.
    for (let step = 0; step < 24; step++) {
      const jeuneId = pick(portfolio);
      const kind = pick(["seance", "seance", "annulation", "action", "archive", "sanction"] as const);
      if (kind === "seance") {
        const day = addDays(today, -Math.floor(random() * 40));
        const created = count(
          await runAction(
            createSeance,
            {
              type: "atelier",
              titre: "Atelier CV",
              date: day,
              heureDebut: "09:30",
              heureFin: "11:30",
              lieu: "Salle 2",
              animateurId: camille.id,
              capacite: "8",
            },
            camille,
          ),
        );
        if (!created.ok) continue;
        seancesCreated.push({ id: created.data.id, version: 1 });
        count(await runAction(addParticipant, { seanceId: created.data.id, jeuneId }, camille));
        const lines = await t.db.select().from(participations).where(eq(participations.seanceId, created.data.id));
        const raw: Record<string, string> = { seanceId: created.data.id };
        for (const l of lines) {
          raw[`version_${l.id}`] = String(l.version);
          raw[`presence_${l.id}`] = pick(["present", "absent_non_excuse", "absent_excuse"]);
        }
        count(await runAction(recordAttendance, raw, camille));
      } else if (kind === "annulation" && seancesCreated.length > 0) {
        const s = seancesCreated.shift()!;
        count(await runAction(cancelSeance, { seanceId: s.id, version: String(s.version), motif: "animateur_indisponible" }, camille));
      } else if (kind === "action") {
        const debut = addDays(today, -Math.floor(random() * 10));
        count(
          await runAction(
            createAction,
            { jeuneId, libelle: "Candidature chez un transporteur", categorie: "emploi", statut: "a_faire", debut },
            camille,
          ),
        );
      } else if (kind === "archive") {
        const [j] = await t.db.select().from(jeunes).where(eq(jeunes.id, jeuneId));
        count(
          j!.statut === "actif"
            ? await runAction(archiveJeune, { jeuneId, version: String(j!.version), motif: "sortie_emploi" }, camille)
            : await runAction(restoreJeune, { jeuneId, version: String(j!.version) }, camille),
        );
      } else if (kind === "sanction") {
        count(
          await runAction(
            recordFailure,
            { jeuneId, dateFait: addDays(today, -2), motif: "Absent à trois rendez-vous sans prévenir" },
            camille,
          ),
        );
      }
      await expectInStep(today, `step ${step} (${kind})`);
    }
    // Most writes went through: the sequence exercised the refresh, not only refusals.
    expect(succeeded).toBeGreaterThan(12);
  });

  it("the worker recomputes what changes with time alone, and what changed outside the actions", async () => {
    // A new day: every row is due once, then none.
    const later = addDays(today, 40);
    const first = await refreshDueAlertState(t.db, later, { batch: 7 });
    expect(first.refreshed).toBe((await t.db.select({ id: jeunes.id }).from(jeunes)).length);
    await expectInStep(later, "40 days later");
    expect((await refreshDueAlertState(t.db, later)).refreshed).toBe(0);

    // A transfer refused by the delivery worker (not an action): its file is due again.
    const [tr] = await t.db.select().from(transmissions).limit(1);
    expect(tr).toBeDefined();
    await t.db.update(transmissions).set({ status: "rejetee" }).where(eq(transmissions.id, tr!.id));
    const again = await refreshDueAlertState(t.db, later);
    expect(again.refreshed).toBeGreaterThanOrEqual(1);
    const [state] = await t.db.select().from(alertState).where(eq(alertState.jeuneId, tr!.jeuneId));
    expect(state!.transmissionEchouee).toBe(true);
    await expectInStep(later, "after the refused transfer");

    // A file changed outside the actions (the retention run anonymises with a plain update).
    const [one] = await t.db.select().from(jeunes).where(eq(jeunes.statut, "actif")).limit(1);
    await t.db
      .update(jeunes)
      .set({ anonymisedAt: new Date(), updatedAt: new Date(Date.now() + 1000) })
      .where(eq(jeunes.id, one!.id));
    expect((await refreshDueAlertState(t.db, later)).refreshed).toBe(1);
    await expectInStep(later, "after the anonymisation");
  });

  it("every write that changes an alert's input declares the refresh", () => {
    const modules = [
      "actions-jeune/writes",
      "affectations/writes",
      "agenda/participation-writes",
      "agenda/seance-writes",
      "droits/intake-writes",
      "droits/traitement-writes",
      "droits/transition-writes",
      "jeunes/archive-writes",
      "jeunes/writes",
      "parcours/contrat-writes",
      "sanctions/writes",
      "transmissions/retry-writes",
      "transmissions/send-now-writes",
    ];
    const writes = Object.entries(ACTION_REGISTRY).filter(([name]) => modules.some((m) => name.startsWith(`${m}.`)));
    expect(writes.length).toBeGreaterThan(30);
    const missing = writes.filter(([, def]) => !(def.refreshes ?? []).some((r) => r.name === "alert_state")).map(([name]) => name);
    expect(missing).toEqual([]);
    expect(ACTION_REGISTRY["allocation/decision-writes.recordAllocationDecision"]?.refreshes?.[0]?.name).toBe("alert_state");
  });

  it("a director's counts read from the stored state alone equal the counts from the files, for every filter", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    await refreshDueAlertState(t.db, today);
    const lyonAntenne = (await t.db.select({ id: jeunes.antenneId }).from(jeunes).where(eq(jeunes.structureId, lyonId)).limit(1))[0]!.id;
    const camille = await sessionUserFor(t.db, CAMILLE);
    const cases: Partial<PortefeuilleFilters>[] = [
      {},
      { statut: "tous" },
      { statut: "archive" },
      { dispositif: "CEJ" },
      { alerte: "mineur" },
      { alerte: "contrat_fin", statut: "tous" },
      { conseiller: camille.id, dispositif: "PACEA" },
      { conseiller: SANS_CONSEILLER },
      ...(lyonAntenne ? [{ antenne: lyonAntenne }] : []),
    ];
    /** Whether the counts came from alert_state alone (no grouped read of jeunes). */
    const fromState = (queries: string[]) => !queries.some((q) => /from "jeunes" left join "alert_state".*group by/s.test(q));
    const stored = [];
    for (const filters of cases) {
      const { result, queries } = await countQueries(() => listPortefeuille(nadia, filters, today));
      expect(fromState(queries), JSON.stringify(filters)).toBe(true);
      stored.push(result);
    }
    // One file forgotten (as a write outside the actions would leave it): the counts come from the files again.
    const [one] = await t.db.select({ id: alertState.jeuneId }).from(alertState).where(eq(alertState.structureId, lyonId)).limit(1);
    await t.db.delete(alertState).where(eq(alertState.jeuneId, one!.id));
    for (const [i, filters] of cases.entries()) {
      const { result, queries } = await countQueries(() => listPortefeuille(nadia, filters, today));
      expect(fromState(queries), JSON.stringify(filters)).toBe(false);
      expect({ total: result.total, facets: result.facets, rows: result.rows.map((r) => r.id) }, JSON.stringify(filters)).toEqual({
        total: stored[i]!.total,
        facets: stored[i]!.facets,
        rows: stored[i]!.rows.map((r) => r.id),
      });
    }
    // A search or a movement filter always counts from the files.
    const searched = await countQueries(() => listPortefeuille(nadia, { q: "dupont" }, today));
    expect(fromState(searched.queries)).toBe(false);
    await refreshDueAlertState(t.db, today);
  });
});
