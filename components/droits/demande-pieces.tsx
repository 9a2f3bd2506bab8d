import { TextLink } from "@/components/ui/link";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format/fr";

export interface DemandePiece {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  deletedAt: Date | null;
}

const TYPE_NAMES: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "image JPEG", "image/png": "image PNG" };

/** The documents the young person sent for the request: the DPO downloads them; others see that they exist. */
export function DemandePieces({ demandeId, pieces, canDownload }: { demandeId: string; pieces: DemandePiece[]; canDownload: boolean }) {
  return (
    <section aria-labelledby="titre-pieces" className="rounded-sm border border-border p-4 sm:p-6">
      <h2 id="titre-pieces" className="mb-1">
        Documents envoyés par la personne
      </h2>
      <p className="mb-4 text-sm text-ink-2">
        Envoyés depuis Mon espace, type vérifié sur le contenu du fichier. Ils sont supprimés à la clôture de la demande
        {canDownload ? "" : " ; seul le délégué à la protection des données les télécharge"}.
      </p>
      {pieces.length === 0 ? (
        <p>Aucun document envoyé.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {pieces.map((p) => (
            <li key={p.id} className="break-words">
              <span className="block font-medium">{p.filename}</span>
              <span className="block text-sm text-ink-2">
                {TYPE_NAMES[p.contentType] ?? p.contentType}, {formatNumber(Math.max(1, Math.round(p.sizeBytes / 1024)))} Ko · reçu le{" "}
                {formatDateTime(p.createdAt)}
              </span>
              {p.deletedAt ? (
                <span className="block text-sm">Supprimé le {formatDate(p.deletedAt)}.</span>
              ) : canDownload ? (
                <TextLink href={`/droits/${demandeId}/pieces/${p.id}`}>
                  Télécharger<span className="sr-only"> {p.filename}</span>
                </TextLink>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
