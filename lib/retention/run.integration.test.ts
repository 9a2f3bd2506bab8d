import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  allocationDecisions,
  auditLog,
  consultations,
  contrats,
  jeunes,
  rateLimits,
  retentionRunItems,
  retentionRuns,
  signInCodes,
  structures,
  userSessions,
  users,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { openSession, revokeSession } from "@/lib/auth/sessions";
import { useTestDatabase } from "@/test/db";
import { runRetention } from "./run";
import { STALE_AFTER_MS } from "./store";

const TODAY = "2026-11-25";
const NOW = new Date("2026-11-25T03:00:00Z");
const DAY = 24 * 60 * 60_000;

describe("retention runs", () => {
  const t = useTestDatabase();
  let structureId: string;
  const f: Record<string, string> = {};

  async function jeune(key: string, values: Partial<typeof jeunes.$inferInsert> = {}) {
    const [row] = await t.db
      .insert(jeunes)
      .values({
        structureId,
        nomNaissance: `NOM${key.toUpperCase()}`,
        prenoms: "Sacha",
        dateNaissance: "1990-03-02",
        sexe: "M",
        statut: "archive",
        archiveMotif: "sortie_emploi",
        searchText: `nom${key} sacha`,
        ...values,
      })
      .returning({ id: jeunes.id });
    f[key] = row!.id;
    return row!.id;
  }
  async function contrat(jeuneId: string, type: "PACEA" | "CEJ", debut: string, finPrevue: string, finReelle: string | null) {
    const [row] = await t.db
      .insert(contrats)
      .values({ structureId, jeuneId, type, signeLe: debut, debut, finPrevue, finReelle, motifSortie: finReelle ? "emploi_durable" : null })
      .returning({ id: contrats.id });
    return row!.id;
  }
  const items = async (runId: string) =>
    (
      await t.db
        .select({
          rule: retentionRunItems.rule,
          targetId: retentionRunItems.targetId,
          outcome: retentionRunItems.outcome,
          reason: retentionRunItems.reason,
        })
        .from(retentionRunItems)
        .where(eq(retentionRunItems.runId, runId))
    ).sort((a, b) => `${a.rule}${a.targetId}`.localeCompare(`${b.rule}${b.targetId}`));
  const reload = async (id: string) => (await t.db.select().from(jeunes).where(eq(jeunes.id, id)))[0]!;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 2 });
    // The demo's own files are not under test here: out of the purge's way.
    await t.db.update(jeunes).set({ statut: "actif" });
    structureId = (await t.db.select({ id: structures.id }).from(structures).limit(1))[0]!.id;
    await jeune("due"); // born 1990: kept until the day before 2018-03-02
    await jeune("young", { dateNaissance: "2002-05-10" }); // kept until 2030
    await jeune("active", { statut: "actif" });
    await jeune("limited", { limitationDepuis: new Date("2026-11-01T10:00:00Z") });
    await contrat(await jeune("running"), "PACEA", "2019-01-01", "2019-12-31", null); // still open
    await contrat(await jeune("cej"), "CEJ", "2019-07-01", "2020-06-30", "2020-06-30"); // + 10 years → 2030
    const paid = await jeune("paid");
    const pacea = await contrat(paid, "PACEA", "2004-01-01", "2004-12-31", "2004-12-31");
    await t.db.insert(allocationDecisions).values({
      structureId,
      jeuneId: paid,
      contratId: pacea,
      dispositif: "PACEA",
      mois: "2019-05",
      montantCents: 1000,
      entrees: {},
      regleVersion: "x",
      explication: "x",
      decideeLe: new Date("2019-05-31T10:00:00Z"),
    });
    await contrat(await jeune("oldPacea"), "PACEA", "2005-01-01", "2005-06-30", "2005-06-30"); // FSE 19 years → 2024: free
    const staff = (await t.db.select().from(users).where(eq(users.email, "conseillere.lyon@sillage.demo")))[0]!;
    await t.db.insert(consultations).values([
      { jeuneId: f.due!, structureId, userId: staff.id, userRole: "conseiller", onglet: "identite", at: new Date("2026-01-10T10:00:00Z") },
      {
        jeuneId: f.limited!,
        structureId,
        userId: staff.id,
        userRole: "conseiller",
        onglet: "identite",
        at: new Date("2026-01-10T10:00:00Z"),
      },
      { jeuneId: f.due!, structureId, userId: staff.id, userRole: "conseiller", onglet: "parcours", at: new Date("2026-10-10T10:00:00Z") },
    ]);
    const open = (at: Date) => openSession(t.db, { userId: staff.id, role: staff.role, method: "password", now: at });
    const ended = await open(new Date(NOW.getTime() - 40 * DAY));
    await revokeSession(t.db, ended, "sign_out", new Date(NOW.getTime() - 40 * DAY));
    f.session = ended;
    f.recentSession = await open(new Date(NOW.getTime() - 2 * DAY));
    const [lea] = await t.db.select().from(users).where(eq(users.role, "jeune")).limit(1);
    const codes = await t.db
      .insert(signInCodes)
      .values([
        { userId: lea!.id, codeHash: "a", expiresAt: new Date(NOW.getTime() - 31 * DAY) },
        { userId: lea!.id, codeHash: "b", expiresAt: new Date(NOW.getTime() - 1 * DAY) },
      ])
      .returning({ id: signInCodes.id });
    f.oldCode = codes[0]!.id;
    f.recentCode = codes[1]!.id;
    await hitRateLimit(t.db, "sign_in:ip", "192.0.2.99", new Date(NOW.getTime() - 2 * DAY));
  });

  it("a dry run lists what would go and what is held, changing nothing; the real run then does exactly that", async () => {
    const before = await t.db.select().from(jeunes).orderBy(jeunes.id);
    const dry = await runRetention(t.db, TODAY, { now: NOW, dryRun: true, trigger: "dpo" });
    expect(dry.status).toBe("termine");
    expect(await t.db.select().from(jeunes).orderBy(jeunes.id)).toEqual(before);
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(consultations)).toEqual([{ n: 3 }]);
    expect((await t.db.select().from(signInCodes)).map((c) => c.id).sort()).toEqual([f.oldCode, f.recentCode].sort());
    const planned = await items(dry.runId!);
    const byTarget = Object.fromEntries(planned.filter((i) => i.rule === "dossiers").map((i) => [i.targetId, i]));
    expect(byTarget[f.due!]).toMatchObject({ outcome: "prevu", reason: null });
    expect(byTarget[f.oldPacea!]).toMatchObject({ outcome: "prevu", reason: null });
    expect(byTarget[f.limited!]).toMatchObject({ outcome: "ignore", reason: "limitation" });
    expect(byTarget[f.running!]).toMatchObject({ outcome: "ignore", reason: "contrat_en_cours,fse" });
    expect(byTarget[f.paid!]).toMatchObject({ outcome: "ignore", reason: "allocation,fse" });
    // Not yet due: no item at all.
    for (const k of ["young", "active", "cej"]) expect(byTarget[f[k]!]).toBeUndefined();
    expect(planned.filter((i) => i.rule === "sessions")).toEqual([
      { rule: "sessions", targetId: f.session, outcome: "prevu", reason: null },
    ]);
    expect(planned.filter((i) => i.rule === "codes")).toEqual([{ rule: "codes", targetId: f.oldCode, outcome: "prevu", reason: null }]);
    expect(planned.filter((i) => i.rule === "consultations").map((i) => [i.outcome, i.reason])).toEqual(
      expect.arrayContaining([
        ["prevu", null],
        ["ignore", "limitation"],
      ]),
    );
    expect(dry.counts.dossiers).toEqual({ examined: 7, done: 2, skipped: 3 });
    const [dryRow] = await t.db.select().from(retentionRuns).where(eq(retentionRuns.id, dry.runId!));
    expect(dryRow).toMatchObject({ dryRun: true, trigger: "dpo", status: "termine", progress: { done: 5, total: 5 } });
    expect(dryRow!.counts).toEqual(dry.counts);

    const real = await runRetention(t.db, TODAY, { now: NOW });
    expect(real.status).toBe("termine");
    const done = await items(real.runId!);
    const same = (list: typeof done) => list.map((i) => ({ ...i, outcome: i.outcome === "prevu" ? "fait" : i.outcome }));
    expect(done).toEqual(same(planned));
    expect(real.counts).toEqual(dry.counts);
    expect(real.rateLimitsPurged).toBe(1);

    expect(await reload(f.due!)).toMatchObject({ nomNaissance: "ANONYME", dateNaissance: "1990-01-01" });
    expect((await reload(f.oldPacea!)).anonymisedAt).toBeInstanceOf(Date);
    for (const k of ["limited", "running", "paid", "young", "active", "cej"]) {
      const row = await reload(f[k]!);
      expect(row.anonymisedAt, k).toBeNull();
      expect(row.nomNaissance).toBe(`NOM${k.toUpperCase()}`);
    }
    const audits = await t.db
      .select({ jeuneId: auditLog.jeuneId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.anonymise"), inArray(auditLog.jeuneId, Object.values(f))));
    expect(audits.map((a) => a.jeuneId).sort()).toEqual([f.due, f.oldPacea].sort());
    const sessions = (await t.db.select({ id: userSessions.id }).from(userSessions)).map((s) => s.id);
    expect(sessions).not.toContain(f.session);
    expect(sessions).toContain(f.recentSession);
    expect((await t.db.select({ id: signInCodes.id }).from(signInCodes)).map((c) => c.id)).toEqual([f.recentCode]);
    const left = await t.db.select({ jeuneId: consultations.jeuneId }).from(consultations);
    expect(left.map((c) => c.jeuneId).sort()).toEqual([f.due, f.limited].sort());
    expect(await t.db.select().from(rateLimits)).toEqual([]);

    // Once done, the next run finds nothing more to do but the held ones.
    const again = await runRetention(t.db, TODAY, { now: NOW });
    expect(again.counts.dossiers).toEqual({ examined: 5, done: 0, skipped: 3 });
    expect(again.counts.sessions.done + again.counts.codes.done + again.counts.consultations.done).toBe(0);
  });

  it("refuses a run while another beats, takes over a stale one, and keeps the schedule to one run a period", async () => {
    const [running] = await t.db
      .insert(retentionRuns)
      .values({ trigger: "worker", claimedBy: "autre:1", startedAt: NOW, heartbeatAt: NOW })
      .returning();
    const refused = await runRetention(t.db, TODAY, { now: new Date(NOW.getTime() + 60_000) });
    expect(refused).toMatchObject({ status: "occupe", runId: running!.id });
    const later = new Date(NOW.getTime() + STALE_AFTER_MS + 60_000);
    const takeover = await runRetention(t.db, TODAY, { now: later, trigger: "worker", minIntervalMs: 55 * 60_000 });
    expect(takeover.status).toBe("termine");
    const [old] = await t.db.select().from(retentionRuns).where(eq(retentionRuns.id, running!.id));
    expect(old).toMatchObject({ status: "echec", lastError: "interrompu" });
    expect(
      await runRetention(t.db, TODAY, { now: new Date(later.getTime() + 60_000), trigger: "worker", minIntervalMs: 55 * 60_000 }),
    ).toMatchObject({
      status: "recent",
    });
    // A DPO's simulation is not the schedule's run: it goes.
    expect((await runRetention(t.db, TODAY, { now: new Date(later.getTime() + 60_000), dryRun: true, trigger: "dpo" })).status).toBe(
      "termine",
    );
  });
});
