import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, count, eq, sql } from "drizzle-orm";
import { jeunes, structures, transmissionLedger, transmissions, type Transmission } from "@/db/schema";
import { recordHash } from "@/lib/crypto/keys";
import { allowedFields } from "@/lib/data-map/flows";
import { useTestDatabase } from "@/test/db";
import { fileDropAdapter, verifyDropSignature, type SendResult, type TransmissionAdapter } from "./adapters";
import { TransmissionError, enqueueTransmission, releaseHeld, type EnqueueInput } from "./enqueue";
import { GENESIS_HASH, describeVerification, verifyLedger } from "./ledger";
import { MAX_ATTEMPTS, deliverDue } from "./worker";

const MINUTE = 60_000;

/** Identity and contract values a caller could pass, plus fields that must never leave. */
const DATA = {
  nomNaissance: "Dupont",
  prenoms: "Léa",
  dateNaissance: "2006-03-14",
  sexe: "F",
  email: "lea.dupont@example.org",
  dispositif: "CEJ",
  contratType: "CEJ",
  contratDateDebut: "2026-09-01",
  sante: "asthme sévère",
  situationJustice: "contrôle judiciaire",
  commentaire: "Très motivée, fragile en ce moment",
  iban: "FR7630006000011234567890189",
  inconnu: "valeur quelconque",
};

/** Fake adapter: answers from a script of results, records what it was asked to send. */
function scripted(results: SendResult[]): TransmissionAdapter & { sent: Transmission[] } {
  const sent: Transmission[] = [];
  return {
    sent,
    async send(t) {
      sent.push(t);
      return results.shift() ?? { ok: true, ack: `ACK-${sent.length}` };
    },
  };
}

