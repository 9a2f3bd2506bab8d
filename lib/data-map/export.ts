import "server-only";
import { z } from "zod";
import { type DbOrTx, getDb } from "@/db/client";
import type { DownloadDefinition } from "@/lib/actions/download";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { toCsv } from "@/lib/csv";
import { registerPdf } from "./pdf";
import { loadDataMapContext, registerControllerFor } from "./queries";
import { buildRegister, registerTable, type RegisterModel } from "./register";

export type RegisterExportFormat = "csv" | "pdf";

/** The register as the page shows it, for this reader, at instant `now`. */
export async function loadRegister(db: DbOrTx, user: SessionUser, now: Date): Promise<RegisterModel> {
  const [ctx, controller] = await Promise.all([loadDataMapContext(db, todayInParis(now)), registerControllerFor(db, user)]);
  return buildRegister(ctx, controller, now);
}

/** `loadRegister` for the register page, on the process-wide database (the export reads it in its transaction). */
export async function loadRegisterPage(user: SessionUser, now: Date): Promise<RegisterModel> {
  return loadRegister(await getDb(), user, now);
}

const paramsSchema = z.object({});

/**
 * The download behind /registre/export.csv and /registre/export.pdf: the register of processing
 * activities (GDPR art. 30), as the page shows it. It describes processings, not people, so it is
 * not audited (as before: the register page itself is not either).
 */
function registerDownload(format: RegisterExportFormat): DownloadDefinition<typeof paramsSchema> {
  return {
    name: `registre.export_${format}`,
    capability: "registre.read",
    params: paramsSchema,
    dossier: { none: "The register of processing activities describes processings, not people: no file is opened." },
    async render({ tx, user }) {
      const now = new Date();
      const model = await loadRegister(tx, user, now);
      return {
        body: format === "csv" ? toCsv(registerTable(model)) : await registerPdf(model),
        type: format,
        filename: `registre-traitements-${todayInParis(now)}.${format}`,
        audit: [],
      };
    },
  };
}

export const registerCsvDownload = registerDownload("csv");
export const registerPdfDownload = registerDownload("pdf");
