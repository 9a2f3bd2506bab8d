import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { demandeDocuments, storedFiles } from "@/db/schema";
import type { DownloadDefinition, DownloadType } from "@/lib/actions/download";
import { DOCUMENT_EXTENSIONS, type DocumentType } from "./document-rules";
import { loadDemande } from "./store";

const TYPES: Record<DocumentType, DownloadType> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpeg" };

const params = z.object({ id: z.uuid(), pieceId: z.uuid() });

/**
 * /droits/[id]/pieces/[pieceId]: a document the young person sent for the request, for the DPO of the request's
 * structure only (a proof of identity is theirs to check). Served as an attachment of the type read from its
 * bytes at upload, under a neutral name (the name as sent may hold the person's name); the consultation and the
 * audit entry are recorded; a deleted document (request closed, retention) is a 404.
 */
export const demandePieceDownload: DownloadDefinition<typeof params> = {
  name: "droits.piece",
  capability: ["droits.read", "droits.handle"],
  params,
  notFound: "Document introuvable : il a peut-être été supprimé à la clôture de la demande.",
  dossier: {
    jeuneId: async (p, tx, user) => (await loadDemande(tx, user, p.id)).jeuneId,
    onglet: "demande-de-droits",
    exempt: { roles: ["dpo"], motif: "demande_de_droits" },
  },
  async render({ tx, user, params: p }) {
    const demande = await loadDemande(tx, user, p.id);
    const [row] = await tx
      .select({ id: demandeDocuments.id, contentType: storedFiles.contentType, bytes: storedFiles.bytes })
      .from(demandeDocuments)
      .innerJoin(storedFiles, eq(storedFiles.id, demandeDocuments.fileId))
      .where(and(eq(demandeDocuments.id, p.pieceId), eq(demandeDocuments.demandeId, demande.id)));
    if (!row || !(row.contentType in TYPES)) return null;
    const type = row.contentType as DocumentType;
    return {
      body: new Uint8Array(row.bytes),
      type: TYPES[type],
      filename: `piece-demande-${demande.numero}-${row.id.slice(0, 8)}.${DOCUMENT_EXTENSIONS[type]}`,
      audit: {
        action: "droits.piece",
        targetType: "demande_droits",
        targetId: demande.id,
        jeuneId: demande.jeuneId,
        structureId: demande.structureId,
        meta: { numero: demande.numero, pieceId: row.id },
      },
    };
  },
};
