import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { demandeDocuments, demandePauses, demandesDroits } from "@/db/schema";
import { structureScope, type SessionUser } from "@/lib/auth/session-user";

const columns = {
  id: demandeDocuments.id,
  demandeId: demandeDocuments.demandeId,
  filename: demandeDocuments.filename,
  contentType: demandeDocuments.contentType,
  sizeBytes: demandeDocuments.sizeBytes,
  createdAt: demandeDocuments.createdAt,
  deletedAt: demandeDocuments.deletedAt,
};

/** The documents sent for a request of the caller's structure (staff with droits.read): metadata, never bytes. */
export async function listDemandeDocuments(user: SessionUser, demandeId: string) {
  const db = await getDb();
  const scope = structureScope(user);
  return db
    .select(columns)
    .from(demandeDocuments)
    .innerJoin(demandesDroits, eq(demandesDroits.id, demandeDocuments.demandeId))
    .where(and(eq(demandeDocuments.demandeId, demandeId), ...(scope ? [eq(demandesDroits.structureId, scope)] : [])))
    .orderBy(asc(demandeDocuments.createdAt), asc(demandeDocuments.id));
}

export interface MyDocumentSlot {
  /** What the DPO asked for, when a document is awaited (an open identity pause). */
  attendu: string | null;
  documents: { id: string; filename: string; createdAt: Date; deletedAt: Date | null }[];
}

/** For each of my requests: whether a document is awaited and what I already sent (the session's file only). */
export async function listMyDocumentSlots(user: SessionUser): Promise<Map<string, MyDocumentSlot>> {
  const slots = new Map<string, MyDocumentSlot>();
  if (user.role !== "jeune" || !user.jeuneId) return slots;
  const db = await getDb();
  const [pauses, documents] = await Promise.all([
    db
      .select({ demandeId: demandePauses.demandeId, objet: demandePauses.objet })
      .from(demandePauses)
      .innerJoin(demandesDroits, eq(demandesDroits.id, demandePauses.demandeId))
      .where(
        and(
          eq(demandesDroits.jeuneId, user.jeuneId),
          isNull(demandePauses.recueLe),
          inArray(demandesDroits.statut, ["recue", "identite_a_verifier", "en_cours", "prolongee"]),
        ),
      ),
    db
      .select(columns)
      .from(demandeDocuments)
      .where(eq(demandeDocuments.jeuneId, user.jeuneId))
      .orderBy(asc(demandeDocuments.createdAt), asc(demandeDocuments.id)),
  ]);
  const slot = (id: string) => {
    let s = slots.get(id);
    if (!s) slots.set(id, (s = { attendu: null, documents: [] }));
    return s;
  };
  for (const p of pauses) slot(p.demandeId).attendu = p.objet;
  for (const d of documents)
    slot(d.demandeId).documents.push({ id: d.id, filename: d.filename, createdAt: d.createdAt, deletedAt: d.deletedAt });
  return slots;
}
