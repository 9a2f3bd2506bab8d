import type { MyDocumentSlot } from "@/lib/droits/document-queries";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { DocumentUploadForm } from "./document-upload-form";

/** Under one of my requests: the document the mission locale asks for (with the form) and what I already sent. */
export function DemandeDocuments({ demandeId, numero, slot }: { demandeId: string; numero: string; slot: MyDocumentSlot | undefined }) {
  if (!slot) return null;
  return (
    <div className="mt-3 flex flex-col gap-2">
      {slot.documents.length > 0 ? (
        <ul className="flex flex-col gap-1">
          {slot.documents.map((d) => (
            <li key={d.id} className="break-words">
              Document envoyé le {formatDateTime(d.createdAt)} : {d.filename}.
              {d.deletedAt ? ` Il a été effacé le ${formatDate(d.deletedAt)}.` : null}
            </li>
          ))}
        </ul>
      ) : null}
      {slot.attendu ? (
        <div className="flex flex-col gap-1 rounded-lg bg-info-light p-3">
          <h4 className="font-bold">La mission locale vous demande un document</h4>
          <p className="break-words">{slot.attendu}</p>
          <p>Vous pouvez l&apos;envoyer ici. Seule la personne qui traite votre demande pourra le voir.</p>
          <p>Il sera effacé quand votre demande sera terminée.</p>
          <DocumentUploadForm demandeId={demandeId} numero={numero} />
        </div>
      ) : null}
    </div>
  );
}
