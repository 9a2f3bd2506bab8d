import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { accessPackJobs, auditLog, demandeEvenements, demandesDroits, jeunes, storedFiles } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runDownload } from "@/lib/actions/download";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listRegistre } from "./queries";
import { MAX_PACK_ATTEMPTS, STALE_CLAIM_MS, claimPackJob, expireAccessPacks, preparePackJob, runAccessPackJobs } from "./pack-jobs";
import { myAccessPackDownload } from "./pack-download";
import { getMyLatestPack } from "./pack-queries";
import { PACK_ALREADY_PENDING, PACK_OBJET, requestAccessPack, retryAccessPack } from "./pack-writes";

const DAY = 86_400_000;

describe("access pack asked from Mon espace", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let lea: SessionUser;
  let tom: SessionUser;
  let dpo: SessionUser;

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
    lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    tom = await sessionUserFor(t.db, "tom.girard@exemple.fr");
    dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
  });

  const jobOf = async (id: string) => (await t.db.select().from(accessPackJobs).where(eq(accessPackJobs.id, id)))[0]!;
  const fileCount = async () => (await t.db.select({ n: count() }).from(storedFiles))[0]!.n;
  async function until(check: () => Promise<boolean>, ms = 30_000) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  let numero = 0;
  const newJob = async (user: SessionUser, values: Partial<typeof accessPackJobs.$inferInsert> = {}) => {
    const [j] = await t.db.select({ structureId: jeunes.structureId }).from(jeunes).where(eq(jeunes.id, user.jeuneId!));
    const [d] = await t.db
      .insert(demandesDroits)
      .values({
        numero: `2099-${String(++numero).padStart(4, "0")}`,
        structureId: j!.structureId,
        jeuneId: user.jeuneId!,
        type: "acces",
        canal: "espace_jeune",
        objet: PACK_OBJET,
        recueLe: today,
        statut: "en_cours",
      })
      .returning();
    const [job] = await t.db
      .insert(accessPackJobs)
      .values({ jeuneId: user.jeuneId!, structureId: d!.structureId, demandeId: d!.id, ...values })
      .returning();
    return job!;
  };

  let jobId: string;
  let demandeId: string;

  it("records an access request in the register and a job, prepared right after the commit", async () => {
    const result = await runAction(requestAccessPack, {}, lea);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    ({ jobId, demandeId } = result.data);
    const [d] = await t.db.select().from(demandesDroits).where(eq(demandesDroits.id, demandeId));
    expect(d).toMatchObject({ type: "acces", canal: "espace_jeune", statut: "en_cours", objet: PACK_OBJET, jeuneId: lea.jeuneId });
    expect(d!.echeance).not.toBeNull();
    // The DPO sees it like any access request: in the register (and so in the queue of the structure).
    expect((await listRegistre(dpo)).some((r) => r.numero === d!.numero && r.canal === "espace_jeune")).toBe(true);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.targetId, demandeId));
    expect(audits.map((a) => a.action).sort()).toEqual(["droits.demande_create", "droits.pack_demande"]);

    // A second request while the first is prepared is refused, and writes nothing.
    const before = (await t.db.select({ n: count() }).from(demandesDroits))[0]!.n;
    expect(await runAction(requestAccessPack, {}, lea)).toMatchObject({ ok: false, code: "conflict", message: PACK_ALREADY_PENDING });
    expect((await t.db.select({ n: count() }).from(demandesDroits))[0]!.n).toBe(before);

    await until(async () => (await jobOf(jobId)).status === "pret");
    const job = await jobOf(jobId);
    expect(job).toMatchObject({ progress: 100, attempts: 1, claimedBy: null });
    expect(job.expiresAt!.getTime() - job.readyAt!.getTime()).toBe(7 * DAY);
    expect(job.pdfFileId).not.toBeNull();
    const events = await t.db.select().from(demandeEvenements).where(eq(demandeEvenements.demandeId, demandeId));
    expect(events.map((e) => e.type)).toContain("dossier_pret");
    expect(await getMyLatestPack(lea)).toMatchObject({ id: jobId, status: "pret", numero: d!.numero });
    expect(await getMyLatestPack(tom)).toBeNull();
    expect(await getMyLatestPack(dpo)).toBeNull();
  });

  it("is downloaded by that young person only, as the DPO's pack would be, audited", async () => {
    const pdf = await runDownload(myAccessPackDownload, { id: jobId, document: "dossier-acces.pdf" }, lea);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toMatch(/^attachment; filename="dossier-acces-\d{4}-\d{4}\.pdf"$/);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    const json = await runDownload(myAccessPackDownload, { id: jobId, document: "dossier-acces.json" }, lea);
    const pack = JSON.parse(await json.text());
    expect(pack.jeune.id).toBe(lea.jeuneId);
    expect(pack.demande.id).toBe(demandeId);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "droits.pack_telechargement"), eq(auditLog.targetId, demandeId)));
    expect(audits).toHaveLength(2);
    // Another young person: not found; staff: not theirs to download here; a made-up id: not found.
    expect((await runDownload(myAccessPackDownload, { id: jobId, document: "dossier-acces.pdf" }, tom)).status).toBe(404);
    expect((await runDownload(myAccessPackDownload, { id: jobId, document: "dossier-acces.pdf" }, dpo)).status).toBe(403);
    expect(
      (await runDownload(myAccessPackDownload, { id: "0190a1b2-0000-7000-8000-000000000000", document: "dossier-acces.pdf" }, lea)).status,
    ).toBe(404);
  });

  it("expires after 7 days: files deleted, the job kept as « expiré », the download gone", async () => {
    const job = await jobOf(jobId);
    const files = await fileCount();
    expect(await expireAccessPacks(t.db, new Date(job.expiresAt!.getTime() - 1000))).toBe(0);
    expect(await expireAccessPacks(t.db, job.expiresAt!)).toBe(1);
    expect(await jobOf(jobId)).toMatchObject({ status: "expire", pdfFileId: null, jsonFileId: null });
    expect(await fileCount()).toBe(files - 2);
    expect((await runDownload(myAccessPackDownload, { id: jobId, document: "dossier-acces.pdf" }, lea)).status).toBe(404);
    expect(await getMyLatestPack(lea)).toMatchObject({ status: "expire" });
  });

  it("is built by one worker when two claim the same job", async () => {
    const job = await newJob(tom);
    const now = new Date();
    const claims = await Promise.all([claimPackJob(t.db, "w1", now, job.id), claimPackJob(t.db, "w2", now, job.id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims.find(Boolean)!;
    // The loser finds nothing to do either in its own pass.
    const other = winner.claimedBy === "w1" ? "w2" : "w1";
    expect(await runAccessPackJobs(t.db, { claimer: other, now })).toMatchObject({ prets: 0, echecs: 0 });
    expect(await preparePackJob(t.db, winner, winner.claimedBy!, now)).toBe("pret");
    expect(await jobOf(job.id)).toMatchObject({ status: "pret", attempts: 1 });
  });

  it("two worker passes at once build a waiting job once", async () => {
    const job = await newJob(tom);
    const files = await fileCount();
    const [a, b] = await Promise.all([runAccessPackJobs(t.db, { claimer: "wa" }), runAccessPackJobs(t.db, { claimer: "wb" })]);
    expect(a.prets + b.prets).toBe(1);
    expect(await jobOf(job.id)).toMatchObject({ status: "pret", attempts: 1 });
    expect(await fileCount()).toBe(files + 2);
  });

  it("takes over a stale claim, and the late holder's result is dropped", async () => {
    const job = await newJob(tom);
    const now = new Date();
    const first = (await claimPackJob(t.db, "dead", now, job.id))!;
    expect(await claimPackJob(t.db, "w2", new Date(now.getTime() + 1000), job.id)).toBeNull();
    const second = (await claimPackJob(t.db, "w2", new Date(now.getTime() + STALE_CLAIM_MS + 1000), job.id))!;
    expect(second).toMatchObject({ claimedBy: "w2", attempts: 2 });
    expect(await preparePackJob(t.db, first, "dead", now)).toBe("perdu");
    expect(await preparePackJob(t.db, second, "w2", now)).toBe("pret");
  });

  it("retries a failing preparation, then shows « échec » and starts again on « Réessayer »", async () => {
    const job = await newJob(lea, { demandeId: null });
    for (let i = 1; i <= MAX_PACK_ATTEMPTS; i++) {
      const claimed = (await claimPackJob(t.db, "w", new Date(), job.id))!;
      expect(await preparePackJob(t.db, claimed, "w")).toBe(i < MAX_PACK_ATTEMPTS ? "reessai" : "echec");
    }
    expect(await jobOf(job.id)).toMatchObject({ status: "echec", lastError: "demande_absente", attempts: MAX_PACK_ATTEMPTS });
    expect(await claimPackJob(t.db, "w", new Date(), job.id)).toBeNull();
    expect(await getMyLatestPack(lea)).toMatchObject({ id: job.id, status: "echec" });
    // Tom cannot restart Léa's; Léa can.
    expect(await runAction(retryAccessPack, {}, tom)).toMatchObject({ ok: false, code: "conflict" });
    expect(await runAction(retryAccessPack, {}, lea)).toMatchObject({ ok: true, data: { jobId: job.id } });
    // Still no request behind it: it fails again (after the commit), visibly.
    await until(async () => (await jobOf(job.id)).status !== "en_preparation" && (await jobOf(job.id)).attempts > 0);
    expect((await jobOf(job.id)).status).toBe("en_attente");
  });
});
