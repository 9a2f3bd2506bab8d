import { asc, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ledgerVerifications, retentionRuns, transmissionLedger } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import type { SessionUser } from "@/lib/auth/session-user";
import { listConsultationLog } from "@/lib/consultations/queries";
import { listQueue } from "@/lib/droits/queries";
import { parseQueueParams } from "@/lib/droits/queue-params";
import { parseTransmissionParams } from "@/lib/transmissions/admin-params";
import { listTransmissions } from "@/lib/transmissions/admin-queries";
import { LEDGER_VERIFY_EVERY_MS, recordLedgerVerification, verifyLedgerIfDue } from "@/lib/transmissions/ledger-check";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { loadConformite } from "./queries";

const TODAY = "2026-11-25";
const query = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("the DPO's dashboard", () => {
  const t = useTestDatabase();
  let dpo: SessionUser;
  let nadia: SessionUser;
  let camille: SessionUser;
  let admin: SessionUser;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 30, extras: true });
    dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    admin = await sessionUserFor(t.db, "admin@sillage.demo");
  });

  it("every figure equals the count of the list it links to (rights queue, transfers, consultation log)", async () => {
    const data = await loadConformite(dpo, TODAY);
    const queueTotal = async (href: string) => (await listQueue(dpo, parseQueueParams(query(href)), TODAY)).total;
    expect(data.droits.ouvertes.value).toBeGreaterThan(0);
    expect(await queueTotal(data.droits.ouvertes.href)).toBe(data.droits.ouvertes.value);
    expect(await queueTotal(data.droits.enRetard.href)).toBe(data.droits.enRetard.value);
    for (const s of data.droits.parStatut) expect(await queueTotal(s.href), s.href).toBe(s.value);
    // The "within 7 days" figure is the queue's own count.
    expect((await listQueue(dpo, parseQueueParams({}), TODAY)).counts.bientot).toBe(data.droits.bientot);

    expect(data.transmissions.parDestinataire.length).toBeGreaterThan(0);
    for (const r of data.transmissions.parDestinataire) {
      for (const f of [r.total, ...Object.values(r.statuts)]) {
        expect((await listTransmissions(dpo, parseTransmissionParams(query(f.href)))).total, f.href).toBe(f.value);
      }
    }

    expect(data.consultations.horsPortefeuille.value).toBeGreaterThan(0);
    const log = async (href: string) => {
      const q = query(href);
      return (await listConsultationLog(dpo, { page: 1, horsPortefeuille: q.hors === "1", motif: (q.motif as never) ?? null })).total;
    };
    expect(await log(data.consultations.horsPortefeuille.href)).toBe(data.consultations.horsPortefeuille.value);
    for (const m of data.consultations.parMotif) expect(await log(m.href), m.href).toBe(m.value);
    expect(data.consultations.parMotif.reduce((a, m) => a + m.value, 0)).toBe(data.consultations.horsPortefeuille.value);
  });

  it("the director reads the same dashboard; a counsellor and the admin are refused", async () => {
    const forDpo = await loadConformite(dpo, TODAY);
    const forDirector = await loadConformite(nadia, TODAY);
    expect(forDirector.droits).toEqual(forDpo.droits);
    await expect(loadConformite(camille, TODAY)).rejects.toMatchObject({ code: "forbidden" });
    await expect(loadConformite(admin, TODAY)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows the last retention runs with their counts", async () => {
    await t.db.insert(retentionRuns).values([
      {
        trigger: "worker",
        status: "termine",
        startedAt: new Date("2026-11-24T02:00:00Z"),
        counts: { dossiers: { examined: 12, done: 3, skipped: 1 } },
      },
      { trigger: "dpo", dryRun: true, status: "en_cours", startedAt: new Date("2026-11-25T02:00:00Z"), progress: { done: 4, total: 10 } },
    ]);
    const { retention } = await loadConformite(dpo, TODAY);
    expect(retention.map((r) => r.status)).toEqual(["en_cours", "termine"]);
    expect(retention[1]!.counts.dossiers).toEqual({ examined: 12, done: 3, skipped: 1 });
    expect(retention[0]!.progress).toEqual({ done: 4, total: 10 });
  });

  it("stores each ledger walk; the worker's daily walk runs once a day; a broken chain is shown with its entry", async () => {
    expect((await loadConformite(dpo, TODAY)).ledger).toBeNull();
    const now = new Date();
    const first = await verifyLedgerIfDue(t.db, now);
    expect(first).toMatchObject({ ok: true });
    expect(await verifyLedgerIfDue(t.db, new Date(now.getTime() + LEDGER_VERIFY_EVERY_MS - 1000))).toBeNull();
    expect(await verifyLedgerIfDue(t.db, new Date(now.getTime() + LEDGER_VERIFY_EVERY_MS))).toMatchObject({ ok: true });
    expect(await t.db.$count(ledgerVerifications)).toBe(2);
    const stored = (await loadConformite(dpo, TODAY)).ledger!;
    expect(stored).toMatchObject({ ok: true, firstBadSeq: null, error: null });
    expect(stored.entriesChecked).toBeGreaterThan(0);
    expect(stored.finishedAt).not.toBeNull();

    const entries = await t.db.select().from(transmissionLedger).orderBy(asc(transmissionLedger.id));
    const victim = entries[Math.floor(entries.length / 2)]!;
    await t.db.execute(sql`alter table transmission_ledger disable trigger transmission_ledger_append_only`);
    try {
      await t.db.execute(sql`update transmission_ledger set field_names = array['nomNaissance'] where id = ${victim.id}`);
    } finally {
      await t.db.execute(sql`alter table transmission_ledger enable trigger transmission_ledger_append_only`);
    }
    await recordLedgerVerification(t.db, new Date(now.getTime() + 2 * LEDGER_VERIFY_EVERY_MS));
    expect((await loadConformite(dpo, TODAY)).ledger).toMatchObject({ ok: false, firstBadSeq: victim.id });
  });
});
