import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, jeunes, structures, transmissionLedger, transmissions, type Jeune } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runDownload } from "@/lib/actions/download";
import { runAction } from "@/lib/actions/run";
import { todayInParis } from "@/lib/calendar/civil-date";
import { parseCsv } from "@/lib/csv";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import type { AdapterFor } from "./adapters";
import { parseTransmissionParams } from "./admin-params";
import { TRANSMISSIONS_CSV_HEADER, transmissionsCsv } from "./admin-csv";
import { countTransmissionsForExport, listTransmissions, transmissionExportPages } from "./admin-queries";
import { enqueueTransmission } from "./enqueue";
import { transmissionsDownload } from "./export-download";
import { verifyLedger } from "./ledger";
import { retryTransmission } from "./retry-writes";
import { MAX_ATTEMPTS, backoffMs, deliverDue } from "./worker";

const DPO = "dpo.lyon@sillage.demo";
const DIRECTRICE_LYON = "directrice.lyon@sillage.demo";
const DIRECTEUR_MARSEILLE = "directeur.marseille@sillage.demo";
const CONSEILLERE = "conseillere.lyon@sillage.demo";
const ADMIN = "admin@sillage.demo";

/** Scripted recipient: France Travail always 503, ASP refuses, CPAM acknowledges. */
const scripted: AdapterFor = (recipient) => ({
  send: async (t) =>
    recipient === "franceTravail"
      ? { ok: false, permanent: false, error: "HTTP 503" }
      : recipient === "asp"
        ? { ok: false, permanent: true, error: "HTTP 422" }
        : { ok: true, ack: `CPAM-${t.id.slice(0, 8)}` },
});
const accepting: AdapterFor = () => ({ send: async (t) => ({ ok: true, ack: `ACK-${t.id.slice(0, 8)}` }) });

