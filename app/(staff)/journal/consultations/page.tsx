import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { CONSULTATION_MOTIFS, type ConsultationMotif, MOTIF_LABELS } from "@/lib/consultations/motifs";
import { SelectField } from "@/components/ui/select";
import { consultedLabel, dossierHref } from "@/lib/consultations/onglets";
import { listConsultationLog } from "@/lib/consultations/queries";
import { formatNumber, formatShortDate, formatTime } from "@/lib/format/fr";
import { parsePage, withParams, type SearchParams } from "@/lib/http/search-params";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Journal des consultations" };

const PATH = "/journal/consultations";

export default async function ConsultationsLogPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("audit.read");
  const params = await searchParams;
  const page = parsePage(params.page);
  const horsPortefeuille = params.hors === "1";
  // An unknown reason is ignored, never an error.
  const motif = (CONSULTATION_MOTIFS as readonly string[]).includes(String(params.motif)) ? (params.motif as ConsultationMotif) : null;
  const { rows, total, pageCount } = await listConsultationLog(user, { page, horsPortefeuille, motif });
  const showStructure = user.role === "admin";

  return (
    <>
      <PageHeader
        title="Journal des consultations"
        description="Qui a ouvert quel dossier, quand, quel onglet, et pour quel motif hors portefeuille. Les jeunes voient les consultations de leur dossier."
        actions={
          <ButtonLink href="/journal" variant="secondary" className="whitespace-nowrap">
            Journal d&apos;audit
          </ButtonLink>
        }
      />
      <form method="get" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex items-center gap-3">
          <input
            id="hors"
            name="hors"
            type="checkbox"
            value="1"
            defaultChecked={horsPortefeuille}
            className="size-6 shrink-0 accent-primary"
          />
          <label htmlFor="hors" className="font-medium">
            Hors portefeuille uniquement
          </label>
        </div>
        <SelectField
          name="motif"
          label="Motif"
          placeholder="Tous les motifs"
          options={CONSULTATION_MOTIFS.map((m) => ({ value: m, label: MOTIF_LABELS[m] }))}
          defaultValue={motif ?? ""}
        />
        <Button type="submit" variant="secondary" size="sm">
          Filtrer
        </Button>
      </form>
      <p className="mb-3 text-ink-2" role="status">
        {total === 0 ? "Aucune consultation" : total === 1 ? "1 consultation" : `${formatNumber(total)} consultations`}
        {horsPortefeuille ? " hors portefeuille" : ""}
        {motif ? ` pour le motif « ${MOTIF_LABELS[motif]} »` : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={horsPortefeuille ? "Aucune consultation hors portefeuille" : "Aucune consultation"}>
          {horsPortefeuille
            ? "Quand quelqu'un ouvre un dossier qui n'est pas dans son portefeuille, la consultation et son motif apparaissent ici."
            : "Chaque ouverture d'un dossier apparaîtra ici."}
        </EmptyState>
      ) : (
        <>
          <Table caption="Consultations des dossiers, les plus récentes d'abord" captionHidden>
            <THead>
              <Tr>
                <Th>Date</Th>
                <Th>Par</Th>
                <Th>Dossier</Th>
                <Th>Onglet</Th>
                <Th>Accès</Th>
                <Th>Motif</Th>
                {showStructure ? <Th>Mission locale</Th> : null}
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">
                    {formatShortDate(r.at)}
                    <span className="block text-sm text-ink-2">{formatTime(r.at)}</span>
                  </Td>
                  <Td>
                    {r.userName ? <PersonName>{r.userName}</PersonName> : "Compte supprimé"}
                    <span className="block text-sm text-ink-2">{ROLE_LABELS[r.userRole]}</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <TextLink href={dossierHref(r.jeuneId)}>
                      <PersonName>{displayName(r)}</PersonName>
                    </TextLink>
                  </Td>
                  <Td>{consultedLabel(r.onglet)}</Td>
                  <Td className="whitespace-nowrap">
                    {r.horsPortefeuille ? (
                      <Badge tone="warning">Hors portefeuille</Badge>
                    ) : (
                      <span className="text-ink-2">Portefeuille</span>
                    )}
                  </Td>
                  <Td className="min-w-48">
                    {r.motif ? MOTIF_LABELS[r.motif] : <span className="text-ink-2">—</span>}
                    {r.motifDetail ? <span className="block text-sm whitespace-pre-line text-ink-2">« {r.motifDetail} »</span> : null}
                  </Td>
                  {showStructure ? <Td>{r.structure}</Td> : null}
                </Tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-6">
            <Pagination
              page={Math.min(page, pageCount)}
              pageCount={pageCount}
              hrefFor={(p) => withParams(PATH, { hors: horsPortefeuille ? "1" : undefined, motif: motif ?? undefined, page: p })}
            />
          </div>
        </>
      )}
    </>
  );
}
