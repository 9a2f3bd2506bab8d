/**
 * A young person sends a document for one of their rights requests (the proof of identity the DPO asked for).
 * Only while the DPO waits for it (an open identity pause), only for the person's own request, at most
 * MAX_DOCUMENTS_PER_DEMANDE; the bytes go to `stored_files` (never read by a list), the row to
 * `demande_documents`. Nothing is stored on refusal: the checks run before the first insert, in one transaction.
 */
import { createHash } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { demandeDocuments, demandePauses, demandesDroits, storedFiles } from "@/db/schema";
import { type ActionDefinition, theDossier } from "@/lib/actions/run";
import { DomainError } from "@/lib/errors/domain-error";
import { MAX_DOCUMENTS_PER_DEMANDE } from "./document-rules";
import { documentUploadSchema } from "./document-schema";
import { addEvent, DEMANDE_NOT_FOUND } from "./store";

export interface SentDocument {
  id: string;
  demandeId: string;
  filename: string;
}

export const DOCUMENT_NOT_EXPECTED =
  "Cette demande n'attend pas de document. Vous pouvez envoyer un document seulement quand la mission locale vous le demande.";
export const TOO_MANY_DOCUMENTS = `Vous avez déjà envoyé ${MAX_DOCUMENTS_PER_DEMANDE} documents pour cette demande. Attendez la réponse de la mission locale.`;

export const sendDemandeDocument: ActionDefinition<typeof documentUploadSchema, SentDocument> = {
  name: "droits.piece_envoyee",
  schema: documentUploadSchema,
  capability: "self.read",
  // The young person's own file, from the session (never from the form): the gate checks it is theirs.
  dossier: { jeuneIds: (_input, _tx, user) => (user.jeuneId ? [user.jeuneId] : []), onglet: "demande-de-droits" },
  async handler({ tx, user, input, dossiers }) {
    if (user.role !== "jeune" || !user.jeuneId) throw new DomainError("forbidden");
    const { jeune } = theDossier(dossiers);
    const [demande] = await tx
      .select()
      .from(demandesDroits)
      .where(and(eq(demandesDroits.id, input.demandeId), eq(demandesDroits.jeuneId, jeune.id)))
      .for("update");
    // Another person's request and a missing one are the same answer.
    if (!demande) throw new DomainError("not_found", { message: DEMANDE_NOT_FOUND });
    const [pause] = await tx
      .select({ id: demandePauses.id })
      .from(demandePauses)
      .where(and(eq(demandePauses.demandeId, demande.id), isNull(demandePauses.recueLe)));
    if (!pause || demande.statut === "close" || demande.statut === "repondue")
      throw new DomainError("conflict", { message: DOCUMENT_NOT_EXPECTED });
    const [sent] = await tx.select({ n: count() }).from(demandeDocuments).where(eq(demandeDocuments.demandeId, demande.id));
    if ((sent?.n ?? 0) >= MAX_DOCUMENTS_PER_DEMANDE) throw new DomainError("conflict", { message: TOO_MANY_DOCUMENTS });

    const { bytes, type, filename } = input.document;
    const [file] = await tx
      .insert(storedFiles)
      .values({
        structureId: demande.structureId,
        contentType: type,
        sizeBytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        bytes: Buffer.from(bytes),
      })
      .returning({ id: storedFiles.id });
    const [doc] = await tx
      .insert(demandeDocuments)
      .values({
        demandeId: demande.id,
        jeuneId: jeune.id,
        structureId: demande.structureId,
        filename,
        contentType: type,
        sizeBytes: bytes.length,
        fileId: file!.id,
      })
      .returning({ id: demandeDocuments.id });
    await addEvent(tx, demande.id, "document_envoye", user.id, "Vous avez envoyé un document. La mission locale va le regarder.");
    return {
      data: { id: doc!.id, demandeId: demande.id, filename },
      // Never the name (it may hold the person's name): the type and size only.
      audit: {
        action: "droits.piece_envoyee",
        targetType: "demande_droits",
        targetId: demande.id,
        jeuneId: jeune.id,
        structureId: demande.structureId,
        fields: ["document"],
        meta: { numero: demande.numero, contentType: type, sizeBytes: bytes.length },
      },
    };
  },
  revalidate: (input) => ["/mon-espace", `/droits/${input.demandeId}`],
};
