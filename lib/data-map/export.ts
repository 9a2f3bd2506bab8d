import "server-only";
import type { DbOrTx } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { toCsv } from "@/lib/csv";
import { registerPdf } from "./pdf";
import { loadDataMapContext, registerControllerFor } from "./queries";
import { buildRegister, registerTable, type RegisterModel } from "./register";

export type RegisterExportFormat = "csv" | "pdf";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The register as the page shows it, for this reader, at instant `now`. */
export async function loadRegister(db: DbOrTx, user: SessionUser, now: Date): Promise<RegisterModel> {
  const [ctx, controller] = await Promise.all([loadDataMapContext(db, todayInParis(now)), registerControllerFor(db, user)]);
  return buildRegister(ctx, controller, now);
}

/**
 * The download behind /registre/export.csv and /registre/export.pdf. The route handlers are not behind a
 * page layout, so the session and the capability are checked here again (proxy.ts checked the area).
 */
export async function registerExport(db: DbOrTx, user: SessionUser | null, format: RegisterExportFormat, now: Date): Promise<Response> {
  if (!user) return plain(401, "Connexion requise : connectez-vous pour exporter le registre.");
  if (!can(user.role, "registre.read")) return plain(403, "Accès refusé : votre rôle ne permet pas d'exporter le registre.");
  const model = await loadRegister(db, user, now);
  const filename = `registre-traitements-${todayInParis(now)}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "csv") {
    return new Response(toCsv(registerTable(model)), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  }
  const bytes = await registerPdf(model);
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), {
    headers: { ...headers, "Content-Type": "application/pdf" },
  });
}
