import type { Metadata } from "next";
import { PresenceBadge } from "@/components/agenda/seance-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PersonName } from "@/components/ui/person-name";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import type { MarkedPresence } from "@/lib/agenda/rules";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatDate, formatNumber, formatShortDate, formatTime } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";
import { parseRendezVousParams, pilotageHref, rendezVousHref } from "@/lib/pilotage/params";
import { listRendezVous } from "@/lib/pilotage/rendez-vous-queries";
import { forbidden } from "next/navigation";

export const metadata: Metadata = { title: "Rendez-vous pointés" };

const WHAT: Record<MarkedPresence, string> = {
  present: "où le ou la jeune était présent(e)",
  absent_excuse: "manqués avec une excuse",
  absent_non_excuse: "manqués sans excuse",
};

export default async function RendezVousPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("pilotage.read");
  // The admin reads the dashboard without its lists: no portfolio to show young people from.
  if (user.role !== "directeur") forbidden();
  const now = new Date();
  const view = await listRendezVous(user, parseRendezVousParams(await searchParams), now, todayInParis(now));
  const { filters, rows, total, page, pageCount } = view;
  const scope = view.conseiller
    ? `des jeunes dont ${view.conseiller.name} est titulaire`
    : view.antenne
      ? `des jeunes de l'antenne ${view.antenne.name}`
      : "des jeunes de la mission locale";
  const what = filters.presence ? WHAT[filters.presence] : "pointés (présence ou absence)";
  const back = pilotageHref({ structure: null, antenne: filters.antenne, conseiller: filters.conseiller, mois: filters.mois });

  return (
    <>
      <PageHeader
        title="Rendez-vous individuels pointés"
        description={
          <>
            Rendez-vous individuels {scope}, du {formatDate(view.period.from)} au {formatDate(view.period.to)}, déjà passés, non annulés et{" "}
            {what} : ceux que compte la présence aux rendez-vous du tableau de bord.
          </>
        }
      />
      <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        <TextLink href={back}>Retour au pilotage</TextLink>
        {filters.presence ? (
          <TextLink href={rendezVousHref(filters, { presence: null })}>Voir tous les rendez-vous pointés</TextLink>
        ) : null}
      </p>
      <p role="status" className="mb-4 font-bold">
        {total === 0 ? "Aucun rendez-vous" : `${formatNumber(total)} rendez-vous`}
      </p>
      {total === 0 ? (
        <EmptyState title="Aucun rendez-vous à montrer">
          Sur cette période, aucun rendez-vous individuel n&apos;a cette présence.
        </EmptyState>
      ) : (
        <>
          <Table caption={`Rendez-vous individuels pointés, page ${page} sur ${pageCount}`} captionHidden className="text-sm">
            <THead>
              <Tr>
                <Th>Date</Th>
                <Th>Jeune</Th>
                <Th>Présence</Th>
                <Th>Rendez-vous</Th>
                <Th>Animé par</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.participationId}>
                  <Td className="whitespace-nowrap">
                    {formatShortDate(r.debut)}
                    <br />
                    {formatTime(r.debut)}
                  </Td>
                  <Th scope="row" className="font-normal">
                    <TextLink href={`/jeunes/${r.jeuneId}?onglet=rendez-vous`}>
                      <PersonName>{r.jeuneName}</PersonName>
                    </TextLink>
                  </Th>
                  <Td>
                    <PresenceBadge presence={r.presence} />
                  </Td>
                  <Td>
                    <TextLink href={`/agenda/${r.seanceId}`}>{r.titre}</TextLink>
                  </Td>
                  <Td>{r.animateurName ?? "—"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-6">
            <Pagination page={page} pageCount={pageCount} hrefFor={(p) => rendezVousHref(filters, { page: p })} />
          </div>
        </>
      )}
    </>
  );
}
