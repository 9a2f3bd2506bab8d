import { z } from "zod";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write";
import {
  ACCESS_PACK_FIELDS,
  accessPackJson,
  buildAccessPack,
  isAccessPackDocument,
  type AccessPackDocument,
} from "@/lib/droits/access-pack";
import { renderAccessPackPdf } from "@/lib/droits/access-pack-pdf";
import { isDocumentName, pdfResponse, renderDemandeDocument } from "@/lib/droits/documents";
import type { SessionUser } from "@/lib/auth/session-user";
import { recordConsultation } from "@/lib/consultations/access";
import { loadDemande } from "@/lib/droits/store";
import { isDomainError } from "@/lib/errors/domain-error";

const NOT_FOUND = () => new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The receipt or the response letter of a request, for the DPO (and read-only roles); each download is audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; document: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Connectez-vous.", { status: 401 });
  if (!can(user.role, "droits.read")) return new Response("Accès refusé.", { status: 403 });
  const { id, document } = await params;
  if (!z.uuid().safeParse(id).success) return NOT_FOUND();
  if (isAccessPackDocument(document)) return accessPack(request, user, id, document);
  if (!isDocumentName(document)) return NOT_FOUND();
  const db = await getDb();
  try {
    const demande = await loadDemande(db, user, id);
    const rendered = await renderDemandeDocument(db, demande, document);
    if (!rendered) return NOT_FOUND();
    await writeAudit(
      db,
      user,
      {
        action: "droits.document",
        targetType: "demande_droits",
        targetId: demande.id,
        jeuneId: demande.jeuneId,
        structureId: demande.structureId,
        meta: { numero: demande.numero, document },
      },
      request.headers.get("x-request-id") ?? undefined,
    );
    return pdfResponse(rendered);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return NOT_FOUND();
    throw error;
  }
}

/**
 * The access pack (GDPR art. 15) of an access request: the DPO of the request's structure only, since
 * it holds the whole dossier (NIR and sensitive data included). Each download is audited (field names
 * only) and recorded as a consultation of the dossier, which the young person sees.
 */
async function accessPack(request: Request, user: SessionUser, id: string, document: AccessPackDocument): Promise<Response> {
  if (!can(user.role, "droits.handle")) return new Response("Accès refusé.", { status: 403 });
  const db = await getDb();
  try {
    const demande = await loadDemande(db, user, id);
    if (demande.type !== "acces" || !demande.jeuneId) return NOT_FOUND();
    const pack = await buildAccessPack(db, demande);
    const body = document === "dossier-acces.pdf" ? Buffer.from(await renderAccessPackPdf(pack)) : accessPackJson(pack);
    await db.transaction(async (tx) => {
      await writeAudit(
        tx,
        user,
        {
          action: "droits.access_pack",
          targetType: "demande_droits",
          targetId: demande.id,
          jeuneId: demande.jeuneId,
          structureId: demande.structureId,
          fields: [...ACCESS_PACK_FIELDS],
          meta: { numero: demande.numero, document },
        },
        request.headers.get("x-request-id") ?? undefined,
      );
      await recordConsultation(tx, user, {
        jeuneId: pack.jeune.id,
        structureId: pack.jeune.structureId,
        onglet: "acces",
        horsPortefeuille: true,
        motif: "demande_de_droits",
        motifDetail: `Demande d'accès n° ${demande.numero}`,
      });
    });
    const filename = `dossier-acces-${demande.numero}.${document.endsWith(".pdf") ? "pdf" : "json"}`;
    return new Response(body, {
      headers: {
        "Content-Type": document.endsWith(".pdf") ? "application/pdf" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        // Personal data: never kept by a shared cache or the browser's back-forward cache.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return NOT_FOUND();
    throw error;
  }
}
