import type { DossierSectionProps } from "@/components/dossier/tab-props";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/link";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatMonth, formatDateTime, formatMoneyCents } from "@/lib/format/fr";
import { describeBasis } from "@/lib/allocation/labels";
import { DECISIONS_PAGE_SIZE, listDecisionsForDossier } from "@/lib/allocation/queries";
import { describeRegleVersion } from "@/lib/allocation/regle-version";
import { can } from "@/lib/auth/permissions";
import { firstString, parsePage } from "@/lib/http/search-params";
import { PersonName } from "@/components/ui/person-name";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Monthly allowance decisions (CEJ, PACEA): most recent month first, superseded ones kept and marked. */
export async function AllocationSection({ user, jeuneId, params }: DossierSectionProps) {
  const page = parsePage(params.allocationPage);
  const { rows, total } = await listDecisionsForDossier(user, jeuneId, page);
  const pageCount = Math.max(1, Math.ceil(total / DECISIONS_PAGE_SIZE));
  const canWrite = can(user.role, "parcours.write");
  const saved = firstString(params.allocation, 7);
  const newLink = canWrite ? (
    <ButtonLink variant="secondary" size="sm" href={`/jeunes/${jeuneId}/allocation/nouvelle`}>
      Nouvelle décision
    </ButtonLink>
  ) : null;

  return (
    <section id="allocation" aria-labelledby="titre-allocation" className="flex scroll-mt-4 flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id="titre-allocation">Allocation mensuelle</h3>
        {rows.length > 0 ? newLink : null}
      </div>
      {MONTH.test(saved) ? (
        <Alert tone="success" live="polite">
          La décision d&apos;allocation de {formatMonth(saved)} est enregistrée.
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState titleAs="h4" title="Aucune décision d'allocation" action={newLink}>
          {canWrite
            ? "Chaque mois, enregistrez la décision d'allocation CEJ ou PACEA : Sillage calcule le montant selon les règles en vigueur et vous le montre avant que vous confirmiez."
            : "Aucune allocation n'a encore été décidée pour ce jeune."}
        </EmptyState>
      ) : (
        <>
          {/* Phones: one card per decision (a five-column table would scroll sideways); wider screens: the table. */}
          <ol className="flex flex-col gap-3 md:hidden" aria-label="Décisions d'allocation, du mois le plus récent au plus ancien">
            {rows.map((d) => {
              const superseded = d.remplaceeParId !== null;
              return (
                <li
                  key={d.id}
                  className={superseded ? "rounded-sm border border-border bg-alt p-4" : "rounded-sm border border-border p-4"}
                >
                  <p className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-bold">
                      {formatMonth(d.mois)} · {d.dispositif}
                    </span>
                    {superseded ? <Badge tone="neutral">Remplacée</Badge> : <Badge tone="success">En vigueur</Badge>}
                  </p>
                  <p className="mt-1 text-lg font-bold">
                    {superseded ? <s>{formatMoneyCents(d.montantCents)}</s> : formatMoneyCents(d.montantCents)}
                  </p>
                  <p className="mt-1 text-sm text-ink-2">{describeBasis(d.dispositif, d.entrees)}</p>
                  <p className="mt-2">{d.explication}</p>
                  <p className="mt-2 text-sm text-ink-2">
                    Règles appliquées : {describeRegleVersion(d.regleVersion).join(" ; ") || "aucun paramètre en vigueur"}.
                  </p>
                  <p className="mt-1 text-sm text-ink-2">
                    Décidée le {formatDateTime(d.decideeLe)}
                    {d.decideeParNom ? (
                      <>
                        {" "}
                        par <PersonName>{d.decideeParNom}</PersonName>
                      </>
                    ) : null}
                    .
                  </p>
                </li>
              );
            })}
          </ol>
          <div className="hidden md:block">
            <Table caption="Décisions d'allocation, du mois le plus récent au plus ancien" captionHidden>
              <THead>
                <Tr>
                  <Th>Mois</Th>
                  <Th>Montant</Th>
                  <Th>Base de calcul</Th>
                  <Th>Explication et règles appliquées</Th>
                  <Th>État</Th>
                </Tr>
              </THead>
              <TBody>
                {rows.map((d) => {
                  const superseded = d.remplaceeParId !== null;
                  return (
                    <Tr key={d.id} className={superseded ? "bg-alt" : undefined}>
                      <Th scope="row" className="whitespace-nowrap">
                        {formatMonth(d.mois)}
                        <span className="block text-sm font-normal text-ink-2">{d.dispositif}</span>
                      </Th>
                      <Td className="whitespace-nowrap font-bold">
                        {superseded ? <s>{formatMoneyCents(d.montantCents)}</s> : formatMoneyCents(d.montantCents)}
                      </Td>
                      <Td className="min-w-48">{describeBasis(d.dispositif, d.entrees)}</Td>
                      <Td className="min-w-72">
                        <p>{d.explication}</p>
                        <p className="mt-2 text-sm text-ink-2">
                          Règles appliquées : {describeRegleVersion(d.regleVersion).join(" ; ") || "aucun paramètre en vigueur"}.
                        </p>
                        <p className="mt-1 text-sm text-ink-2">
                          Décidée le {formatDateTime(d.decideeLe)}
                          {d.decideeParNom ? (
                            <>
                              {" "}
                              par <PersonName>{d.decideeParNom}</PersonName>
                            </>
                          ) : null}
                          .
                        </p>
                      </Td>
                      <Td className="whitespace-nowrap">
                        {superseded ? <Badge tone="neutral">Remplacée</Badge> : <Badge tone="success">En vigueur</Badge>}
                      </Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          </div>
          {pageCount > 1 ? (
            <Pagination
              page={page}
              pageCount={pageCount}
              label="Pages des décisions d'allocation"
              hrefFor={(p) => `/jeunes/${jeuneId}?onglet=parcours&allocationPage=${p}#allocation`}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
