import { and, asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { jeunes, transmissionLedger, transmissions, type Transmission } from "@/db/schema";
import type { Tx } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { todayInParis } from "@/lib/calendar/civil-date";
import { enqueueTransmission } from "@/lib/transmissions/enqueue";
import { httpsAdapter } from "@/lib/transmissions/https";
import { verifyLedger } from "@/lib/transmissions/ledger";
import { deliverDue } from "@/lib/transmissions/worker";
import { useTestDatabase } from "@/test/db";
import { type Child, databaseUrlOf, httpsChannelEnv, killIfRunning, spawnWorker, waitFor } from "@/test/processes";
import { type Receiver, startReceiver } from "@/test/receiver";

const onPostgres = process.env.SILLAGE_TEST_DB === "postgres";
const TOKEN = "jeton-essai-pannes-0123456789";
const MINUTE = 60_000;
/** Spawning a worker (tsx) takes a second on an idle machine, far more on a loaded one. */
const PROCESS_TEST_MS = 90_000;
const DATA = {
  nomNaissance: "Essai",
  prenoms: "Panne",
  dateNaissance: "2005-01-01",
  sexe: "F",
  contratType: "CEJ",
  contratDateDebut: "2026-09-01",
};

/**
 * Faults (b) and (c) and the worker's graceful stop, on PostgreSQL only: they need row locks that outlive a
 * process (`for update skip locked`), a second process on the same database and real connection loss, which
 * the single-connection PGlite does not have.
 */
describe.skipIf(!onPostgres)("delivery under faults (PostgreSQL only: several processes on one database)", () => {
  const t = useTestDatabase();
  let receiver: Receiver;
  let databaseUrl: string;
  let jeuneIds: string[];
  const children: Child[] = [];
  let serial = 0;

  beforeAll(async () => {
    await seedDemo(t.db, { today: todayInParis(new Date()), jeunesPerStructure: 13 });
    receiver = await startReceiver({ token: TOKEN, prefix: "FT" });
    databaseUrl = await databaseUrlOf(t.db);
    jeuneIds = (await t.db.select({ id: jeunes.id }).from(jeunes).orderBy(asc(jeunes.id))).map((j) => j.id);
    expect(jeuneIds.length).toBeGreaterThanOrEqual(25);
  });
  afterAll(async () => {
    for (const c of children) killIfRunning(c);
    await receiver?.stop();
  });
  afterEach(async () => {
    for (const c of children) killIfRunning(c);
    receiver.mode = "accept";
    receiver.delayMs = 0;
    // Whatever a test left due is parked, so the next one sees only its own transfers.
    await t.db
      .update(transmissions)
      .set({ status: "abandonnee", nextAttemptAt: null })
      .where(inArray(transmissions.status, ["a_envoyer", "echec_temporaire"]));
  });

  const enqueueIn = async (tx: Tx, jeuneId: string) => {
    serial += 1;
    const { transmission } = await enqueueTransmission(tx, {
      jeuneId,
      recipient: "franceTravail",
      finality: "cej",
      kind: "inscription",
      data: DATA,
      idempotencyKey: `panne-${serial}-${jeuneId}`,
    });
    return transmission;
  };
  const enqueue = (jeuneId: string) => t.db.transaction((tx) => enqueueIn(tx, jeuneId));
  const row = async (id: string) => (await t.db.select().from(transmissions).where(eq(transmissions.id, id)))[0]!;
  const worker = (env: Record<string, string> = {}) => {
    const child = spawnWorker(databaseUrl, { ...httpsChannelEnv(receiver.url, TOKEN), ...env });
    children.push(child);
    return child;
  };
  const sentEntries = async (ids: string[]) =>
    (
      await t.db
        .select({ n: count() })
        .from(transmissionLedger)
        .where(and(inArray(transmissionLedger.transmissionId, ids), eq(transmissionLedger.event, "envoyee")))
    )[0]!.n;

  it("(b) the receiver down during a burst of 200 transfers: each is delivered exactly once after it returns", async () => {
    // 200 transfers over 20 young people, 10 each, which leave one after the other per person.
    const burst = await t.db.transaction(async (tx) => {
      const made: Transmission[] = [];
      for (let i = 0; i < 200; i++) made.push(await enqueueIn(tx, jeuneIds[i % 20]!));
      return made;
    });
    await receiver.stop();
    const adapter = httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 5_000 });
    const now = new Date();
    const down = await deliverDue(t.db, () => adapter, now, { limit: 250 });
    // Only the first of each person was tried (the others wait behind it), and failed for a while.
    expect(down).toMatchObject({ accusees: 0, echecs: 20 });
    expect(receiver.requests).toHaveLength(0);

    await receiver.start();
    let later = now;
    for (let pass = 0; pass < 5; pass++) {
      later = new Date(later.getTime() + 2 * MINUTE);
      // Three delivery loops at once, as three workers would (for update skip locked).
      const reports = await Promise.all([0, 1, 2].map(() => deliverDue(t.db, () => adapter, later, { limit: 250 })));
      const report = { accusees: reports.reduce((n, r) => n + r.accusees, 0) };
      if (report.accusees === 0) break;
    }
    const ids = burst.map((b) => b.id);
    const rows = await t.db.select().from(transmissions).where(inArray(transmissions.id, ids));
    expect(rows.every((r) => r.status === "accusee")).toBe(true);
    for (const b of burst) {
      expect(receiver.countFor(b.idempotencyKey)).toBe(1);
      expect(receiver.hitsFor(b.idempotencyKey)).toBe(1);
    }
    expect(await sentEntries(ids)).toBe(200);
    // Per person, the recipient got them in creation order.
    const order = receiver.documents.map((d) => d.document.id as string);
    for (const jeuneId of jeuneIds.slice(0, 20)) {
      const mine = burst.filter((b) => b.jeuneId === jeuneId).map((b) => b.id);
      expect(order.filter((id) => mine.includes(id))).toEqual(mine);
    }
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
    // 200 delivery transactions, serialised by the ledger's lock: ~20 s on a busy two-core machine, far more when overloaded.
  }, 120_000);

  it(
    "(c) the worker killed (SIGKILL) mid-delivery: another picks the transfer up, the receiver stores it once",
    async () => {
      const tr = await enqueue(jeuneIds[20]!);
      // The recipient stores the document but its answer never comes back before the kill.
      receiver.mode = "store-hang";
      const first = worker();
      await waitFor("the first worker's request", () => receiver.hitsFor(tr.idempotencyKey) === 1);
      first.process.kill("SIGKILL");
      expect((await first.exited).signal).toBe("SIGKILL");
      // Nothing was committed: the transfer is still waiting, its lock went with the connection.
      expect(await row(tr.id)).toMatchObject({ status: "a_envoyer", attempts: 0 });

      receiver.mode = "accept";
      const second = worker();
      await waitFor("the second worker's delivery", async () => (await row(tr.id)).status === "accusee");
      second.process.kill("SIGTERM");
      expect((await second.exited).code).toBe(0);
      expect(receiver.hitsFor(tr.idempotencyKey)).toBe(2);
      expect(receiver.countFor(tr.idempotencyKey)).toBe(1);
      const stored = receiver.documents.find((d) => d.idempotencyKey === tr.idempotencyKey)!;
      expect((await row(tr.id)).acknowledgement).toBe(stored.ack);
      expect(await sentEntries([tr.id])).toBe(1);
      expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
    },
    PROCESS_TEST_MS,
  );

  it(
    "SIGTERM: the worker finishes the transfer in hand, takes no other, and exits 0",
    async () => {
      const batch = [await enqueue(jeuneIds[21]!), await enqueue(jeuneIds[22]!), await enqueue(jeuneIds[23]!)];
      receiver.delayMs = 1_500;
      const child = worker();
      await waitFor("the first request", () => receiver.requests.length > 0 && batch.some((b) => receiver.hitsFor(b.idempotencyKey) === 1));
      const requestsAtStop = receiver.requests.length;
      child.process.kill("SIGTERM");
      const exit = await child.exited;
      expect(exit, child.output()).toEqual({ code: 0, signal: null });
      const statuses = await Promise.all(batch.map(async (b) => (await row(b.id)).status));
      expect(statuses.filter((s) => s === "accusee")).toHaveLength(1);
      expect(statuses.filter((s) => s === "a_envoyer")).toHaveLength(2);
      expect(receiver.requests.length).toBe(requestsAtStop);
    },
    PROCESS_TEST_MS,
  );

  it(
    "SIGTERM past WORKER_STOP_TIMEOUT_MS: the worker exits 0 and releases its claim to the next one",
    async () => {
      const tr = await enqueue(jeuneIds[24]!);
      receiver.mode = "hang";
      const child = worker({ WORKER_STOP_TIMEOUT_MS: "300" });
      await waitFor("the hung request", () => receiver.requests.some((r) => r.idempotencyKey === tr.idempotencyKey));
      const started = Date.now();
      child.process.kill("SIGTERM");
      const exit = await child.exited;
      expect(exit, child.output()).toEqual({ code: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(5_000);
      receiver.mode = "accept";
      // The row is no longer locked: this process takes it at once (skip locked would pass over a held one).
      await waitFor("the claim's release", async () => {
        await deliverDue(t.db, () => httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 5_000 }), new Date(), {
          onlyId: tr.id,
          limit: 1,
        });
        return (await row(tr.id)).status === "accusee";
      });
      expect(receiver.countFor(tr.idempotencyKey)).toBe(1);
    },
    PROCESS_TEST_MS,
  );
});
