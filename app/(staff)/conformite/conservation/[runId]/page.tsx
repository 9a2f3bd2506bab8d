import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { RunKindBadge, RunStatusBadge } from "@/components/retention/run-badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { formatDuration, holdText, OUTCOME_LABELS, RULE_LABELS, targetReference, TRIGGER_LABELS } from "@/lib/retention/labels";
import { retentionRunDetail } from "@/lib/retention/queries";
import { RETENTION_RULES, type RetentionRule } from "@/lib/retention/run";
import type { BadgeTone } from "@/lib/ui/tones";

export const metadata: Metadata = { title: "Passage de la purge de conservation" };

const OUTCOME_TONES: Record<string, BadgeTone> = { fait: "success", prevu: "info", ignore: "warning" };

function pageNumber(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function ruleOf(raw: string | undefined): RetentionRule | null {
  return (RETENTION_RULES as readonly string[]).includes(raw ?? "") ? (raw as RetentionRule) : null;
}

export default async function RetentionRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ runId: string }>;
  searchParams: SearchParams;
}) {
  const user = await requireCapability("conservation.read");
  const { runId } = await params;
  if (!z.uuid().safeParse(runId).success) notFound();
  const raw = await searchParams;
  const rule = ruleOf(firstString(raw.regle));
  const detail = await retentionRunDetail(user, runId, { page: pageNumber(firstString(raw.page)), rule });
  if (!detail) notFound();
  const { run, items, total, page, pageCount, visible } = detail;
  const scoped = user.role !== "admin";
  const href = (next: { regle?: RetentionRule | null; page?: number }) => {
    const q = new URLSearchParams();
    const r = next.regle === undefined ? rule : next.regle;
    if (r) q.set("regle", r);
    if (next.page && next.page > 1) q.set("page", String(next.page));
    const s = q.toString();
    return `/conformite/conservation/${run.id}${s ? `?${s}` : ""}`;
  };

  return (
    <>
      {run.status === "en_cours" ? <AutoRefresh /> : null}
      <p className="mb-4">
        <TextLink href="/conformite/conservation">Retour aux passages</TextLink>
      </p>
      <PageHeader
        title={`${run.dryRun ? "Simulation" : "Purge"} du ${formatDateTime(run.startedAt)}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RunKindBadge dryRun={run.dryRun} />
            <RunStatusBadge run={run} />
            <span>
              Déclenchement : {TRIGGER_LABELS[run.trigger] ?? run.trigger} — durée : {formatDuration(run.durationMs)}
            </span>
          </span>
        }
      />

      {run.status === "en_cours" ? (
        <Alert tone="info" live="polite" title="Passage en cours" className="mb-6">
          {formatNumber(run.progress.done)} éléments traités sur {formatNumber(run.progress.total)}. La page se met à jour toute seule.
        </Alert>
      ) : null}
      {run.status === "interrompu" || run.status === "echec" ? (
        <Alert tone="warning" title="Passage non terminé" className="mb-6">
          Ce passage s&apos;est arrêté avant la fin. Ce qui a été fait est listé ci-dessous ; le passage suivant reprend le reste.
        </Alert>
      ) : null}
      {run.dryRun && run.status === "termine" ? (
        <Alert tone="info" title="Rien n'a été modifié" className="mb-6">
          Cette simulation liste ce que la prochaine purge ferait aujourd&apos;hui.
        </Alert>
      ) : null}

      <section aria-labelledby="titre-regles" className="mb-10">
        <h2 id="titre-regles" className="mb-3">
          Par règle, toutes missions locales confondues
        </h2>
        <Table caption="Nombres par règle de conservation" captionHidden>
          <THead>
            <Tr>
              <Th>Règle</Th>
              <Th className="text-right">Examinés</Th>
              <Th className="text-right">{run.dryRun ? "Prévus" : "Traités"}</Th>
              <Th className="text-right">Gardés</Th>
            </Tr>
          </THead>
          <TBody>
            {RETENTION_RULES.map((r) => (
              <Tr key={r}>
                <Th scope="row" className="font-normal">
                  {RULE_LABELS[r]}
                </Th>
                <Td className="text-right">{formatNumber(run.counts[r].examined)}</Td>
                <Td className="text-right">{formatNumber(run.counts[r].done)}</Td>
                <Td className="text-right">{formatNumber(run.counts[r].skipped)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="titre-elements">
        <h2 id="titre-elements" className="mb-3">
          Éléments {scoped ? "de votre mission locale" : ""}
        </h2>
        <nav aria-label="Filtrer par règle" className="mb-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <TextLink href={href({ regle: null })} aria-current={rule === null ? "page" : undefined}>
                Toutes les règles
              </TextLink>
            </li>
            {RETENTION_RULES.map((r) => {
              const n = visible[r].fait + visible[r].prevu + visible[r].ignore;
              return (
                <li key={r}>
                  <TextLink href={href({ regle: r })} aria-current={rule === r ? "page" : undefined}>
                    {RULE_LABELS[r]} ({formatNumber(n)})
                  </TextLink>
                </li>
              );
            })}
          </ul>
        </nav>
        {items.length === 0 ? (
          <EmptyState title="Aucun élément">
            {scoped ? "Ce passage n'a rien fait ni gardé pour votre mission locale" : "Ce passage n'a rien fait ni gardé"}
            {rule ? " pour cette règle." : "."}
          </EmptyState>
        ) : (
          <>
            <p className="mb-3 text-ink-2">
              {formatNumber(total)} {total > 1 ? "éléments" : "élément"}
              {pageCount > 1 ? ` — page ${page} sur ${pageCount}` : ""}. Les personnes sont désignées par une référence, jamais par leur
              nom.
            </p>
            <Table caption={`Éléments du passage, page ${page} sur ${pageCount}`} captionHidden>
              <THead>
                <Tr>
                  <Th>Élément</Th>
                  <Th>Règle</Th>
                  <Th>Résultat</Th>
                  <Th>Motif</Th>
                </Tr>
              </THead>
              <TBody>
                {items.map((item) => (
                  <Tr key={`${item.rule}:${item.targetId}`}>
                    <Th scope="row" className="whitespace-nowrap font-normal">
                      {targetReference(item.targetType, item.targetId)}
                    </Th>
                    <Td>{RULE_LABELS[item.rule]}</Td>
                    <Td>
                      <Badge tone={OUTCOME_TONES[item.outcome] ?? "neutral"}>{OUTCOME_LABELS[item.outcome] ?? item.outcome}</Badge>
                    </Td>
                    <Td>{holdText(item.reason) || "—"}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            <div className="mt-6">
              <Pagination page={page} pageCount={pageCount} hrefFor={(p) => href({ page: p })} label="Pages des éléments" />
            </div>
          </>
        )}
      </section>
    </>
  );
}