describe("transfers page, CSV export and relaunch of dead letters", () => {
  const t = useTestDatabase();
  let lyonJeune: Jeune;
  let limitedJeune: Jeune;
  let marseilleJeune: Jeune;
  let lyonId: string;
  let marseilleId: string;
  let n = 0;

  beforeAll(async () => {
    await seedDemo(t.db, { today: todayInParis(new Date()), jeunesPerStructure: 4 });
    const [lyon] = await t.db.select().from(structures).where(eq(structures.siret, "77950697800013"));
    const [marseille] = await t.db.select().from(structures).where(eq(structures.siret, "41849263500010"));
    lyonId = lyon!.id;
    marseilleId = marseille!.id;
    const lyonRows = await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyonId)).orderBy(asc(jeunes.nomNaissance));
    lyonJeune = lyonRows.find((j) => j.limitationDepuis === null && j.anonymisedAt === null)!;
    limitedJeune = lyonRows.find((j) => j.limitationDepuis === null && j.anonymisedAt === null && j.id !== lyonJeune.id)!;
    [marseilleJeune] = (await t.db
      .select()
      .from(jeunes)
      .where(and(eq(jeunes.structureId, marseilleId)))
      .limit(1)) as [Jeune];
  });

  const enqueue = async (jeune: Jeune, recipient: "franceTravail" | "asp" | "cnamCpam") => {
    n += 1;
    const key = `test-admin-${n}:${jeune.id}`;
    const data = { ...jeune, contratType: "CEJ", allocationMontant: 56168, allocationPeriode: "2026-11", foyerImposable: false };
    const { transmission } = await t.db.transaction((tx) =>
      recipient === "franceTravail"
        ? enqueueTransmission(tx, { jeuneId: jeune.id, recipient, finality: "cej", kind: "inscription", data, idempotencyKey: key })
        : recipient === "asp"
          ? enqueueTransmission(tx, { jeuneId: jeune.id, recipient, finality: "allocation", kind: "paiement", data, idempotencyKey: key })
          : enqueueTransmission(tx, { jeuneId: jeune.id, recipient, finality: "c2s", kind: "c2s", data, idempotencyKey: key }),
    );
    return transmission;
  };
  const reload = async (id: string) => (await t.db.select().from(transmissions).where(eq(transmissions.id, id)))[0]!;

  /** Runs the worker until France Travail's transfer is abandoned (MAX_ATTEMPTS failures, each after its backoff). */
  const abandon = async (id: string) => {
    let now = new Date();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await deliverDue(t.db, scripted, now);
      now = new Date(now.getTime() + backoffMs(i));
    }
    expect(await reload(id)).toMatchObject({ status: "abandonnee", attempts: MAX_ATTEMPTS, lastError: "HTTP 503" });
  };

  let deadLetter: string;
  let refused: string;
  let acknowledged: string;
  let marseilleRefused: string;

  it("builds one transfer of every outcome in Lyon and a refused one in Marseille", async () => {
    deadLetter = (await enqueue(lyonJeune, "franceTravail")).id;
    refused = (await enqueue(lyonJeune, "asp")).id;
    acknowledged = (await enqueue(lyonJeune, "cnamCpam")).id;
    marseilleRefused = (await enqueue(marseilleJeune, "asp")).id;
    await abandon(deadLetter);
    expect(await reload(refused)).toMatchObject({ status: "rejetee", lastError: "HTTP 422" });
    expect(await reload(acknowledged)).toMatchObject({ status: "accusee" });
    expect(await reload(marseilleRefused)).toMatchObject({ status: "rejetee" });
  });

  it("lists the caller's structure only, newest first, with per-status counts and filters", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    const all = await listTransmissions(dpo, parseTransmissionParams({}));
    const ids = all.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([deadLetter, refused, acknowledged]));
    expect(ids).not.toContain(marseilleRefused);
    expect(all.rows.every((r) => r.structureId === lyonId)).toBe(true);
    const times = all.rows.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.counts.abandonnee).toBe(1);
    expect(all.counts.rejetee).toBe(1);
    expect(all.counts.accusee).toBe(1);
    // No payload value is ever selected.
    expect(Object.keys(all.rows[0]!)).not.toContain("payload");

    const asp = await listTransmissions(dpo, parseTransmissionParams({ destinataire: "asp" }));
    expect(asp.rows.map((r) => r.id)).toEqual([refused]);
    // Counts follow the other filters, not the status.
    const aspRejetees = await listTransmissions(dpo, parseTransmissionParams({ destinataire: "asp", statut: "accusee" }));
    expect(aspRejetees.rows).toHaveLength(0);
    expect(aspRejetees.counts.rejetee).toBe(1);
    const byFinality = await listTransmissions(dpo, parseTransmissionParams({ finalite: "c2s" }));
    expect(byFinality.rows.map((r) => r.id)).toEqual([acknowledged]);

    const today = todayInParis(new Date());
    expect((await listTransmissions(dpo, parseTransmissionParams({ du: today, au: today }))).total).toBe(3);
    expect((await listTransmissions(dpo, parseTransmissionParams({ au: "2020-01-01" }))).total).toBe(0);
    // A page beyond the last shows the last one.
    expect((await listTransmissions(dpo, parseTransmissionParams({ page: "50" }))).page).toBe(1);
  });

  it("a Marseille director sees no Lyon transfer, even filtering on Lyon's structure; the admin sees both or one", async () => {
    const karim = await sessionUserFor(t.db, DIRECTEUR_MARSEILLE);
    const list = await listTransmissions(karim, parseTransmissionParams({ structure: lyonId }));
    expect(list.rows.map((r) => r.id)).toEqual([marseilleRefused]);
    const exported = [];
    for await (const page of transmissionExportPages(karim, parseTransmissionParams({}))) exported.push(...page);
    expect(exported.map((r) => r.id)).toEqual([marseilleRefused]);
    expect(await countTransmissionsForExport(karim, parseTransmissionParams({}))).toBe(1);

    const admin = await sessionUserFor(t.db, ADMIN);
    const everything = (await listTransmissions(admin, parseTransmissionParams({}))).rows.map((r) => r.id);
    expect(everything).toEqual(expect.arrayContaining([deadLetter, marseilleRefused]));
    const marseilleOnly = (await listTransmissions(admin, parseTransmissionParams({ structure: marseilleId }))).rows.map((r) => r.id);
    expect(marseilleOnly).toEqual([marseilleRefused]);
  });

  it("the CSV has the header, field names and no payload value", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    const rows = [];
    for await (const page of transmissionExportPages(dpo, parseTransmissionParams({ destinataire: "franceTravail" }))) rows.push(...page);
    const text = transmissionsCsv(rows);
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(TRANSMISSIONS_CSV_HEADER);
    expect(parsed).toHaveLength(2);
    const line = parsed[1]!;
    expect(line[3]).toBe(deadLetter);
    expect(line).toContain("France Travail");
    expect(line).toContain("HTTP 503");
    expect(line.join(";")).toMatch(/Nom de naissance/);
    expect(text).not.toContain(lyonJeune.nomNaissance);
    expect(text).not.toContain(lyonJeune.email ?? "@@");
  });

  it("downloads the selection as an audited CSV attachment, odd filters falling back to the defaults", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    const response = await runDownload(transmissionsDownload, { destinataire: "franceTravail", statut: "\u0000", du: "zz" }, dpo);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="transmissions-${todayInParis(new Date())}.csv"`);
    const parsed = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(parsed.slice(1).map((line) => line[3])).toEqual([deadLetter]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "transmissions.export"), eq(auditLog.actorId, dpo.id)));
    expect(entry).toMatchObject({
      structureId: dpo.structureId,
      meta: { lignes: 1, destinataire: "franceTravail", statut: null, finalite: null, du: null, au: null },
    });

    const camille = await sessionUserFor(t.db, CONSEILLERE);
    expect((await runDownload(transmissionsDownload, {}, camille)).status).toBe(403);
    expect((await runDownload(transmissionsDownload, {}, null)).status).toBe(401);
  });

  it("refuses a counsellor, and a Marseille director on a Lyon transfer (as not found), writing nothing", async () => {
    const camille = await sessionUserFor(t.db, CONSEILLERE);
    expect(await runAction(retryTransmission, { transmissionId: deadLetter }, camille)).toMatchObject({ ok: false, code: "forbidden" });
    const admin = await sessionUserFor(t.db, ADMIN);
    expect(await runAction(retryTransmission, { transmissionId: deadLetter }, admin)).toMatchObject({ ok: false, code: "forbidden" });
    const karim = await sessionUserFor(t.db, DIRECTEUR_MARSEILLE);
    expect(await runAction(retryTransmission, { transmissionId: deadLetter }, karim)).toMatchObject({ ok: false, code: "not_found" });
    expect(await reload(deadLetter)).toMatchObject({ status: "abandonnee" });
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "transmissions.relance"), eq(auditLog.targetId, deadLetter))),
    ).toHaveLength(0);
  });

  it("bad input is a form error, not a crash", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    expect(await runAction(retryTransmission, { transmissionId: "pas-un-uuid" }, dpo)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await runAction(retryTransmission, {}, dpo)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await runAction(retryTransmission, { transmissionId: "0193a4b2-0000-7000-8000-000000000999" }, dpo)).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("relaunches a dead letter: back in the queue, attempts reset, ledger `liberee` (relance), audited with the young person; then delivered", async () => {
    const dpo = await sessionUserFor(t.db, DPO);
    const result = await runAction(retryTransmission, { transmissionId: deadLetter, retour: "statut=abandonnee" }, dpo);
    expect(result).toMatchObject({ ok: true, data: { id: deadLetter, jeuneId: lyonJeune.id, retour: "statut=abandonnee" } });
    expect(await reload(deadLetter)).toMatchObject({ status: "a_envoyer", attempts: 0, lastError: null });
    const ledger = await t.db
      .select()
      .from(transmissionLedger)
      .where(eq(transmissionLedger.transmissionId, deadLetter))
      .orderBy(asc(transmissionLedger.id));
    expect(ledger.at(-1)).toMatchObject({
      event: "liberee",
      detail: { motif: "relance", statutPrecedent: "abandonnee", tentatives: MAX_ATTEMPTS },
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "transmissions.relance"), eq(auditLog.targetId, deadLetter)));
    expect(audit).toMatchObject({
      jeuneId: lyonJeune.id,
      structureId: lyonId,
      targetType: "transmission",
      fields: ["status", "attempts", "nextAttemptAt", "lastError"],
    });
    expect(JSON.stringify(audit!.meta)).not.toContain(lyonJeune.nomNaissance);

    // Twice: nothing to relaunch any more.
    expect(await runAction(retryTransmission, { transmissionId: deadLetter }, dpo)).toMatchObject({ ok: false, code: "conflict" });

    await deliverDue(t.db, accepting, new Date());
    expect(await reload(deadLetter)).toMatchObject({ status: "accusee", attempts: 1 });
    // An acknowledged transfer cannot be relaunched.
    expect(await runAction(retryTransmission, { transmissionId: acknowledged }, dpo)).toMatchObject({ ok: false, code: "conflict" });
    expect(await verifyLedger(t.db)).toMatchObject({ ok: true });
  });

  it("relaunches a refused transfer for the Lyon director too", async () => {
    const nadia = await sessionUserFor(t.db, DIRECTRICE_LYON);
    expect(await runAction(retryTransmission, { transmissionId: refused }, nadia)).toMatchObject({ ok: true });
    expect(await reload(refused)).toMatchObject({ status: "a_envoyer", attempts: 0 });
  });

  it("refuses while the young person's data is limited: the transfer stays where it is", async () => {
    const held = await enqueue(limitedJeune, "asp");
    await deliverDue(t.db, scripted, new Date());
    expect(await reload(held.id)).toMatchObject({ status: "rejetee" });
    await t.db.update(jeunes).set({ limitationDepuis: new Date() }).where(eq(jeunes.id, limitedJeune.id));
    const dpo = await sessionUserFor(t.db, DPO);
    const result = await runAction(retryTransmission, { transmissionId: held.id }, dpo);
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(result.ok ? "" : result.message).toMatch(/limité/);
    expect(await reload(held.id)).toMatchObject({ status: "rejetee", attempts: 1 });
    await t.db.update(jeunes).set({ limitationDepuis: null }).where(eq(jeunes.id, limitedJeune.id));
  });
});
