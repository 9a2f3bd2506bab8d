import type { DossierSectionProps } from "@/components/dossier/tab-props";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/link";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatShortDate } from "@/lib/format/fr";
import { maxEndDate } from "@/lib/parcours/contrats";
import { confirmationOf } from "@/lib/parcours/confirmations";
import { CONTRAT_TYPE_LONG } from "@/lib/parcours/labels";
import { daysLeft } from "@/lib/parcours/periodes";
import { listContratsForDossier, type ContratView } from "@/lib/parcours/queries";
import { ContratHistory } from "./contrat-history";
import { PhasesTable } from "./phases-table";
import { PersonName } from "@/components/ui/person-name";

function DaysLeft({ days }: { days: number }) {
  if (days < 0)
    return (
      <Badge tone="error">
        Fin prévue dépassée de {-days} jour{-days > 1 ? "s" : ""}
      </Badge>
    );
  if (days === 0) return <Badge tone="warning">Dernier jour</Badge>;
  return (
    <Badge tone={days <= 30 ? "warning" : "info"}>
      Encore {days} jour{days > 1 ? "s" : ""}
    </Badge>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:gap-4">
      <dt className="font-medium sm:w-56 sm:shrink-0">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CurrentContrat({
  contrat,
  jeuneId,
  today,
  canWrite,
}: {
  contrat: ContratView;
  jeuneId: string;
  today: string;
  canWrite: boolean;
}) {
  const extended = contrat.type === "CEJ" && !!contrat.prolongationMotif;
  const left = daysLeft(today, contrat);
  const base = `/jeunes/${jeuneId}/contrats/${contrat.id}`;
  return (
    <div className="rounded-sm border border-border p-4 sm:p-6">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h4 className="text-lg font-bold">Contrat en cours</h4>
        <Badge tone="info">{contrat.type}</Badge>
        <DaysLeft days={left} />
      </div>
      <p className="mb-4 text-ink-2">{CONTRAT_TYPE_LONG[contrat.type]}</p>
      <dl className="flex flex-col gap-2">
        <Row term="Signé le">{formatDate(contrat.signeLe)}</Row>
        <Row term="Début">{formatDate(contrat.debut)}</Row>
        <Row term="Fin prévue">{formatDate(contrat.finPrevue)}</Row>
        <Row term="Fin au plus tard">
          {formatDate(maxEndDate(contrat.type, contrat.debut, { extended }))}{" "}
          <span className="text-ink-2">
            (
            {contrat.type === "PACEA"
              ? "24 mois"
              : extended
                ? "18 mois, prolongation exceptionnelle"
                : "12 mois ; 18 avec un motif exceptionnel"}
            )
          </span>
        </Row>
        {contrat.type === "CEJ" ? <Row term="Motif de prolongation">{contrat.prolongationMotif ?? "Aucun (durée normale)"}</Row> : null}
        {contrat.basculeMotif ? <Row term="Changement de dispositif">{contrat.basculeMotif}</Row> : null}
        <Row term="Conseiller référent">{contrat.conseillerNom ? <PersonName>{contrat.conseillerNom}</PersonName> : "—"}</Row>
      </dl>
      {canWrite ? (
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink variant="secondary" size="sm" href={`${base}/modifier`}>
            Modifier ou prolonger
          </ButtonLink>
          <ButtonLink variant="secondary" size="sm" href={`${base}/terminer`}>
            Terminer le contrat
          </ButtonLink>
          <ButtonLink variant="secondary" size="sm" href={`${base}/changer`}>
            Changer de dispositif
          </ButtonLink>
          <a
            href={`${base}/recapitulatif`}
            className="inline-flex min-h-11 items-center gap-2 rounded-sm border border-border bg-white px-3 py-1 text-sm font-medium text-primary hover:bg-alt sm:min-h-9"
            download
          >
            Récapitulatif PDF<span className="sr-only"> du contrat {contrat.type}</span>
          </a>
        </div>
      ) : null}
      {contrat.type === "PACEA" ? (
        <div className="mt-8">
          <PhasesTable contrat={contrat} jeuneId={jeuneId} canWrite={canWrite} />
        </div>
      ) : null}
    </div>
  );
}

/** The contract in force, its PACEA phases, and the whole pathway (every contract and its events). */
export async function ContratsSection({ user, jeuneId, today, params }: DossierSectionProps) {
  const all = await listContratsForDossier(user, jeuneId);
  const current = all.find((c) => c.finReelle === null) ?? null;
  const canWrite = can(user.role, "parcours.write");
  const confirmation = confirmationOf(params.parcours);
  return (
    <section id="contrats" aria-labelledby="titre-contrats" className="flex scroll-mt-4 flex-col gap-6">
      <h3 id="titre-contrats">Contrat et phases</h3>
      {confirmation ? (
        <Alert tone="success" live="polite">
          {confirmation}
        </Alert>
      ) : null}
      {current ? (
        <CurrentContrat contrat={current} jeuneId={jeuneId} today={today} canWrite={canWrite} />
      ) : (
        <EmptyState
          titleAs="h4"
          title="Aucun contrat en cours"
          action={
            canWrite ? (
              <ButtonLink variant="primary" href={`/jeunes/${jeuneId}/contrats/nouveau`}>
                Signer un contrat
              </ButtonLink>
            ) : undefined
          }
        >
          {all.length > 0
            ? `Le dernier contrat s'est terminé le ${formatShortDate(all[0]!.finReelle ?? all[0]!.finPrevue)}.`
            : "Ce jeune n'a encore signé ni PACEA ni CEJ."}{" "}
          {canWrite ? "Signez un PACEA ou un CEJ : les conditions d'entrée sont vérifiées à l'enregistrement." : ""}
        </EmptyState>
      )}
      <ContratHistory contrats={all} />
    </section>
  );
}
