import { z } from "zod";
import { emargementFor } from "@/lib/agenda/emargement";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The séance's sign-in sheet (PDF). The URL holds only the séance id; the file name no personal data. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return text("Connectez-vous.", 401);
  if (!can(user.role, "agenda.read")) return text("Accès refusé.", 403);
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return text("Séance introuvable.", 404);
  const bytes = await emargementFor(user, id, request.headers.get("x-request-id") ?? undefined);
  if (!bytes) return text("Séance introuvable.", 404);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="feuille-emargement.pdf"',
      // Names of young people: never kept by a shared cache or the back-forward cache.
      "Cache-Control": "private, no-store",
    },
  });
}
