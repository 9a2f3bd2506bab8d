import type { Metadata } from "next";
import { ReassignForm } from "@/components/affectations/reassign-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/select";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { TextLink } from "@/components/ui/link";
import { listConseillers, listCurrentTemporaryAffectations, listTitularJeunes } from "@/lib/affectations/queries";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatShortDate } from "@/lib/format/fr";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { DISPOSITIF_LABELS, displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Réaffectation" };

export default async function ReaffectationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("jeunes.reassign");
  const today = todayInParis(new Date());
  const conseillers = await listConseillers(user);
  const requested = firstString((await searchParams).de, 40);
  const source = conseillers.find((c) => c.id === requested);
  const [candidates, temporaires] = await Promise.all([
    source ? listTitularJeunes(user, source.id) : Promise.resolve([]),
    listCurrentTemporaryAffectations(user, today),
  ]);

  return (
    <>
      <PageHeader
        title="Réaffectation"
        description="Confiez des jeunes à un autre conseiller de la mission locale, pour de bon ou le temps d'une absence. Les deux conseillers le voient dans l'historique des dossiers."
      />
      <form method="get" className="mb-8 flex flex-col gap-3 rounded-lg bg-alt p-4 sm:flex-row sm:items-end">
        <div className="sm:w-96">
          <SelectField
            name="de"
            label="Conseiller dont vous réaffectez les jeunes"
            options={conseillers.map((c) => ({ value: c.id, label: c.name }))}
            placeholder="Choisir un conseiller"
            defaultValue={source?.id ?? ""}
          />
        </div>
        <Button type="submit" variant="secondary">
          Afficher son portefeuille
        </Button>
      </form>

      {source ? (
        candidates.length === 0 ? (
          <EmptyState title={`${source.name} n'a aucun jeune en suivi actif`}>Choisissez un autre conseiller.</EmptyState>
        ) : (
          <section aria-labelledby="titre-reaffecter" className="mb-10">
            <h2 id="titre-reaffecter" className="mb-4">
              Portefeuille de <PersonName>{source.name}</PersonName>
            </h2>
            <ReassignForm
              candidates={candidates.map((j) => ({
                id: j.id,
                label: displayName(j),
                detail: `né(e) le ${formatShortDate(j.dateNaissance)} · ${DISPOSITIF_LABELS[j.dispositif]}`,
              }))}
              targets={conseillers.filter((c) => c.id !== source.id).map((c) => ({ value: c.id, label: c.name }))}
              today={today}
            />
          </section>
        )
      ) : null}

      <section aria-labelledby="titre-temporaires">
        <h2 id="titre-temporaires" className="mb-4">
          Remplacements en cours ou à venir
        </h2>
        {temporaires.length === 0 ? (
          <p className="text-ink-2">Aucun remplacement en cours.</p>
        ) : (
          // Not the section's own name: the table's scrolling region is a landmark too, and two landmarks
          // of one page must not share a name.
          <Table caption="Remplacements en cours ou à venir, par date de fin, la plus proche d'abord" captionHidden>
            <THead>
              <Tr>
                <Th>Jeune</Th>
                <Th>Conseiller habituel</Th>
                <Th>Remplaçant</Th>
                <Th>Période</Th>
                <Th>Motif</Th>
              </Tr>
            </THead>
            <TBody>
              {temporaires.map((a) => (
                <Tr key={a.id}>
                  <Th scope="row" className="font-normal">
                    <TextLink href={`/jeunes/${a.jeuneId}`}>
                      <PersonName>{displayName(a)}</PersonName>
                    </TextLink>
                  </Th>
                  <Td>{a.de ? <PersonName>{a.de}</PersonName> : "—"}</Td>
                  <Td>
                    <PersonName>{a.vers}</PersonName>
                  </Td>
                  <Td className="whitespace-nowrap">
                    du {formatShortDate(a.debut)} au {a.fin ? formatShortDate(a.fin) : "—"}
                  </Td>
                  <Td>{a.motif}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
