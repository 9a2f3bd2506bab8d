import type { DossierSectionProps } from "@/components/dossier/tab-props";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/link";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format/fr";
import { SANCTION_STATUTS } from "@/lib/sanctions/labels";
import { listSanctionsForDossier } from "@/lib/sanctions/queries";
import { SanctionDetails } from "./sanction-details";

/** Failures and sanctions: proposed, answered, decided or dropped, with the rule at the date of the fact. */
export async function SanctionsSection({ user, jeuneId }: DossierSectionProps) {
  const rows = await listSanctionsForDossier(user, jeuneId);
  const canPropose = can(user.role, "sanctions.propose");
  const canAct = canPropose || can(user.role, "sanctions.decide");
  const newLink = canPropose ? (
    <ButtonLink variant="secondary" size="sm" href={`/jeunes/${jeuneId}/sanctions/nouvelle`}>
      Signaler un manquement
    </ButtonLink>
  ) : null;

  return (
    <section id="sanctions" aria-labelledby="titre-sanctions" className="flex scroll-mt-4 flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id="titre-sanctions">Manquements et sanctions</h3>
        {rows.length > 0 ? newLink : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState titleAs="h4" title="Aucun manquement enregistré" action={newLink}>
          Après trois absences non excusées pendant le CEJ, Sillage propose une sanction ici. Vous pouvez aussi signaler un manquement
          vous-même.
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-4">
          {rows.map((s) => {
            const statut = SANCTION_STATUTS[s.statut];
            const open = s.statut === "proposee" || s.statut === "contradictoire";
            return (
              <li key={s.id}>
                <article aria-labelledby={`sanction-${s.id}`} className="flex flex-col gap-4 rounded-sm border border-border p-4 sm:p-6">
                  <div className="flex flex-wrap items-center gap-3">
                    <h4 id={`sanction-${s.id}`} className="text-lg font-bold">
                      Manquement du {formatDate(s.dateFait)}
                    </h4>
                    <Badge tone={statut.tone}>{statut.label}</Badge>
                  </div>
                  <SanctionDetails sanction={s} />
                  {canAct ? (
                    <div>
                      <ButtonLink variant={open ? "primary" : "tertiary"} size="sm" href={`/jeunes/${jeuneId}/sanctions/${s.id}`}>
                        {open ? "Traiter ce manquement" : "Voir le détail"}
                        <span className="sr-only"> du {formatDate(s.dateFait)}</span>
                      </ButtonLink>
                    </div>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
