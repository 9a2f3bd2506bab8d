import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatShortDate } from "@/lib/format/fr";
import { motifSortieLabel } from "@/lib/parcours/motifs-sortie";
import { EVENEMENT_LABELS } from "@/lib/parcours/labels";
import type { ContratEvenementView, ContratView } from "@/lib/parcours/queries";
import { PersonName } from "@/components/ui/person-name";

function eventDetail(e: ContratEvenementView): string {
  const s = e.etat;
  const fin = typeof s.finPrevue === "string" ? formatShortDate(s.finPrevue) : "—";
  switch (e.type) {
    case "signature":
      return `Début le ${formatShortDate(String(s.debut))}, fin prévue le ${fin}.`;
    case "modification":
      return `Fin prévue le ${fin}.`;
    case "prolongation":
      return `Fin prévue repoussée au ${fin}${e.motif ? ` — motif : ${e.motif}` : ""}.`;
    case "sortie":
      return `Motif : ${motifSortieLabel(typeof s.motifSortie === "string" ? s.motifSortie : null)}${e.motif ? ` (${e.motif})` : ""}.`;
    case "bascule":
      return s.finReelle !== null && s.finReelle !== undefined
        ? `Contrat terminé la veille du changement. Motif : ${e.motif ?? "—"}.`
        : `Signé à la suite d'un changement de dispositif, fin prévue le ${fin}. Motif : ${e.motif ?? "—"}.`;
  }
}

/** Every contract of the pathway, most recent first, each with its timeline of events. */
export function ContratHistory({ contrats }: { contrats: ContratView[] }) {
  if (contrats.length === 0) return null;
  const byId = new Map(contrats.map((c) => [c.id, c]));
  return (
    <div className="flex flex-col gap-4">
      <h4 className="text-lg font-bold">Historique du parcours</h4>
      <ol className="flex flex-col gap-4">
        {contrats.map((c) => {
          const previous = c.precedentContratId ? byId.get(c.precedentContratId) : undefined;
          return (
            <li key={c.id} className="rounded-sm border border-border p-4">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={c.finReelle ? "neutral" : "info"}>{c.type}</Badge>
                <span className="font-bold">
                  du {formatShortDate(c.debut)} au {formatShortDate(c.finReelle ?? c.finPrevue)}
                </span>
                {c.finReelle ? (
                  <Badge tone="neutral">Terminé — {motifSortieLabel(c.motifSortie)}</Badge>
                ) : (
                  <Badge tone="success">En cours</Badge>
                )}
              </p>
              {previous ? (
                <p className="mt-1 text-sm text-ink-2">
                  Fait suite au {previous.type} commencé le {formatShortDate(previous.debut)}.
                </p>
              ) : null}
              {c.evenements.length > 0 ? (
                <ol
                  className="mt-3 flex flex-col gap-2 border-l-2 border-border pl-4"
                  aria-label={`Événements du ${c.type} commencé le ${formatShortDate(c.debut)}`}
                >
                  {c.evenements.map((e) => (
                    <li key={e.id}>
                      <span className="font-medium">
                        {formatShortDate(e.dateEffet)} · {EVENEMENT_LABELS[e.type]}
                      </span>{" "}
                      — {eventDetail(e)}
                      <span className="block text-sm text-ink-2">
                        Enregistré le {formatDateTime(e.at)}
                        {e.par ? (
                          <>
                            {" "}
                            par <PersonName>{e.par}</PersonName>
                          </>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
