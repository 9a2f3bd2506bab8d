import { z } from "zod";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { downloadRecapitulatif } from "@/lib/parcours/recapitulatif";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The contract summary PDF, for the staff who manage pathways; same access checks as the dossier, audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; contratId: string }> }) {
  const user = await getSessionUser();
  if (!user) return text("Connectez-vous.", 401);
  if (!can(user.role, "jeunes.read") || !can(user.role, "parcours.write")) return text("Accès refusé.", 403);
  const { id, contratId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(contratId).success) return text("Document introuvable.", 404);
  const result = await downloadRecapitulatif(await getDb(), user, id, contratId, request.headers.get("x-request-id") ?? undefined);
  if (result.kind === "not_found") return text("Document introuvable.", 404);
  if (result.kind === "reason_required") return text("Ouvrez d'abord le dossier en indiquant le motif de votre consultation.", 403);
  return new Response(Buffer.from(result.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      "Cache-Control": "private, no-store",
    },
  });
}
