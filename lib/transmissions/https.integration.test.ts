import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contrats, jeunes, structures, transmissionLedger, transmissions, type Contrat } from "@/db/schema";
import { startReceiver, type Receiver } from "@/test/receiver";
import { useTestDatabase } from "@/test/db";
import type { AdapterFor } from "./adapters";
import { enqueueTransmission } from "./enqueue";
import { httpsAdapter } from "./https";
import { verifyLedger } from "./ledger";
import { onContratEvent } from "./triggers";
import { backoffMs, deliverDue } from "./worker";

const TOKEN = "jeton-recepteur-0123456789";

describe("delivery over HTTPS to a recipient that accepts, refuses, fails, hangs or goes down", () => {
  const t = useTestDatabase();
  let receiver: Receiver;
  let structureId: string;
  let n = 0;
  /**
   * France Travail and ASP both point at the local receiver. A timeout a loaded machine never reaches for
   * the answering cases; a short one only where the receiver hangs on purpose.
   */
  let adapterFor: AdapterFor;
  let hangingAdapterFor: AdapterFor;

  beforeAll(async () => {
    receiver = await startReceiver({ token: TOKEN, prefix: "FT" });
    const adapter = httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 5_000 });
    const short = httpsAdapter({ url: receiver.url, token: TOKEN, timeoutMs: 400 });
    adapterFor = (recipient) => (recipient === "franceTravail" || recipient === "asp" ? adapter : undefined);
    hangingAdapterFor = (recipient) => (recipient === "franceTravail" || recipient === "asp" ? short : undefined);
    const [s] = await t.db
      .insert(structures)
      .values({ name: "Mission locale de test", siret: "12345678900011", departement: "69", commune: "Lyon", dpoEmail: "dpo@test.example" })
      .returning();
    structureId = s!.id;
  });

  afterAll(async () => {
    await receiver.stop();
  });

  const newJeune = async () => {
    n += 1;
    const [j] = await t.db
      .insert(jeunes)
      .values({
        structureId,
        nomNaissance: `Recepteur${n}`,
        prenoms: "Léa",
        dateNaissance: "2005-03-14",
        sexe: "F",
        email: `recepteur${n}@example.org`,
        sante: "asthme sévère",
        situationJustice: "suivi SPIP",
        commentaire: "Très motivée, difficultés familiales",
        searchText: `recepteur${n} lea`,
      })
      .returning();
    return j!;
  };

  const newContrat = async (jeuneId: string): Promise<Contrat> => {
    const [c] = await t.db
      .insert(contrats)
      .values({ structureId, jeuneId, type: "CEJ", signeLe: "2026-09-01", debut: "2026-09-01", finPrevue: "2027-08-31" })
      .returning();
    return c!;
  };

  const enqueue = async (recipient: "franceTravail" | "asp" = "franceTravail") => {
    const jeune = await newJeune();
    const { transmission } = await t.db.transaction((tx) =>
      recipient === "asp"
        ? enqueueTransmission(tx, {
            jeuneId: jeune.id,
            recipient: "asp",
            finality: "allocation",
            kind: "paiement",
            data: { ...jeune, allocationMontant: 56168, allocationPeriode: "2026-11" },
            idempotencyKey: `test-paiement:${jeune.id}`,
          })
        : enqueueTransmission(tx, {
            jeuneId: jeune.id,
            recipient: "franceTravail",
            finality: "cej",
            kind: "inscription",
            data: { ...jeune, contratType: "CEJ" },
            idempotencyKey: `test-inscription:${jeune.id}`,
          }),
    );
    return transmission;
  };

  const reload = async (id: string) => (await t.db.select().from(transmissions).where(eq(transmissions.id, id)))[0]!;
  const eventsOf = async (id: string) =>
    (await t.db.select().from(transmissionLedger).where(eq(transmissionLedger.transmissionId, id)).orderBy(asc(transmissionLedger.id))).map(
      (l) => ({ event: l.event, detail: l.detail }),
    );

  it("accepted: acknowledged with the recipient's id, recorded in the ledger", async () => {
    receiver.mode = "accept";
    const sent = await enqueue();
    const now = new Date();
    const report = await deliverDue(t.db, adapterFor, now);
    expect(report.accusees).toBeGreaterThanOrEqual(1);
    const row = await reload(sent.id);
    const doc = receiver.documents.find((d) => d.idempotencyKey === sent.idempotencyKey)!;
    expect(row).toMatchObject({ status: "accusee", attempts: 1, acknowledgement: doc.ack, lastError: null });
    expect(doc.ack).toMatch(/^FT-\d{5}$/);
    expect(await eventsOf(sent.id)).toEqual([
      { event: "creee", detail: { kind: "inscription" } },
      { event: "envoyee", detail: { tentative: 1 } },
      { event: "accusee", detail: { accuse: doc.ack } },
    ]);
    expect(receiver.requests.at(-1)).toMatchObject({ authorization: `Bearer ${TOKEN}`, idempotencyKey: sent.idempotencyKey });
  });

  it("refused (4xx): rejetee at once, with the HTTP status only", async () => {
    receiver.mode = "reject";
    receiver.rejectStatus = 422;
    const sent = await enqueue("asp");
    await deliverDue(t.db, adapterFor, new Date());
    expect(await reload(sent.id)).toMatchObject({ status: "rejetee", attempts: 1, lastError: "HTTP 422", nextAttemptAt: null });
    expect((await eventsOf(sent.id)).map((e) => e.event)).toEqual(["creee", "rejetee"]);
    // Not retried later.
    const before = receiver.requests.length;
    await deliverDue(t.db, adapterFor, new Date(Date.now() + 24 * 3600_000));
    expect(receiver.requests.filter((r) => r.idempotencyKey === sent.idempotencyKey)).toHaveLength(1);
    expect(receiver.requests.length).toBe(before);
  });

  it("5xx then timeout: echec_temporaire with backoff, then acknowledged when the recipient recovers", async () => {
    const sent = await enqueue();
    const t0 = new Date();
    receiver.mode = "fail";
    await deliverDue(t.db, adapterFor, t0);
    let row = await reload(sent.id);
    expect(row).toMatchObject({ status: "echec_temporaire", attempts: 1, lastError: "HTTP 503" });
    expect(row.nextAttemptAt!.getTime()).toBe(t0.getTime() + backoffMs(1));

    // Not due yet: nothing is sent before the backoff.
    const hits = receiver.requests.length;
    await deliverDue(t.db, adapterFor, new Date(t0.getTime() + backoffMs(1) - 1_000));
    expect(receiver.requests.length).toBe(hits);

    receiver.mode = "hang";
    const t1 = new Date(t0.getTime() + backoffMs(1));
    await deliverDue(t.db, hangingAdapterFor, t1);
    row = await reload(sent.id);
    expect(row).toMatchObject({ status: "echec_temporaire", attempts: 2, lastError: "délai dépassé (400 ms)" });
    expect(row.nextAttemptAt!.getTime()).toBe(t1.getTime() + backoffMs(2));

    receiver.mode = "accept";
    await deliverDue(t.db, adapterFor, new Date(t1.getTime() + backoffMs(2)));
    row = await reload(sent.id);
    expect(row).toMatchObject({ status: "accusee", attempts: 3, lastError: null });
    expect(row.acknowledgement).toBe(receiver.documents.find((d) => d.idempotencyKey === sent.idempotencyKey)!.ack);
    expect((await eventsOf(sent.id)).map((e) => [e.event, e.detail?.erreur ?? null])).toEqual([
      ["creee", null],
      ["echec", "HTTP 503"],
      ["echec", "délai dépassé (400 ms)"],
      ["envoyee", null],
      ["accusee", null],
    ]);
  });

  it("acceptance: a CEJ signature replayed, the recipient down then back — exactly one document, none lost, nothing sensitive", async () => {
    receiver.mode = "accept";
    const jeune = await newJeune();
    const contrat = await newContrat(jeune.id);
    // The signing action retried: the trigger runs twice, in two transactions.
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "signature", contrat }));
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "signature", contrat }));
    const rows = await t.db.select().from(transmissions).where(eq(transmissions.jeuneId, jeune.id));
    expect(rows).toHaveLength(1);
    const sent = rows[0]!;
    expect(sent).toMatchObject({ recipient: "franceTravail", finality: "cej", kind: "inscription", status: "a_envoyer" });

    await receiver.stop();
    const t0 = new Date();
    await deliverDue(t.db, adapterFor, t0);
    let row = await reload(sent.id);
    expect(row.status).toBe("echec_temporaire");
    expect(row.lastError).toMatch(/^réseau: [A-Z_]+$/);
    await deliverDue(t.db, adapterFor, new Date(t0.getTime() + backoffMs(1)));
    row = await reload(sent.id);
    expect(row).toMatchObject({ status: "echec_temporaire", attempts: 2 });

    await receiver.start();
    const t2 = new Date(t0.getTime() + backoffMs(1) + backoffMs(2));
    await deliverDue(t.db, adapterFor, t2);
    // Later passes send nothing more.
    await deliverDue(t.db, adapterFor, new Date(t2.getTime() + 3600_000));
    row = await reload(sent.id);
    expect(row).toMatchObject({ status: "accusee", attempts: 3 });
    expect(receiver.countFor(sent.idempotencyKey)).toBe(1);
    expect(receiver.hitsFor(sent.idempotencyKey)).toBe(1);
    const doc = receiver.documents.find((d) => d.idempotencyKey === sent.idempotencyKey)!;
    expect(row.acknowledgement).toBe(doc.ack);

    const payload = doc.document.payload as Record<string, unknown>;
    expect(payload).toMatchObject({ nomNaissance: jeune.nomNaissance, contratType: "CEJ", contratDateDebut: "2026-09-01" });
    for (const key of ["commentaire", "sante", "situationJustice"]) {
      expect(payload).not.toHaveProperty(key);
      expect(doc.document.fieldNames).not.toContain(key);
    }
    const raw = JSON.stringify(doc.document);
    for (const value of ["asthme", "SPIP", "motivée"]) expect(raw).not.toContain(value);

    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
  });
});