describe("transmissions: outbox and ledger", () => {
  const t = useTestDatabase();
  let structureId: string;
  let n = 0;
  let dropDir: string;

  beforeAll(async () => {
    const [s] = await t.db
      .insert(structures)
      .values({ name: "Mission locale de test", siret: "12345678900011", departement: "69", commune: "Lyon", dpoEmail: "dpo@test.example" })
      .returning();
    structureId = s!.id;
    dropDir = await mkdtemp(path.join(tmpdir(), "sillage-depot-"));
  });
  afterAll(async () => {
    await rm(dropDir, { recursive: true, force: true });
  });

  const newJeune = async (limited = false) => {
    n += 1;
    const [j] = await t.db
      .insert(jeunes)
      .values({
        structureId,
        nomNaissance: `Test${n}`,
        prenoms: "Alex",
        dateNaissance: "2006-03-14",
        sexe: "F",
        searchText: `test${n} alex`,
        limitationDepuis: limited ? new Date() : null,
      })
      .returning();
    return j!.id;
  };
  const enqueue = (input: Partial<EnqueueInput> & { jeuneId: string }) =>
    t.db.transaction((tx) =>
      enqueueTransmission(tx, {
        recipient: "franceTravail",
        finality: "cej",
        kind: "inscription",
        data: DATA,
        idempotencyKey: `cle-${input.jeuneId}-${input.kind ?? "inscription"}`,
        ...input,
      }),
    );
  const row = async (id: string) => (await t.db.select().from(transmissions).where(eq(transmissions.id, id)))[0]!;
  const eventsOf = async (id: string) =>
    (await t.db.select().from(transmissionLedger).where(eq(transmissionLedger.transmissionId, id)).orderBy(asc(transmissionLedger.id))).map(
      (e) => e.event,
    );
  /** Runs the worker on one transfer only: the others are left due but are not this test's concern. */
  const deliverFor = async (adapter: TransmissionAdapter, now: Date, ids: string[]) =>
    deliverDue(
      t.db,
      () => ({
        send: (x) => (ids.includes(x.id) ? adapter.send(x) : Promise.resolve({ ok: false, permanent: false, error: "hors_test" })),
      }),
      now,
    );

  beforeEach(async () => {
    // Transfers left due by an earlier test would be picked by the worker: park them.
    await t.db
      .update(transmissions)
      .set({ nextAttemptAt: new Date("2999-01-01") })
      .where(eq(transmissions.status, "a_envoyer"));
    await t.db
      .update(transmissions)
      .set({ nextAttemptAt: new Date("2999-01-01") })
      .where(eq(transmissions.status, "echec_temporaire"));
  });

  it("enqueues a transfer with a `creee` entry, and the chain verifies", async () => {
    const jeuneId = await newJeune();
    const { transmission, created } = await enqueue({ jeuneId });
    expect(created).toBe(true);
    expect(transmission).toMatchObject({ status: "a_envoyer", attempts: 0, structureId, recipient: "franceTravail", finality: "cej" });
    expect(transmission.payloadHash).toBe(recordHash(transmission.payload));
    const [entry] = await t.db.select().from(transmissionLedger).where(eq(transmissionLedger.transmissionId, transmission.id));
    expect(entry).toMatchObject({
      event: "creee",
      legalBasis: "6-1-e",
      payloadHash: transmission.payloadHash,
      fieldNames: transmission.fieldNames,
    });
    expect(await verifyLedger(t.db)).toEqual({ ok: true, count: expect.any(Number) });
    const [first] = await t.db.select().from(transmissionLedger).orderBy(asc(transmissionLedger.id)).limit(1);
    expect(first!.prevHash).toBe(GENESIS_HASH);
  });

  it("keeps only the fields the data map allows: sensitive, free-text and unknown keys never get in", async () => {
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    const stored = await row(transmission.id);
    const expected = Object.keys(DATA)
      .filter((k) => allowedFields("franceTravail", "cej").has(k as never))
      .sort();
    expect(stored.fieldNames).toEqual(expected);
    expect(Object.keys(stored.payload).sort()).toEqual(expected);
    for (const forbidden of ["sante", "situationJustice", "commentaire", "iban", "inconnu"]) {
      expect(stored.fieldNames).not.toContain(forbidden);
      expect(stored.payload).not.toHaveProperty(forbidden);
    }
    const raw = JSON.stringify(stored.payload);
    expect(raw).not.toContain("asthme");
    expect(raw).not.toContain("judiciaire");
    expect(raw).not.toContain("motivée");
    // The ledger holds names only, the same subset.
    const [entry] = await t.db.select().from(transmissionLedger).where(eq(transmissionLedger.transmissionId, transmission.id));
    expect(entry!.fieldNames).toEqual(expected);
    expect(JSON.stringify(entry)).not.toContain("Dupont");
  });

  it("refuses a recipient × finality without a flow, and a payload left empty by the whitelist", async () => {
    const jeuneId = await newJeune();
    await expect(enqueue({ jeuneId, recipient: "asp", finality: "cej" })).rejects.toMatchObject({ code: "flux_inconnu" });
    await expect(enqueue({ jeuneId, data: { sante: "x", commentaire: "y" } })).rejects.toMatchObject({ code: "charge_vide" });
    expect((await t.db.select({ n: count() }).from(transmissions).where(eq(transmissions.jeuneId, jeuneId)))[0]!.n).toBe(0);
  });

  it("is idempotent: the same key twice gives one row and one `creee` entry", async () => {
    const jeuneId = await newJeune();
    const a = await enqueue({ jeuneId, idempotencyKey: "cej-signature:42" });
    const b = await enqueue({ jeuneId, idempotencyKey: "cej-signature:42" });
    expect(b.created).toBe(false);
    expect(b.transmission.id).toBe(a.transmission.id);
    expect((await t.db.select({ n: count() }).from(transmissions).where(eq(transmissions.idempotencyKey, "cej-signature:42")))[0]!.n).toBe(
      1,
    );
    expect(await eventsOf(a.transmission.id)).toEqual(["creee"]);
    // The same key for another transfer is a programming error, not a silent success.
    await expect(enqueue({ jeuneId, idempotencyKey: "cej-signature:42", recipient: "cnamCpam", finality: "c2s" })).rejects.toBeInstanceOf(
      TransmissionError,
    );
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the ledger", async () => {
    const jeuneId = await newJeune();
    await enqueue({ jeuneId });
    await expect(t.db.execute(sql`update transmission_ledger set detail = null`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from transmission_ledger`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate transmission_ledger`)).rejects.toThrow();
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
  });

  it("keeps the chain linear when transfers are enqueued concurrently", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => newJeune()));
    await Promise.all(ids.map((jeuneId) => enqueue({ jeuneId, kind: "mise_a_jour" })));
    const result = await verifyLedger(t.db);
    expect(result).toMatchObject({ ok: true });
  });

  it("holds transfers while the data is limited, then releases and sends them in creation order", async () => {
    const jeuneId = await newJeune(true);
    const first = (await enqueue({ jeuneId, kind: "inscription" })).transmission;
    const second = (await enqueue({ jeuneId, kind: "mise_a_jour" })).transmission;
    expect([first.status, second.status]).toEqual(["retenue", "retenue"]);
    expect(await eventsOf(first.id)).toEqual(["creee", "retenue"]);

    const adapter = scripted([]);
    await deliverFor(adapter, new Date(Date.now() + MINUTE), [first.id, second.id]);
    expect(adapter.sent).toHaveLength(0);

    // Still limited: nothing is released.
    expect(await t.db.transaction((tx) => releaseHeld(tx, jeuneId))).toEqual([]);

    await t.db.update(jeunes).set({ limitationDepuis: null }).where(eq(jeunes.id, jeuneId));
    const released = await t.db.transaction((tx) => releaseHeld(tx, jeuneId));
    expect(released.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(released.every((r) => r.status === "a_envoyer")).toBe(true);
    expect(await eventsOf(second.id)).toEqual(["creee", "retenue", "liberee"]);

    const report = await deliverFor(adapter, new Date(Date.now() + MINUTE), [first.id, second.id]);
    expect(report.accusees).toBe(2);
    expect(adapter.sent.map((s) => s.id)).toEqual([first.id, second.id]);
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
  });

  it("re-checks the limitation when sending: a transfer due for a person limited since is held, not sent", async () => {
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    await t.db.update(jeunes).set({ limitationDepuis: new Date() }).where(eq(jeunes.id, jeuneId));
    const adapter = scripted([]);
    const report = await deliverFor(adapter, new Date(Date.now() + MINUTE), [transmission.id]);
    expect(report.retenues).toBe(1);
    expect(adapter.sent).toHaveLength(0);
    expect((await row(transmission.id)).status).toBe("retenue");
    expect(await eventsOf(transmission.id)).toEqual(["creee", "retenue"]);
  });

  it("retries a transient failure after the backoff, then records the acknowledgement once", async () => {
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    const adapter = scripted([
      { ok: false, permanent: false, error: "HTTP 503" },
      { ok: true, ack: "FT-2026-0001" },
    ]);
    const t0 = new Date(Date.now() + MINUTE);

    expect(await deliverFor(adapter, t0, [transmission.id])).toMatchObject({ echecs: 1, accusees: 0 });
    let r = await row(transmission.id);
    expect(r).toMatchObject({ status: "echec_temporaire", attempts: 1, lastError: "HTTP 503" });
    expect(r.nextAttemptAt!.getTime()).toBe(t0.getTime() + MINUTE);

    // Not due yet.
    await deliverFor(adapter, new Date(t0.getTime() + 30_000), [transmission.id]);
    expect(adapter.sent).toHaveLength(1);

    expect(await deliverFor(adapter, new Date(t0.getTime() + MINUTE), [transmission.id])).toMatchObject({ accusees: 1 });
    r = await row(transmission.id);
    expect(r).toMatchObject({ status: "accusee", attempts: 2, acknowledgement: "FT-2026-0001", lastError: null });
    expect(r.acknowledgedAt).not.toBeNull();

    // Acknowledged: never sent again.
    await deliverFor(adapter, new Date(t0.getTime() + 60 * MINUTE), [transmission.id]);
    expect(adapter.sent).toHaveLength(2);
    expect(await eventsOf(transmission.id)).toEqual(["creee", "echec", "envoyee", "accusee"]);
  });

  it("keeps creation order per person and recipient: a later transfer waits while an earlier one is failing", async () => {
    const jeuneId = await newJeune();
    const first = (await enqueue({ jeuneId, kind: "inscription" })).transmission;
    const second = (await enqueue({ jeuneId, kind: "mise_a_jour" })).transmission;
    const adapter = scripted([{ ok: false, permanent: false, error: "HTTP 503" }]);
    const t0 = new Date(Date.now() + MINUTE);
    await deliverFor(adapter, t0, [first.id, second.id]);
    expect(adapter.sent.map((s) => s.id)).toEqual([first.id]);
    expect((await row(second.id)).status).toBe("a_envoyer");
    await deliverFor(adapter, new Date(t0.getTime() + MINUTE), [first.id, second.id]);
    expect(adapter.sent.map((s) => s.id)).toEqual([first.id, first.id, second.id]);
    expect((await row(second.id)).status).toBe("accusee");
  });

  it("sends each transfer once when two workers run at the same time", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await enqueue({ jeuneId: await newJeune() })).transmission.id);
    const sent: string[] = [];
    const slow: TransmissionAdapter = {
      async send(x) {
        sent.push(x.id);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { ok: true, ack: `ACK-${x.id}` };
      },
    };
    const now = new Date(Date.now() + MINUTE);
    const reports = await Promise.all([deliverFor(slow, now, ids), deliverFor(slow, now, ids)]);
    expect(reports[0].accusees + reports[1].accusees).toBe(4);
    expect([...sent].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await eventsOf(id)).toEqual(["creee", "envoyee", "accusee"]);
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
  });

  it("marks a permanent failure as `rejetee` and does not retry it", async () => {
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    const adapter = scripted([{ ok: false, permanent: true, error: "HTTP 422 identifiant inconnu" }]);
    const t0 = new Date(Date.now() + MINUTE);
    expect(await deliverFor(adapter, t0, [transmission.id])).toMatchObject({ rejetees: 1 });
    expect(await row(transmission.id)).toMatchObject({ status: "rejetee", attempts: 1, nextAttemptAt: null });
    await deliverFor(adapter, new Date(t0.getTime() + 600 * MINUTE), [transmission.id]);
    expect(adapter.sent).toHaveLength(1);
    expect(await eventsOf(transmission.id)).toEqual(["creee", "rejetee"]);
  });

  it(`abandons a transfer after ${MAX_ATTEMPTS} transient failures, with doubling delays`, async () => {
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    const adapter: TransmissionAdapter & { calls: number } = {
      calls: 0,
      async send() {
        this.calls += 1;
        return { ok: false, permanent: false, error: "ECONNREFUSED" };
      },
    };
    let now = new Date(Date.now() + MINUTE);
    const delays: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverFor(adapter, now, [transmission.id]);
      const r = await row(transmission.id);
      if (r.status !== "echec_temporaire") break;
      delays.push((r.nextAttemptAt!.getTime() - now.getTime()) / MINUTE);
      now = r.nextAttemptAt!;
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(adapter.calls).toBe(MAX_ATTEMPTS);
    expect(await row(transmission.id)).toMatchObject({ status: "abandonnee", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    const events = await eventsOf(transmission.id);
    expect(events.filter((e) => e === "echec")).toHaveLength(MAX_ATTEMPTS);
    expect(events.at(-1)).toBe("abandonnee");
    await deliverFor(adapter, new Date(now.getTime() + 1000 * MINUTE), [transmission.id]);
    expect(adapter.calls).toBe(MAX_ATTEMPTS);
  });

  it("leaves a transfer untouched when no channel is configured for its recipient", async () => {
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    const report = await deliverDue(t.db, () => undefined, new Date(Date.now() + MINUTE));
    expect(report.sansCanal).toBeGreaterThanOrEqual(1);
    expect(await row(transmission.id)).toMatchObject({ status: "a_envoyer", attempts: 0 });
  });

  it("file drop: writes one JSON per transfer and a valid HMAC signature; the worker records the file name", async () => {
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    const report = await deliverFor(fileDropAdapter({ dir: dropDir }), new Date(Date.now() + MINUTE), [transmission.id]);
    expect(report.accusees).toBe(1);
    const name = `${transmission.id}.json`;
    expect((await row(transmission.id)).acknowledgement).toBe(name);
    expect((await readdir(dropDir)).sort()).toEqual([name, `${name}.sig`]);
    const content = await readFile(path.join(dropDir, name), "utf8");
    const signature = await readFile(path.join(dropDir, `${name}.sig`), "utf8");
    expect(verifyDropSignature(content, signature)).toBe(true);
    expect(verifyDropSignature(content.replace("Dupont", "Durand"), signature)).toBe(false);
    const doc = JSON.parse(content) as { idempotencyKey: string; fieldNames: string[]; payload: Record<string, unknown> };
    expect(doc.idempotencyKey).toBe(transmission.idempotencyKey);
    expect(doc.fieldNames).toEqual(transmission.fieldNames);
    expect(doc.payload).not.toHaveProperty("sante");
    expect(content).not.toContain("asthme");
  });

  it("file drop: an unwritable folder is a permanent failure with a technical error only", async () => {
    const blocker = path.join(dropDir, "pas-un-dossier");
    await writeFile(blocker, "x");
    const jeuneId = await newJeune();
    const { transmission } = await enqueue({ jeuneId });
    const result = await fileDropAdapter({ dir: path.join(blocker, "sous-dossier") }).send(await row(transmission.id));
    expect(result).toEqual({ ok: false, permanent: true, error: "depot_fichier: ENOTDIR" });
  });

  // Last: it tampers with the ledger (as the table owner, trigger disabled) and then puts it back.
  it("detects a modified or removed entry and names its id", async () => {
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
    const entries = await t.db.select().from(transmissionLedger).orderBy(asc(transmissionLedger.id));
    const victim = entries[Math.floor(entries.length / 2)]!;
    const next = entries[entries.indexOf(victim) + 1]!;
    const unlocked = async (statement: ReturnType<typeof sql>) => {
      await t.db.execute(sql`alter table transmission_ledger disable trigger transmission_ledger_append_only`);
      try {
        await t.db.execute(statement);
      } finally {
        await t.db.execute(sql`alter table transmission_ledger enable trigger transmission_ledger_append_only`);
      }
    };

    await unlocked(sql`update transmission_ledger set field_names = array['nomNaissance'] where id = ${victim.id}`);
    const broken = await verifyLedger(t.db);
    expect(broken).toMatchObject({ ok: false, brokenAt: victim.id, reason: "hash" });
    expect(describeVerification(broken)).toContain(`n° ${victim.id}`);
    await unlocked(sql`update transmission_ledger set field_names = ${sql.param(victim.fieldNames)}::text[] where id = ${victim.id}`);
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true, count: entries.length });

    // Recomputing the victim's own hash is not enough: the next entry no longer follows it.
    await unlocked(sql`delete from transmission_ledger where id = ${victim.id}`);
    expect(await verifyLedger(t.db)).toMatchObject({ ok: false, brokenAt: next.id, reason: "chain" });
    await t.db.insert(transmissionLedger).values(victim);
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
    // Small batches walk the same chain.
    expect(await verifyLedger(t.db, { batchSize: 3 })).toEqual({ ok: true, count: entries.length });
    // Trigger is back on.
    await expect(t.db.execute(sql`delete from transmission_ledger where id = ${victim.id}`)).rejects.toThrow();
  });
});
