import type { Metadata } from "next";
import { PortefeuilleRows, type PortefeuilleRowView } from "@/components/portefeuille/portefeuille-rows";
import { PortefeuilleForm, SearchBox } from "@/components/portefeuille/portefeuille-form";
import { SortHeader } from "@/components/portefeuille/sort-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { TBody, THead, Table, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatMonthSpanPhrase, formatNumber, formatShortDate } from "@/lib/format/fr";
import { formatMonthSpan } from "@/lib/calendar/months";
import type { SearchParams } from "@/lib/http/search-params";
import { CEJ_HOURS_BUCKETS } from "@/lib/jeunes/cej-hours-buckets";
import { motifSortieLabel } from "@/lib/parcours/motifs-sortie";
import { ALERTS } from "@/lib/jeunes/alerts";
import { DISPOSITIF_LABELS, displayName } from "@/lib/jeunes/labels";
import { listPortefeuille, type Portefeuille, type PortefeuilleRow } from "@/lib/jeunes/portefeuille";
import { PORTEFEUILLE_CELL } from "@/components/portefeuille/cells";
import {
  DISPOSITIF_VALUES,
  SANS_CONSEILLER,
  hasNarrowing,
  parsePortefeuilleParams,
  portefeuilleHref,
} from "@/lib/jeunes/portefeuille-params";

export const metadata: Metadata = { title: "Portefeuille" };

/** A row as the table shows it, its words written here: the rows' component receives data, not elements. */
function rowView(j: PortefeuilleRow): PortefeuilleRowView {
  return {
    id: j.id,
    name: displayName(j),
    archived: j.archivedAt ? `Archivé le ${formatShortDate(j.archivedAt)}` : null,
    age: j.age,
    birthDate: formatShortDate(j.dateNaissance),
    dispositif: j.dispositif === "aucun" ? null : { label: DISPOSITIF_LABELS[j.dispositif], tone: j.dispositif === "CEJ" ? "info" : "new" },
    antenne: j.antenne,
    conseiller: j.conseiller,
    alertes: j.alertes,
  };
}

const withCount = (label: string, n: number | undefined) => `${label} (${formatNumber(n ?? 0)})`;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function jeunesCount(n: number): string {
  return n === 0 ? "Aucun jeune" : n === 1 ? "1 jeune" : `${formatNumber(n)} jeunes`;
}

/** The filters the form shows, with how many young people each value would list. */
function Filters({ view, directeur }: { view: Portefeuille; directeur: boolean }) {
  const { filters, facets } = view;
  const dispositifs: SelectOption[] = DISPOSITIF_VALUES.map((d) => ({
    value: d,
    label: withCount(d === "aucun" ? "Sans dispositif" : DISPOSITIF_LABELS[d], facets.dispositif[d]),
  }));
  const antennes: SelectOption[] = view.antennes.map((a) => ({ value: a.id, label: withCount(a.name, facets.antenne[a.id]) }));
  const conseillers: SelectOption[] = [
    ...view.conseillers.map((c) => ({ value: c.id, label: withCount(c.name, facets.conseiller[c.id]) })),
    { value: SANS_CONSEILLER, label: withCount("Sans conseiller", facets.conseiller[SANS_CONSEILLER]) },
  ];
  // Active files are the default: an empty value, so the link of the default view stays short.
  const statuts: SelectOption[] = [
    { value: "archive", label: withCount("Archivés", facets.statut.archive) },
    { value: "tous", label: withCount("Actifs et archivés", facets.statut.actif + facets.statut.archive) },
  ];
  const alertes: SelectOption[] = ALERTS.map((a) => ({ value: a.key, label: withCount(a.label, facets.alerte[a.key]) }));

  return (
    <div
      className={
        directeur ? "grid grid-cols-2 gap-x-3 gap-y-4 md:grid-cols-3 lg:grid-cols-5" : "grid grid-cols-2 gap-x-3 gap-y-4 lg:grid-cols-4"
      }
    >
      <SelectField
        name="dispositif"
        label="Dispositif"
        options={dispositifs}
        placeholder={withCount("Tous", sum(facets.dispositif))}
        defaultValue={filters.dispositif ?? ""}
      />
      <SelectField
        name="antenne"
        label="Antenne"
        options={antennes}
        placeholder={withCount("Toutes", sum(facets.antenne))}
        defaultValue={filters.antenne ?? ""}
      />
      {directeur ? (
        <SelectField
          name="conseiller"
          label="Conseiller"
          options={conseillers}
          placeholder={withCount("Tous", sum(facets.conseiller))}
          defaultValue={filters.conseiller ?? ""}
        />
      ) : null}
      <SelectField
        name="statut"
        label="Dossiers"
        options={statuts}
        placeholder={withCount("Actifs", facets.statut.actif)}
        defaultValue={filters.statut === "actif" ? "" : filters.statut}
      />
      <SelectField name="alerte" label="Alerte" options={alertes} placeholder="Toutes" defaultValue={filters.alerte ?? ""} />
    </div>
  );
}

