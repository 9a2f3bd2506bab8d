import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextInput } from "@/components/ui/field";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatNumber, formatShortDate } from "@/lib/format/fr";
import { firstString, parsePage, withParams, type SearchParams } from "@/lib/http/search-params";
import { DISPOSITIF_LABELS, displayName } from "@/lib/jeunes/labels";
import { listPortefeuille } from "@/lib/jeunes/portefeuille";
import { ageOn } from "@/lib/jeunes/rules";

export const metadata: Metadata = { title: "Portefeuille" };

export default async function PortefeuillePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("jeunes.read");
  const params = await searchParams;
  const q = firstString(params.q, 100);
  const page = parsePage(params.page);
  const { rows, total, pageCount } = await listPortefeuille(user, { q, page });
  const today = todayInParis(new Date());
  const scopeLabel = user.role === "conseiller" ? "Les jeunes que vous accompagnez" : `Les jeunes suivis par ${user.structureName ?? "la structure"}`;

  return (
    <>
      <PageHeader title="Portefeuille" description={scopeLabel} />
      <form role="search" method="get" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="sm:w-96">
          <TextInput name="q" label="Rechercher un jeune" hint="Nom ou prénom, avec ou sans accents" defaultValue={q} autoComplete="off" />
        </div>
        <Button type="submit" variant="primary">
          Rechercher
        </Button>
      </form>
      <p className="mb-3 text-ink-2" role="status">
        {total === 0 ? "Aucun jeune" : total === 1 ? "1 jeune" : `${formatNumber(total)} jeunes`}
        {q ? ` pour « ${q} »` : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={q ? "Aucun jeune ne correspond à votre recherche" : "Aucun jeune dans ce portefeuille"}>
          {q ? "Vérifiez l'orthographe ou cherchez avec moins de lettres." : "Les jeunes qui vous sont attribués apparaîtront ici."}
        </EmptyState>
      ) : (
        <>
          <Table caption="Jeunes du portefeuille" captionHidden>
            <THead>
              <Tr>
                <Th>Nom</Th>
                <Th>Âge</Th>
                <Th>Dispositif</Th>
                <Th>Antenne</Th>
                {user.role === "conseiller" ? null : <Th>Conseiller</Th>}
              </Tr>
            </THead>
            <TBody>
              {rows.map((j) => (
                <Tr key={j.id}>
                  <Th scope="row" className="font-normal">
                    <TextLink href={`/jeunes/${j.id}`}>{displayName(j)}</TextLink>
                  </Th>
                  <Td>
                    {ageOn(j.dateNaissance, today)} ans
                    <span className="block text-sm text-ink-2">né(e) le {formatShortDate(j.dateNaissance)}</span>
                  </Td>
                  <Td>
                    {j.dispositif === "aucun" ? (
                      <span className="text-ink-2">Aucun</span>
                    ) : (
                      <Badge tone={j.dispositif === "CEJ" ? "info" : "new"}>{DISPOSITIF_LABELS[j.dispositif]}</Badge>
                    )}
                  </Td>
                  <Td>{j.antenne ?? "—"}</Td>
                  {user.role === "conseiller" ? null : <Td>{j.conseiller ?? "Non attribué"}</Td>}
                </Tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-6">
            <Pagination page={Math.min(page, pageCount)} pageCount={pageCount} hrefFor={(p) => withParams("/portefeuille", { q, page: p })} />
          </div>
        </>
      )}
    </>
  );
}
