import { PresenceBadge, StateBadge, TypeBadge } from "@/components/agenda/seance-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { Pagination } from "@/components/ui/pagination";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { parisWallClock } from "@/lib/calendar/paris-time";
import { listJeuneSeances, type JeuneSeance } from "@/lib/agenda/queries";
import { can } from "@/lib/auth/permissions";
import { dossierHref } from "@/lib/consultations/onglets";
import { formatDate, formatNumber, formatTime } from "@/lib/format/fr";
import { parsePage } from "@/lib/http/search-params";
import type { DossierSectionProps } from "./tab-props";

function When({ row }: { row: JeuneSeance }) {
  const day = formatDate(parisWallClock(row.debut).date);
  return (
    <>
      <span className="first-letter:uppercase">{day}</span>
      <br />
      <time dateTime={row.debut.toISOString()}>{formatTime(row.debut)}</time> –{" "}
      <time dateTime={row.fin.toISOString()}>{formatTime(row.fin)}</time>
    </>
  );
}

/** The young person's rendez-vous and collective séances: upcoming first, then past ones, with their attendance. */
export async function RendezVousTab({ user, jeuneId, params }: DossierSectionProps) {
  const page = parsePage(params.page);
  const list = await listJeuneSeances(user, jeuneId, page, new Date());
  const agenda = can(user.role, "agenda.read");
  const canPlan = can(user.role, "agenda.write");
  const plan = canPlan ? (
    <ButtonLink href={`/agenda/nouvelle?jeune=${jeuneId}`} variant="primary" className="shrink-0">
      Planifier un rendez-vous
    </ButtonLink>
  ) : null;
  const upcoming = list.rows.filter((r) => r.aVenir).length;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <p className="max-w-3xl text-ink-2">
          Les rendez-vous individuels, ateliers et informations collectives du jeune. Les prochains d&apos;abord, puis les passés avec la
          présence notée.
        </p>
        {plan}
      </div>
      {list.total === 0 ? (
        <EmptyState title="Aucun rendez-vous ni atelier pour l'instant" titleAs="h3">
          {canPlan
            ? "Planifiez un premier rendez-vous avec le bouton « Planifier un rendez-vous », ou inscrivez le jeune à un atelier depuis l'agenda."
            : "Les séances du jeune apparaîtront ici."}
        </EmptyState>
      ) : (
        <>
          <Table caption={`Séances du jeune (${formatNumber(list.total)}), page ${list.page} sur ${list.pageCount}`} captionHidden>
            <THead>
              <Tr>
                <Th>Date et horaire</Th>
                <Th>Séance</Th>
                <Th>Type</Th>
                <Th>Présence</Th>
              </Tr>
            </THead>
            <TBody>
              {list.rows.map((row, i) => (
                <Tr key={row.participationId} className={i === upcoming && upcoming > 0 ? "border-t-4 border-t-border" : undefined}>
                  <Td>
                    <When row={row} />
                    {row.aVenir ? <p className="text-sm font-bold">À venir</p> : null}
                  </Td>
                  <Th scope="row" className="font-normal">
                    {agenda ? <TextLink href={`/agenda/${row.seanceId}`}>{row.titre}</TextLink> : row.titre}
                    {row.lieu ? <p className="text-sm text-ink-2">{row.lieu}</p> : null}
                  </Th>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      <TypeBadge type={row.type} />
                      <StateBadge annulee={row.annulee} cloturee={false} />
                    </div>
                  </Td>
                  <Td>{row.annulee ? <span className="text-ink-2">Sans objet</span> : <PresenceBadge presence={row.presence} />}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            hrefFor={(p) => dossierHref(jeuneId, "rendez-vous", { page: p })}
            label="Pages des séances"
          />
        </>
      )}
    </div>
  );
}
