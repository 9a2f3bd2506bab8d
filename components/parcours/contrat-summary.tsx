import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format/fr";
import { motifSortieLabel } from "@/lib/parcours/motifs-sortie";
import type { ContratView } from "@/lib/parcours/queries";

/** The contract a form acts on, in one box; an ended contract says so instead of showing the form. */
export function ContratSummary({ contrat }: { contrat: ContratView }) {
  return (
    <div className="mb-8 flex flex-col gap-4">
      <section aria-labelledby="titre-contrat-actuel" className="rounded-sm border border-border bg-alt p-4">
        <h2 id="titre-contrat-actuel" className="mb-2 flex items-center gap-2 text-lg">
          Contrat <Badge tone="info">{contrat.type}</Badge>
        </h2>
        <p>
          Signé le {formatDate(contrat.signeLe)}, en vigueur du {formatDate(contrat.debut)} au{" "}
          {formatDate(contrat.finReelle ?? contrat.finPrevue)}
          {contrat.finReelle ? "" : " (fin prévue)"}.
        </p>
        {contrat.prolongationMotif ? <p className="mt-1">Motif de prolongation : {contrat.prolongationMotif}</p> : null}
      </section>
      {contrat.finReelle ? (
        <Alert tone="info" title="Ce contrat est terminé">
          Sortie le {formatDate(contrat.finReelle)} ({motifSortieLabel(contrat.motifSortie)}) : il ne peut plus être modifié.
        </Alert>
      ) : null}
    </div>
  );
}
