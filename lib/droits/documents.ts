import "server-only";
import type { DbOrTx } from "@/db/client";
import type { DemandeDroits } from "@/db/schema";
import { todayInParis } from "@/lib/calendar/civil-date";
import { computeDeadline } from "./deadline";
import { buildReceipt, buildResponseLetter } from "./letters";
import { renderLetterPdf } from "./pdf";
import { loadLetterContext } from "./store";

export const DOCUMENTS = ["accuse-reception.pdf", "reponse.pdf"] as const;
export type DocumentName = (typeof DOCUMENTS)[number];

export function isDocumentName(value: string): value is DocumentName {
  return (DOCUMENTS as readonly string[]).includes(value);
}

/**
 * The receipt (as issued on the day of recording: first deadline) or the response letter (once
 * answered), rebuilt from the stored request so the copy always matches what was sent.
 */
export async function renderDemandeDocument(
  db: DbOrTx,
  demande: DemandeDroits,
  name: DocumentName,
): Promise<{ filename: string; pdf: Uint8Array } | null> {
  const ctx = await loadLetterContext(db, demande);
  if (name === "accuse-reception.pdf") {
    const echeance = computeDeadline({ receivedOn: demande.recueLe }).deadline!;
    const letter = buildReceipt(ctx, { echeance, today: todayInParis(demande.createdAt) });
    return { filename: `${letter.slug}.pdf`, pdf: await renderLetterPdf(letter, { createdAt: demande.createdAt }) };
  }
  if (!demande.issue || !demande.reponseMotif || !demande.reponduLe) return null;
  const letter = buildResponseLetter(ctx, { issue: demande.issue, motif: demande.reponseMotif, reponduLe: demande.reponduLe });
  return { filename: `${letter.slug}.pdf`, pdf: await renderLetterPdf(letter) };
}

export function pdfResponse(document: { filename: string; pdf: Uint8Array }): Response {
  return new Response(Buffer.from(document.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${document.filename}"`,
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      "Cache-Control": "private, no-store",
    },
  });
}
