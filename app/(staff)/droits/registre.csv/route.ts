import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write";
import { todayInParis } from "@/lib/calendar/civil-date";
import { listRegistre } from "@/lib/droits/queries";
import { registreCsv } from "@/lib/droits/registre-csv";

/** Register of the rights requests of the caller's structure (admin: all), for the CNIL; the export is audited. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Connectez-vous.", { status: 401 });
  if (!can(user.role, "droits.read")) return new Response("Accès refusé.", { status: 403 });
  const rows = await listRegistre(user);
  await writeAudit(
    await getDb(),
    user,
    { action: "droits.registre_export", targetType: "registre_droits", meta: { lignes: rows.length } },
    request.headers.get("x-request-id") ?? undefined,
  );
  return new Response(registreCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="registre-demandes-droits-${todayInParis(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
