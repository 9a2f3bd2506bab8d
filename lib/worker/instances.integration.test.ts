import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, contrats, jeunes, transmissionLedger, transmissions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { addDays, addMonths, todayInParis } from "@/lib/calendar/civil-date";
import { signContrat } from "@/lib/parcours/contrat-writes";
import { verifyLedger } from "@/lib/transmissions/ledger";
import { useTestDatabase } from "@/test/db";
import { type Child, databaseUrlOf, httpsChannelEnv, killIfRunning, spawnScript, spawnWorker, waitFor } from "@/test/processes";
import { type Receiver, startReceiver } from "@/test/receiver";

const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";
const TOKEN = "jeton-essai-instances-0123456789";
const CAMILLE = "conseillere.lyon@sillage.demo";
const FILES = 12;

/**
 * Fault (d): two app instances and two workers on one PostgreSQL database. The instances are two Node
 * processes running the real actions through runAction with a pool each (what a server action does in
 * `next start`, without the cost of a production build and a browser in the unit suite); the workers are
 * two `scripts/worker.ts` processes delivering to one receiver. Both instances sign a CEJ for the same
 * twelve files at the same time, while both workers deliver and run the retention purge on the same due files.
 */
describe.skipIf(!onPostgres)("two instances and two workers on one database (PostgreSQL only: several processes)", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let receiver: Receiver;
  const children: Child[] = [];

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 2 });
    receiver = await startReceiver({ token: TOKEN, prefix: "FT" });
    // Only this test's transfers are due.
    await t.db
      .update(transmissions)
      .set({ status: "abandonnee", nextAttemptAt: null })
      .where(inArray(transmissions.status, ["a_envoyer", "echec_temporaire"]));
  });
  afterAll(async () => {
    for (const c of children) killIfRunning(c);
    await receiver?.stop();
  });

  it("no duplicate contract, transfer, delivery or audit entry", async () => {
    const [camille] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
    const files = await t.db
      .insert(jeunes)
      .values(
        Array.from({ length: FILES }, (_, i) => ({
          structureId: camille!.structureId!,
          conseillerId: camille!.id,
          nomNaissance: `INSTANCE${i}`,
          prenoms: "Alex",
          dateNaissance: addDays(addMonths(today, -12 * 20), -10),
          sexe: "F" as const,
          searchText: `instance${i} alex`,
        })),
      )
      .returning({ id: jeunes.id });
    const ids = files.map((f) => f.id);
    // Archived files whose retention has ended (born in 1990, no contract): both workers' first pass runs the purge.
    const due = (
      await t.db
        .insert(jeunes)
        .values(
          Array.from({ length: 6 }, (_, i) => ({
            structureId: camille!.structureId!,
            nomNaissance: `ECHU${i}`,
            prenoms: "Sam",
            dateNaissance: "1990-03-02",
            sexe: "M" as const,
            statut: "archive" as const,
            archiveMotif: "sortie_emploi",
            searchText: `echu${i} sam`,
          })),
        )
        .returning({ id: jeunes.id })
    ).map((r) => r.id);
    const url = await databaseUrlOf(t.db);
    const channel = httpsChannelEnv(receiver.url, TOKEN);
    for (let i = 0; i < 2; i++) children.push(spawnWorker(url, { ...channel, WORKER_INTERVAL_MS: "200" }));
    const instances = [0, 1].map(() =>
      spawnScript("test/burst-instance.ts", {
        DATABASE_URL: url,
        DATABASE_POOL_MAX: "4",
        BURST_EMAIL: CAMILLE,
        BURST_JEUNES: ids.join(","),
      }),
    );
    children.push(...instances);
    const exits = await Promise.all(instances.map((c) => c.exited));
    for (const [i, exit] of exits.entries()) expect(exit.code, instances[i]!.output()).toBe(0);
    const outcomes = instances.map((c) => JSON.parse(c.output().trim().split("\n").at(-1)!) as Record<string, number>);
    // Each file signed once in all; the other attempt was refused with a domain code, never an exception.
    expect(outcomes.reduce((n, o) => n + (o.ok ?? 0), 0)).toBe(FILES);
    for (const o of outcomes) expect(o.unexpected ?? 0).toBe(0);

    const mine = await t.db.select().from(transmissions).where(inArray(transmissions.jeuneId, ids));
    expect(mine).toHaveLength(FILES);
    await waitFor(
      "both workers to deliver every transfer",
      async () =>
        (
          await t.db
            .select({ n: count() })
            .from(transmissions)
            .where(and(inArray(transmissions.jeuneId, ids), eq(transmissions.status, "accusee")))
        )[0]!.n === FILES,
      45_000,
    );
    await waitFor(
      "a retention run to anonymise the files due",
      async () =>
        (
          await t.db
            .select({ n: count() })
            .from(jeunes)
            .where(and(inArray(jeunes.id, due), isNotNull(jeunes.anonymisedAt)))
        )[0]!.n === due.length,
      45_000,
    );
    for (const w of children.slice(0, 2)) w.process.kill("SIGTERM");
    for (const w of children.slice(0, 2)) expect((await w.exited).code).toBe(0);

    for (const id of ids) {
      expect((await t.db.select({ n: count() }).from(contrats).where(eq(contrats.jeuneId, id)))[0]!.n).toBe(1);
      const audits = await t.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.jeuneId, id), eq(auditLog.action, signContrat.name)));
      expect(audits[0]!.n).toBe(1);
    }
    for (const tr of mine) {
      expect(receiver.hitsFor(tr.idempotencyKey)).toBe(1);
      expect(receiver.countFor(tr.idempotencyKey)).toBe(1);
    }
    const sent = await t.db
      .select({ n: count() })
      .from(transmissionLedger)
      .where(and(inArray(transmissionLedger.jeuneId, ids), eq(transmissionLedger.event, "envoyee")));
    expect(sent[0]!.n).toBe(FILES);
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
    // Two workers, one purge: each file anonymised once, with one audit entry.
    const anonymised = await t.db
      .select({ jeuneId: auditLog.jeuneId, n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "jeune.anonymise"), inArray(auditLog.jeuneId, due)))
      .groupBy(auditLog.jeuneId);
    expect(anonymised).toHaveLength(due.length);
    for (const a of anonymised) expect(a.n).toBe(1);
  }, 90_000);
});
