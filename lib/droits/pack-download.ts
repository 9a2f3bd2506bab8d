import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { accessPackJobs, demandesDroits, storedFiles } from "@/db/schema";
import type { DownloadDefinition } from "@/lib/actions/download";
import { ACCESS_PACK_DOCUMENTS, ACCESS_PACK_FIELDS } from "./access-pack";

const params = z.object({ id: z.uuid(), document: z.enum(ACCESS_PACK_DOCUMENTS) });

/**
 * /mon-espace/mes-donnees/[id]/dossier-acces.(pdf|json): the young person's own prepared pack, while it is ready and
 * within its 7 days. The gate opens only the person's own file (another person's job is « introuvable »); the
 * audit entry names the fields, never the values.
 */
export const myAccessPackDownload: DownloadDefinition<typeof params> = {
  name: "droits.pack_telechargement",
  capability: "self.read",
  params,
  notFound: "Ce dossier n'est plus disponible. Vous pouvez en demander un nouveau dans Mon espace.",
  dossier: {
    jeuneId: async (p, tx) => {
      const [job] = await tx.select({ jeuneId: accessPackJobs.jeuneId }).from(accessPackJobs).where(eq(accessPackJobs.id, p.id));
      return job?.jeuneId ?? null;
    },
    onglet: "acces",
  },
  async render({ tx, params: p, dossier }) {
    const [job] = await tx
      .select({ job: accessPackJobs, numero: demandesDroits.numero })
      .from(accessPackJobs)
      .leftJoin(demandesDroits, eq(demandesDroits.id, accessPackJobs.demandeId))
      .where(eq(accessPackJobs.id, p.id));
    if (!job || job.job.jeuneId !== dossier?.jeune.id) return null;
    const { status, expiresAt, pdfFileId, jsonFileId, demandeId, structureId, jeuneId } = job.job;
    if (status !== "pret" || !expiresAt || expiresAt <= new Date()) return null;
    const pdf = p.document === "dossier-acces.pdf";
    const fileId = pdf ? pdfFileId : jsonFileId;
    if (!fileId) return null;
    const [file] = await tx.select({ bytes: storedFiles.bytes }).from(storedFiles).where(eq(storedFiles.id, fileId));
    if (!file) return null;
    return {
      body: new Uint8Array(file.bytes),
      type: pdf ? "pdf" : "json",
      filename: `dossier-acces-${job.numero ?? "mon-espace"}.${pdf ? "pdf" : "json"}`,
      audit: {
        action: "droits.pack_telechargement",
        targetType: "demande_droits",
        targetId: demandeId,
        jeuneId,
        structureId,
        fields: [...ACCESS_PACK_FIELDS],
        meta: { numero: job.numero, document: p.document, jobId: p.id },
      },
    };
  },
};
