import type { Metadata } from "next";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { RunKindBadge, RunStatusBadge } from "@/components/retention/run-badges";
import { SimulateButton } from "@/components/retention/simulate-button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { formatDuration, RULE_LABELS, RULE_SHORT_LABELS, TRIGGER_LABELS } from "@/lib/retention/labels";
import { listRetentionRuns } from "@/lib/retention/queries";
import { RETENTION_RULES } from "@/lib/retention/run";

export const metadata: Metadata = { title: "Conservation des données" };

function pageNumber(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export default async function ConservationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("conservation.read");
  const raw = await searchParams;
  const { rows, total, page, pageCount, running } = await listRetentionRuns(user, { page: pageNumber(firstString(raw.page)) });
  const canSimulate = can(user.role, "conservation.simulate");

  return (
    <>
      {running ? <AutoRefresh /> : null}
      <PageHeader
        title="Conservation des données"
        description={
          <>
            Chaque passage applique les règles de conservation (paramètres « Durées de conservation ») à toutes les missions locales :
            dossiers des jeunes après la fin de l&apos;accompagnement, comptes des équipes après la fin de l&apos;accès, journal des
            consultations, sessions et codes de connexion. Un dossier sous limitation ou soumis à une obligation légale (contrat en cours,
            allocation, audits du FSE) est gardé, avec son motif. Une simulation liste ce qui serait fait, sans rien modifier.
          </>
        }
        actions={canSimulate ? <SimulateButton disabled={running} /> : null}
      />

      {running ? (
        <Alert tone="info" live="polite" title="Un passage est en cours" className="mb-6">
          La page se met à jour toute seule jusqu&apos;à la fin du passage.
        </Alert>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState title="Aucun passage pour l'instant">
          Le service de tâches de fond applique les règles toutes les heures.
          {canSimulate ? " Vous pouvez aussi lancer une simulation." : ""}
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-ink-2">
            {formatNumber(total)} {total > 1 ? "passages" : "passage"}, les plus récents d&apos;abord
            {pageCount > 1 ? ` — page ${page} sur ${pageCount}` : ""}. Pour chaque règle : traités (ou prévus, pour une simulation), puis
            gardés.
          </p>
          {/* On a phone, one card per run: the table of every rule would scroll sideways. */}
          <ul aria-label={`Passages de la purge de conservation, page ${page} sur ${pageCount}`} className="flex flex-col gap-4 sm:hidden">
            {rows.map((run) => (
              <li key={run.id} className="rounded-sm border border-border p-4">
                <p className="font-bold">
                  <TextLink href={`/conformite/conservation/${run.id}`}>{formatDateTime(run.startedAt)}</TextLink>
                </p>
                <p className="mb-2 text-sm text-ink-2">
                  {TRIGGER_LABELS[run.trigger] ?? run.trigger} · durée {formatDuration(run.durationMs)}
                </p>
                <p className="mb-3 flex flex-wrap gap-2">
                  <RunKindBadge dryRun={run.dryRun} />
                  <RunStatusBadge run={run} />
                </p>
                <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
                  {RETENTION_RULES.map((rule) => {
                    const c = run.counts[rule];
                    return (
                      <div key={rule} className="contents">
                        <dt>{RULE_LABELS[rule]}</dt>
                        <dd className="text-right">
                          {formatNumber(c.done)} {run.dryRun ? "prévus" : "traités"}
                          <span className="block text-ink-2">
                            {formatNumber(c.skipped)} {c.skipped > 1 ? "gardés" : "gardé"}
                          </span>
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table caption={`Passages de la purge de conservation, page ${page} sur ${pageCount}`} captionHidden>
              <THead>
                <Tr>
                  <Th>Début</Th>
                  <Th>Type</Th>
                  <Th>Statut</Th>
                  <Th>Durée</Th>
                  {RETENTION_RULES.map((rule) => (
                    <Th key={rule}>
                      <abbr title={RULE_LABELS[rule]} className="no-underline">
                        {RULE_SHORT_LABELS[rule]}
                      </abbr>
                    </Th>
                  ))}
                </Tr>
              </THead>
              <TBody>
                {rows.map((run) => (
                  <Tr key={run.id}>
                    <Th scope="row" className="whitespace-nowrap font-normal">
                      <TextLink href={`/conformite/conservation/${run.id}`}>{formatDateTime(run.startedAt)}</TextLink>
                      <span className="block text-sm text-ink-2">{TRIGGER_LABELS[run.trigger] ?? run.trigger}</span>
                    </Th>
                    <Td>
                      <RunKindBadge dryRun={run.dryRun} />
                    </Td>
                    <Td>
                      <RunStatusBadge run={run} />
                    </Td>
                    <Td className="whitespace-nowrap">{formatDuration(run.durationMs)}</Td>
                    {RETENTION_RULES.map((rule) => {
                      const c = run.counts[rule];
                      return (
                        <Td key={rule} className="whitespace-nowrap text-sm">
                          {formatNumber(c.done)} {run.dryRun ? "prévus" : "traités"}
                          <span className="block text-ink-2">
                            {formatNumber(c.skipped)} {c.skipped > 1 ? "gardés" : "gardé"}
                          </span>
                        </Td>
                      );
                    })}
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
          <div className="mt-6">
            <Pagination
              page={page}
              pageCount={pageCount}
              hrefFor={(p) => `/conformite/conservation?page=${p}`}
              label="Pages des passages"
            />
          </div>
        </>
      )}
    </>
  );
}
