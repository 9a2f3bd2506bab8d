/**
 * The bytes of the documents a young person sent for a rights request: deleted when the request closes (in the
 * closing transaction) and, for a request still open, after the number of days of the setting
 * `droits.documents.conservation`. The `demande_documents` row stays as the trace (name, type, size, dates);
 * `file_id` becomes null, `deleted_at` is set and the `stored_files` row is gone.
 */
import { and, eq, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { demandeDocuments, demandesDroits, storedFiles } from "@/db/schema";
import { todayInParis } from "@/lib/calendar/civil-date";
import { settingInForce } from "@/lib/settings/read";

/** When the setting is not recorded yet: a proof of identity is not kept longer than a request normally lasts. */
export const DEFAULT_DOCUMENT_RETENTION_DAYS = 90;

/** Deletes the bytes of the given documents (rows already chosen by the caller, in its transaction). */
async function deleteFiles(tx: DbOrTx, documentIds: string[], now: Date): Promise<number> {
  if (documentIds.length === 0) return 0;
  const gone = await tx
    .update(demandeDocuments)
    .set({ deletedAt: now })
    .where(and(inArray(demandeDocuments.id, documentIds), isNull(demandeDocuments.deletedAt)))
    .returning({ fileId: demandeDocuments.fileId });
  const fileIds = gone.map((g) => g.fileId).filter((id): id is string => id !== null);
  // The foreign key sets demande_documents.file_id to null.
  if (fileIds.length) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
  return gone.length;
}

/** Every document of one request loses its bytes (the request is closing, in the caller's transaction). */
export async function deleteDemandeDocumentFiles(tx: DbOrTx, demandeId: string, now: Date = new Date()): Promise<number> {
  const rows = await tx
    .select({ id: demandeDocuments.id })
    .from(demandeDocuments)
    .where(and(eq(demandeDocuments.demandeId, demandeId), isNull(demandeDocuments.deletedAt)))
    .for("update");
  return deleteFiles(
    tx,
    rows.map((r) => r.id),
    now,
  );
}

/**
 * The retention purge of request documents: bytes of documents of closed or answered requests (in case one was
 * closed before this rule existed) and of documents older than the setting's number of days. Run by the
 * retention job; bounded per call so one run never holds a long transaction.
 */
export async function purgeRequestDocuments(
  db: Db,
  now: Date = new Date(),
  options: { limit?: number } = {},
): Promise<{ deleted: number }> {
  const setting = await settingInForce(db, "droits.documents.conservation", todayInParis(now));
  const days = setting?.value.jours ?? DEFAULT_DOCUMENT_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    const closed = tx.select({ id: demandesDroits.id }).from(demandesDroits).where(eq(demandesDroits.statut, "close"));
    const rows = await tx
      .select({ id: demandeDocuments.id })
      .from(demandeDocuments)
      .where(
        and(
          isNull(demandeDocuments.deletedAt),
          isNotNull(demandeDocuments.fileId),
          or(lte(demandeDocuments.createdAt, cutoff), inArray(demandeDocuments.demandeId, closed)),
        ),
      )
      .limit(options.limit ?? 500)
      .for("update", { skipLocked: true });
    return {
      deleted: await deleteFiles(
        tx,
        rows.map((r) => r.id),
        now,
      ),
    };
  });
}