/** The month's entries or exits the list is narrowed to (a link from the dashboard), kept by the form, with a way to remove it. */
function MouvementFilter({ view }: { view: Portefeuille }) {
  const { filters } = view;
  if (!filters.entree && !filters.sortie) return null;
  const label = filters.entree
    ? `Entré(e) ${formatMonthSpanPhrase(filters.entree)}`
    : `Sorti(e) ${formatMonthSpanPhrase(filters.sortie!)}${filters.motif ? `, motif : ${motifSortieLabel(filters.motif)}` : ""}`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {filters.entree ? <input type="hidden" name="entree" value={formatMonthSpan(filters.entree)} /> : null}
      {filters.sortie ? <input type="hidden" name="sortie" value={formatMonthSpan(filters.sortie)} /> : null}
      {filters.sortie && filters.motif ? <input type="hidden" name="motif" value={filters.motif} /> : null}
      <p id="filtre-mouvement">
        <span className="text-ink-2">Mouvement : </span>
        <strong>{label}</strong>
      </p>
      <TextLink href={portefeuilleHref(filters, { entree: null, sortie: null, motif: null })} aria-describedby="filtre-mouvement">
        Retirer ce filtre
      </TextLink>
    </div>
  );
}

/** Last week's validated CEJ hours the list is narrowed to (a link from the dashboard), kept by the form, with a way to remove it. */
function HeuresFilter({ view }: { view: Portefeuille }) {
  const { filters } = view;
  if (!filters.heures) return null;
  const bucket = CEJ_HOURS_BUCKETS.find((b) => b.key === filters.heures);
  const label = bucket ? `${bucket.label} validées la semaine dernière` : "Objectif hebdomadaire atteint la semaine dernière";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="heures" value={filters.heures} />
      <p id="filtre-heures">
        <span className="text-ink-2">Heures CEJ : </span>
        <strong>{label}</strong>
      </p>
      <TextLink href={portefeuilleHref(filters, { heures: null })} aria-describedby="filtre-heures">
        Retirer ce filtre
      </TextLink>
    </div>
  );
}

