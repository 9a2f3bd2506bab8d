import "server-only";
import { z } from "zod";
import type { DownloadDefinition } from "@/lib/actions/download";
import { todayInParis } from "@/lib/calendar/civil-date";
import { mapPages } from "@/lib/actions/keyset";
import { csvChunks } from "@/lib/csv";
import { countRegistre, registrePages } from "./queries";
import { REGISTRE_CSV_HEADER, registreCsvCells } from "./registre-csv";

const paramsSchema = z.object({});

/** Register of the rights requests of the caller's structure (admin: all), for the CNIL; the export is audited. */
export const registreDownload: DownloadDefinition<typeof paramsSchema> = {
  name: "droits.registre_export",
  capability: "droits.read",
  params: paramsSchema,
  dossier: { none: "A register of requests (numbers, dates, outcomes; no names, no wording): no young person's file is opened." },
  async render({ tx, user }) {
    const lignes = await countRegistre(user, tx);
    return {
      // Streamed after the audit entry commits, in keyset pages: any size in bounded memory.
      body: { chunks: () => csvChunks(REGISTRE_CSV_HEADER, mapPages(registrePages(user), registreCsvCells)) },
      type: "csv",
      filename: `registre-demandes-droits-${todayInParis(new Date())}.csv`,
      audit: { action: "droits.registre_export", targetType: "registre_droits", meta: { lignes } },
    };
  },
};
