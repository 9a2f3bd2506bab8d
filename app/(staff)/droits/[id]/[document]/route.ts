import { z } from "zod";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write";
import { isDocumentName, pdfResponse, renderDemandeDocument } from "@/lib/droits/documents";
import { loadDemande } from "@/lib/droits/store";
import { isDomainError } from "@/lib/errors/domain-error";

const NOT_FOUND = () => new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The receipt or the response letter of a request, for the DPO (and read-only roles); each download is audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; document: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Connectez-vous.", { status: 401 });
  if (!can(user.role, "droits.read")) return new Response("Accès refusé.", { status: 403 });
  const { id, document } = await params;
  if (!z.uuid().safeParse(id).success || !isDocumentName(document)) return NOT_FOUND();
  const db = await getDb();
  try {
    const demande = await loadDemande(db, user, id);
    const rendered = await renderDemandeDocument(db, demande, document);
    if (!rendered) return NOT_FOUND();
    await writeAudit(
      db,
      user,
      { action: "droits.document", targetType: "demande_droits", targetId: demande.id, jeuneId: demande.jeuneId, structureId: demande.structureId, meta: { numero: demande.numero, document } },
      request.headers.get("x-request-id") ?? undefined,
    );
    return pdfResponse(rendered);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return NOT_FOUND();
    throw error;
  }
}
