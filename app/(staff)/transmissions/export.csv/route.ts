import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write";
import { todayInParis } from "@/lib/calendar/civil-date";
import { parseTransmissionParams } from "@/lib/transmissions/admin-params";
import { transmissionsCsv } from "@/lib/transmissions/admin-csv";
import { TRANSMISSIONS_CSV_MAX_ROWS, listTransmissionsForExport } from "@/lib/transmissions/admin-queries";

/**
 * The transfers of the page's selection (same filters, every page) as CSV, within the caller's structure
 * (admin: all, or the chosen one). Field names only, no values, no names. The export is audited with its filters.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Connectez-vous pour exporter les transmissions.", { status: 401 });
  if (!can(user.role, "transmissions.read"))
    return new Response("Accès refusé : vous ne pouvez pas exporter les transmissions.", { status: 403 });
  if (user.role !== "admin" && !user.structureId)
    return new Response("Accès refusé : votre compte n'est rattaché à aucune mission locale.", { status: 403 });
  const filters = parseTransmissionParams(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, truncated } = await listTransmissionsForExport(user, filters);
  await writeAudit(
    await getDb(),
    user,
    {
      action: "transmissions.export",
      targetType: "transmissions",
      structureId: user.role === "admin" ? filters.structureId : user.structureId,
      meta: {
        lignes: rows.length,
        tronque: truncated,
        destinataire: filters.recipient,
        statut: filters.statut,
        finalite: filters.finality,
        du: filters.du,
        au: filters.au,
      },
    },
    request.headers.get("x-request-id") ?? undefined,
  );
  return new Response(transmissionsCsv(rows, truncated ? { truncatedAt: TRANSMISSIONS_CSV_MAX_ROWS } : {}), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="transmissions-${todayInParis(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
