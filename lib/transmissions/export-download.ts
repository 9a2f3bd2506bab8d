import "server-only";
import { z } from "zod";
import { type DownloadDefinition, downloadForbidden } from "@/lib/actions/download";
import { todayInParis } from "@/lib/calendar/civil-date";
import { parseTransmissionParams } from "./admin-params";
import { mapPages } from "@/lib/actions/keyset";
import { csvChunks } from "@/lib/csv";
import { TRANSMISSIONS_CSV_HEADER, transmissionCsvCells } from "./admin-csv";
import { countTransmissionsForExport, transmissionExportPages } from "./admin-queries";

// The page's query string: each odd filter falls back to its default, so a hand-edited link never fails.
const paramsSchema = z.record(z.string(), z.string()).transform(parseTransmissionParams);

/**
 * The transfers of the page's selection (same filters, every page) as CSV, within the caller's structure
 * (admin: all, or the chosen one). Field names only, no values, no names. The export is audited with its filters.
 */
export const transmissionsDownload: DownloadDefinition<typeof paramsSchema> = {
  name: "transmissions.export",
  capability: "transmissions.read",
  params: paramsSchema,
  dossier: { none: "A list of transfers across files, by dossier identifier and field names only: no young person's file is opened." },
  async render({ tx, user, params: filters }) {
    if (user.role !== "admin" && !user.structureId)
      throw downloadForbidden("Accès refusé : votre compte n'est rattaché à aucune mission locale.");
    const lignes = await countTransmissionsForExport(user, filters, tx);
    return {
      // Streamed after the audit entry commits, in keyset pages: any size in bounded memory.
      body: { chunks: () => csvChunks(TRANSMISSIONS_CSV_HEADER, mapPages(transmissionExportPages(user, filters), transmissionCsvCells)) },
      type: "csv",
      filename: `transmissions-${todayInParis(new Date())}.csv`,
      audit: {
        action: "transmissions.export",
        targetType: "transmissions",
        structureId: user.role === "admin" ? filters.structureId : user.structureId,
        meta: {
          lignes,
          destinataire: filters.recipient,
          statut: filters.statut,
          finalite: filters.finality,
          du: filters.du,
          au: filters.au,
        },
      },
    };
  },
};
