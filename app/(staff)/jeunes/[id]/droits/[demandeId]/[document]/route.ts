import { z } from "zod";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { checkDossierAccess, recordConsultation } from "@/lib/consultations/access";
import { isDocumentName, pdfResponse, renderDemandeDocument } from "@/lib/droits/documents";
import { loadDemande } from "@/lib/droits/store";
import { isDomainError } from "@/lib/errors/domain-error";

const NOT_FOUND = () => new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * The receipt and the response letter, from the dossier (counsellors reach requests only through
 * the young people they may open). Same checks as the dossier; the download is a consultation.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; demandeId: string; document: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Connectez-vous.", { status: 401 });
  if (!can(user.role, "jeunes.read") || !can(user.role, "droits.intake")) return new Response("Accès refusé.", { status: 403 });
  const { id, demandeId, document } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(demandeId).success || !isDocumentName(document)) return NOT_FOUND();

  const db = await getDb();
  const access = await checkDossierAccess(db, user, id, todayInParis(new Date()));
  if (access.kind === "not_found") return NOT_FOUND();
  if (access.kind === "reason_required")
    return new Response("Ouvrez d'abord le dossier en indiquant le motif de votre consultation.", { status: 403 });
  try {
    const demande = await loadDemande(db, user, demandeId);
    if (demande.jeuneId !== id) return NOT_FOUND();
    const rendered = await renderDemandeDocument(db, demande, document);
    if (!rendered) return NOT_FOUND();
    await recordConsultation(db, user, {
      jeuneId: id,
      structureId: access.structureId,
      onglet: "droits",
      horsPortefeuille: access.kind === "break_glass",
    });
    return pdfResponse(rendered);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return NOT_FOUND();
    throw error;
  }
}
