import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { z } from "zod";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { auditActionLabel } from "@/lib/audit-labels";
import { listAudit } from "@/lib/audit/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { structureScope } from "@/lib/auth/session-user";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { firstString, parsePage, withParams, type SearchParams } from "@/lib/http/search-params";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Journal d'audit" };

export default async function JournalPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("audit.read");
  const params = await searchParams;
  const page = parsePage(params.page);
  // ?compte=<id>: the entries about one staff account (its page links here); anything else is ignored.
  const compte = z.uuid().safeParse(firstString(params.compte)).data;
  const { rows, total, pageCount } = await listAudit(structureScope(user), page, compte ? { type: "user", id: compte } : undefined);
  return (
    <>
      <PageHeader
        title="Journal d'audit"
        description="Qui a fait quoi, et quand. Le journal ne contient aucune donnée personnelle en clair et ne peut pas être modifié."
        actions={
          <ButtonLink href="/journal/consultations" variant="secondary">
            Journal des consultations
          </ButtonLink>
        }
      />
      <p className="mb-3 text-ink-2">
        {formatNumber(total)} entrées{compte ? " concernant ce compte" : ""}
        {compte ? (
          <>
            {" · "}
            <TextLink href="/journal">Voir tout le journal</TextLink>
          </>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="Le journal est vide">Les connexions et les modifications apparaîtront ici.</EmptyState>
      ) : (
        <>
          <Table caption="Entrées du journal d'audit, les plus récentes d'abord" captionHidden>
            <THead>
              <Tr>
                <Th>Date</Th>
                <Th>Action</Th>
                <Th>Par</Th>
                <Th>Champs modifiés</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(r.at)}</Td>
                  <Td>{auditActionLabel(r.action)}</Td>
                  <Td>
                    {r.actorName ? <PersonName>{r.actorName}</PersonName> : "Système"}
                    {r.actorRole ? <span className="block text-sm text-ink-2">{ROLE_LABELS[r.actorRole]}</span> : null}
                  </Td>
                  <Td>{r.fields.length ? r.fields.join(", ") : "—"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-6">
            <Pagination
              page={Math.min(page, pageCount)}
              pageCount={pageCount}
              hrefFor={(p) => withParams("/journal", { compte, page: p })}
            />
          </div>
        </>
      )}
    </>
  );
}
