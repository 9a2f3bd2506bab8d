import "server-only";
import { z } from "zod";
import type { DownloadDefinition } from "@/lib/actions/download";
import { todayInParis } from "@/lib/calendar/civil-date";
import { listRegistre } from "./queries";
import { registreCsv } from "./registre-csv";

const paramsSchema = z.object({});

/** Register of the rights requests of the caller's structure (admin: all), for the CNIL; the export is audited. */
export const registreDownload: DownloadDefinition<typeof paramsSchema> = {
  name: "droits.registre_export",
  capability: "droits.read",
  params: paramsSchema,
  dossier: { none: "A register of requests (numbers, dates, outcomes; no names, no wording): no young person's file is opened." },
  async render({ tx, user }) {
    const rows = await listRegistre(user, tx);
    return {
      body: registreCsv(rows),
      type: "csv",
      filename: `registre-demandes-droits-${todayInParis(new Date())}.csv`,
      audit: { action: "droits.registre_export", targetType: "registre_droits", meta: { lignes: rows.length } },
    };
  },
};
