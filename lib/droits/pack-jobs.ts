/**
 * The background preparation of a young person's access pack (asked from Mon espace): the same builder and
 * masking as the DPO's pack (access-pack.ts), rendered to PDF and JSON, stored in `stored_files`, available
 * PACK_VALID_DAYS days. A job is claimed by one process at a time (`for update skip locked`, then `claimed_by`);
 * a claim older than STALE_CLAIM_MS (a process that died) is taken over; a failure is retried up to
 * MAX_PACK_ATTEMPTS, then shown as « échec » with « Réessayer ».
 */
import "server-only";
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { and, asc, eq, inArray, isNotNull, lt, lte, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accessPackJobs, demandesDroits, storedFiles, type AccessPackJob } from "@/db/schema";
import { formatDateTime } from "@/lib/format/fr";
import { logger } from "@/lib/log/logger";
import { accessPackJson, buildAccessPack } from "./access-pack";
import { renderAccessPackPdf } from "./access-pack-pdf";
import { addEvent } from "./store";

export { PACK_VALID_DAYS } from "./pack-rules";
import { PACK_VALID_DAYS } from "./pack-rules";
export const MAX_PACK_ATTEMPTS = 3;
export const STALE_CLAIM_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Who holds a job: this process (host:pid). */
export function packClaimer(): string {
  return `${hostname()}:${process.pid}`;
}

/** Takes one job that is due (or the one named): waiting, or held by a claim gone stale. Null when none is free. */
export async function claimPackJob(db: Db, claimer: string, now: Date, jobId?: string): Promise<AccessPackJob | null> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(accessPackJobs)
      .where(
        and(
          jobId ? eq(accessPackJobs.id, jobId) : undefined,
          lt(accessPackJobs.attempts, MAX_PACK_ATTEMPTS),
          or(
            eq(accessPackJobs.status, "en_attente"),
            and(eq(accessPackJobs.status, "en_preparation"), lt(accessPackJobs.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))),
          ),
        ),
      )
      .orderBy(asc(accessPackJobs.createdAt), asc(accessPackJobs.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!job) return null;
    const [claimed] = await tx
      .update(accessPackJobs)
      .set({ status: "en_preparation", claimedBy: claimer, claimedAt: now, attempts: job.attempts + 1, progress: 5, lastError: null })
      .where(eq(accessPackJobs.id, job.id))
      .returning();
    return claimed ?? null;
  });
}

/** Progress while the job is still this claimer's (a job taken over by another process is left alone). */
async function setProgress(db: DbOrTx, job: AccessPackJob, claimer: string, progress: number): Promise<void> {
  await db
    .update(accessPackJobs)
    .set({ progress })
    .where(and(eq(accessPackJobs.id, job.id), eq(accessPackJobs.claimedBy, claimer), eq(accessPackJobs.status, "en_preparation")));
}

async function storeFile(db: DbOrTx, structureId: string, contentType: string, bytes: Uint8Array): Promise<string> {
  const [row] = await db
    .insert(storedFiles)
    .values({
      structureId,
      contentType,
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: Buffer.from(bytes),
    })
    .returning({ id: storedFiles.id });
  return row!.id;
}

export type PackOutcome = "pret" | "reessai" | "echec" | "perdu";

/** Builds a claimed job's pack and stores it; a failure is recorded with a technical code only. */
export async function preparePackJob(db: Db, job: AccessPackJob, claimer: string, now: Date = new Date()): Promise<PackOutcome> {
  try {
    const [demande] = job.demandeId ? await db.select().from(demandesDroits).where(eq(demandesDroits.id, job.demandeId)) : [];
    if (!demande) throw Object.assign(new Error("request missing"), { code: "demande_absente" });
    await setProgress(db, job, claimer, 20);
    const pack = await buildAccessPack(db, demande, now);
    await setProgress(db, job, claimer, 50);
    const pdf = await renderAccessPackPdf(pack);
    await setProgress(db, job, claimer, 85);
    const json = new TextEncoder().encode(accessPackJson(pack));
    const expiresAt = new Date(now.getTime() + PACK_VALID_DAYS * DAY_MS);
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(accessPackJobs).where(eq(accessPackJobs.id, job.id)).for("update");
      // Taken over after a stale claim, or cancelled: the other holder's result stands.
      if (!current || current.claimedBy !== claimer || current.status !== "en_preparation") return "perdu" as const;
      const pdfFileId = await storeFile(tx, job.structureId, "application/pdf", pdf);
      const jsonFileId = await storeFile(tx, job.structureId, "application/json", json);
      await tx
        .update(accessPackJobs)
        .set({ status: "pret", progress: 100, readyAt: now, expiresAt, pdfFileId, jsonFileId, claimedBy: null, lastError: null })
        .where(eq(accessPackJobs.id, job.id));
      await addEvent(
        tx,
        demande.id,
        "dossier_pret",
        null,
        `Votre dossier est prêt. Vous pouvez le télécharger dans Mon espace jusqu'au ${formatDateTime(expiresAt)}.`,
      );
      return "pret" as const;
    });
  } catch (error) {
    const code = (error as { code?: string })?.code ?? (error instanceof Error ? error.name : "inconnue");
    const final = job.attempts >= MAX_PACK_ATTEMPTS;
    await db
      .update(accessPackJobs)
      .set({ status: final ? "echec" : "en_attente", lastError: String(code).slice(0, 60), claimedBy: null, progress: 0 })
      .where(and(eq(accessPackJobs.id, job.id), eq(accessPackJobs.claimedBy, claimer)));
    logger.warn({ job: job.id, err: { type: error instanceof Error ? error.name : typeof error, code } }, "access pack preparation failed");
    return final ? "echec" : "reessai";
  }
}

export interface PackRunReport {
  prets: number;
  echecs: number;
  expires: number;
}

/**
 * The worker's pass: prepares the jobs left waiting (an after-commit preparation that never ran or failed), up
 * to `limit`, then expires the packs past their 7 days. Safe to run on several workers at once.
 */
export async function runAccessPackJobs(db: Db, options: { now?: Date; claimer?: string; limit?: number } = {}): Promise<PackRunReport> {
  const now = options.now ?? new Date();
  const claimer = options.claimer ?? packClaimer();
  const report: PackRunReport = { prets: 0, echecs: 0, expires: 0 };
  for (let i = 0; i < (options.limit ?? 5); i++) {
    const job = await claimPackJob(db, claimer, now);
    if (!job) break;
    const outcome = await preparePackJob(db, job, claimer, now);
    if (outcome === "pret") report.prets += 1;
    else if (outcome !== "perdu") report.echecs += 1;
  }
  report.expires = await expireAccessPacks(db, now);
  return report;
}

/** Packs past their availability: the files are deleted, the job stays (« plus disponible ») as the trace. */
export async function expireAccessPacks(db: Db, now: Date = new Date(), limit = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: accessPackJobs.id, pdf: accessPackJobs.pdfFileId, json: accessPackJobs.jsonFileId })
      .from(accessPackJobs)
      .where(and(eq(accessPackJobs.status, "pret"), isNotNull(accessPackJobs.expiresAt), lte(accessPackJobs.expiresAt, now)))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return 0;
    await tx
      .update(accessPackJobs)
      .set({ status: "expire", pdfFileId: null, jsonFileId: null })
      .where(
        inArray(
          accessPackJobs.id,
          due.map((d) => d.id),
        ),
      );
    const files = due.flatMap((d) => [d.pdf, d.json]).filter((id): id is string => id !== null);
    if (files.length) await tx.delete(storedFiles).where(inArray(storedFiles.id, files));
    return due.length;
  });
}