function NoResults({ view, canCreate, directeur }: { view: Portefeuille; canCreate: boolean; directeur: boolean }) {
  const { filters, search } = view;
  const newJeune = canCreate ? (
    <ButtonLink href="/jeunes/nouveau" variant="primary">
      Nouveau jeune
    </ButtonLink>
  ) : undefined;
  if (search.kind === "invalid" && search.reason === "date") {
    return <EmptyState title="Cette date n'existe pas">Saisissez une date de naissance sous la forme 12/03/2004 ou 2004-03-12.</EmptyState>;
  }
  if (hasNarrowing(filters)) {
    return (
      <EmptyState title="Aucun jeune ne correspond à votre recherche" action={newJeune}>
        <ul className="flex list-disc flex-col gap-1 pl-6">
          {filters.q ? <li>Vérifiez l&apos;orthographe, ou cherchez avec le début du nom seulement.</li> : null}
          {filters.q && filters.statut === "actif" ? (
            <li>
              Le dossier est peut-être archivé :{" "}
              <TextLink href={portefeuilleHref(filters, { statut: "archive" })}>chercher parmi les dossiers archivés</TextLink>.
            </li>
          ) : null}
          <li>
            <TextLink href="/portefeuille">Effacer la recherche et les filtres</TextLink> pour revoir tout le portefeuille.
          </li>
          {canCreate ? <li>Si ce jeune n&apos;a pas encore de dossier, créez-le.</li> : null}
        </ul>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={directeur ? "Aucun jeune n'est suivi dans votre structure" : "Votre portefeuille est vide"} action={newJeune}>
      {directeur
        ? "Les dossiers créés par les conseillers de la structure apparaîtront ici."
        : "Les jeunes dont vous êtes le conseiller référent, et ceux qui vous sont confiés pendant un remplacement, apparaîtront ici. Pour accompagner un nouveau jeune, créez son dossier."}
    </EmptyState>
  );
}

export default async function PortefeuillePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole("directeur", "conseiller");
  const requested = parsePortefeuilleParams(await searchParams);
  const today = todayInParis(new Date());
  const view = await listPortefeuille(user, requested, today);
  const { filters, rows, total, page, pageCount } = view;
  const directeur = user.role === "directeur";
  const canCreate = can(user.role, "jeunes.write");
  const archived = filters.statut === "archive";
  // Remount the selects when the filters change by a link (reset, back button): a select keeps its DOM value otherwise.
  const filtersKey = [
    filters.dispositif,
    filters.antenne,
    filters.conseiller,
    filters.statut,
    filters.alerte,
    filters.entree && formatMonthSpan(filters.entree),
    filters.sortie && formatMonthSpan(filters.sortie),
    filters.motif,
    filters.heures,
  ].join("|");

  const scope = directeur
    ? `Les jeunes suivis par ${user.structureName ?? "votre structure"}`
    : "Les jeunes que vous accompagnez, y compris pendant un remplacement";
  const caption = `${archived ? "Dossiers archivés" : "Jeunes"} ${directeur ? "de la structure" : "de votre portefeuille"}, page ${page} sur ${pageCount}`;

  return (
    <>
      <PageHeader
        title="Portefeuille"
        description={scope}
        actions={
          canCreate ? (
            <ButtonLink href="/jeunes/nouveau" variant="primary">
              Nouveau jeune
            </ButtonLink>
          ) : undefined
        }
      />

      <PortefeuilleForm
        action="/portefeuille"
        label="Rechercher et filtrer les jeunes"
        className="mb-6 flex flex-col gap-4 rounded-sm border border-border p-4 sm:p-6"
      >
        <div className="max-w-xl">
          <SearchBox
            value={filters.q}
            label="Rechercher un jeune"
            hint="Nom ou prénom, avec ou sans accents ; date de naissance (12/03/2004) ; identifiant France Travail"
          />
        </div>
        <fieldset key={filtersKey} className="flex flex-col gap-3">
          <legend className="mb-3 font-bold">Filtrer la liste</legend>
          <Filters view={view} directeur={directeur} />
          <MouvementFilter view={view} />
          <HeuresFilter view={view} />
        </fieldset>
        {filters.tri ? (
          <>
            <input type="hidden" name="tri" value={filters.tri} />
            <input type="hidden" name="ordre" value={filters.ordre} />
          </>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="secondary">
            Appliquer les filtres
          </Button>
          {hasNarrowing(filters) ? <TextLink href="/portefeuille">Effacer la recherche et les filtres</TextLink> : null}
        </div>
      </PortefeuilleForm>

      <p role="status" className="mb-3 font-bold">
        {jeunesCount(total)}
        {archived ? (total > 1 ? " archivés" : total === 1 ? " archivé" : "") : ""}
        {filters.q ? ` pour « ${filters.q} »` : ""}
        {pageCount > 1 ? (
          <span className="font-normal text-ink-2">
            {" "}
            · page {page} sur {pageCount}
          </span>
        ) : null}
      </p>

      {rows.length === 0 ? (
        <NoResults view={view} canCreate={canCreate} directeur={directeur} />
      ) : (
        <>
          {/* relative: keeps the screen-reader-only texts of hidden columns inside the scrolling region. */}
          <Table caption={caption} captionHidden className="relative">
            <THead>
              <Tr>
                <SortHeader tri="nom" filters={filters} className={PORTEFEUILLE_CELL}>
                  Nom
                </SortHeader>
                <SortHeader tri="age" filters={filters} className={PORTEFEUILLE_CELL}>
                  Âge
                </SortHeader>
                <SortHeader tri="dispositif" filters={filters} className={PORTEFEUILLE_CELL}>
                  Dispositif
                </SortHeader>
                <Th className="hidden md:table-cell">Antenne</Th>
                {directeur ? <Th className="hidden lg:table-cell">Conseiller</Th> : null}
                <Th className="hidden md:table-cell">Alertes</Th>
              </Tr>
            </THead>
            <TBody>
              <PortefeuilleRows rows={rows.map(rowView)} directeur={directeur} />
            </TBody>
          </Table>
          <div className="mt-6">
            <Pagination page={page} pageCount={pageCount} hrefFor={(p) => portefeuilleHref(filters, { page: p })} />
          </div>
        </>
      )}
    </>
  );
}
