import type { Metadata } from "next";
import { PortefeuilleForm, SearchBox } from "@/components/portefeuille/portefeuille-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PersonName } from "@/components/ui/person-name";
import { SelectField } from "@/components/ui/select";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { COMPTE_STATUT_LABELS, CONNEXION_LABELS, comptesCount } from "@/lib/comptes/labels";
import {
  COMPTES_PATH,
  COMPTE_STATUT_VALUES,
  CONNEXION_VALUES,
  STAFF_ROLE_VALUES,
  comptesHref,
  hasComptesNarrowing,
  parseComptesParams,
} from "@/lib/comptes/params";
import { listComptes } from "@/lib/comptes/queries";
import { formatNumber, formatShortDate, formatTime } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Comptes des équipes" };

/** An address that wraps after its "@" rather than in the middle of a word. */
function Email({ children, className }: { children: string; className?: string }) {
  const at = children.indexOf("@");
  if (at < 0) return <span className={className}>{children}</span>;
  return (
    <span className={className}>
      {children.slice(0, at)}
      <wbr />
      {children.slice(at)}
    </span>
  );
}

export default async function ComptesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("comptes.read");
  const view = await listComptes(user, parseComptesParams(await searchParams));
  const { filters, rows, total, page, pageCount } = view;
  const admin = user.role === "admin";
  const filtersKey = [filters.role, filters.structure, filters.statut, filters.connexion].join("|");

  return (
    <>
      <PageHeader
        title="Comptes des équipes"
        description={
          admin
            ? "Les comptes des équipes de toutes les missions locales : rôle, rattachement, désactivation."
            : `${user.structureName ?? "Votre mission locale"} : vous gérez les comptes des conseillers (antenne, désactivation).`
        }
        actions={
          <ButtonLink href={`${COMPTES_PATH}/nouveau`} variant="primary">
            Inviter un compte
          </ButtonLink>
        }
      />

      <PortefeuilleForm
        action={COMPTES_PATH}
        label="Rechercher et filtrer les comptes"
        className="mb-6 flex flex-col gap-4 rounded-sm border border-border p-4 sm:p-6"
      >
        <div className="max-w-xl">
          <SearchBox value={filters.q} label="Rechercher un compte" hint="Nom, prénom ou adresse e-mail" />
        </div>
        <fieldset key={filtersKey} className="flex flex-col gap-3">
          <legend className="mb-3 font-bold">Filtrer la liste</legend>
          <div
            className={
              admin ? "grid grid-cols-1 gap-x-3 gap-y-4 sm:grid-cols-2 lg:grid-cols-4" : "grid grid-cols-1 gap-x-3 gap-y-4 sm:grid-cols-3"
            }
          >
            <SelectField
              name="role"
              label="Rôle"
              options={STAFF_ROLE_VALUES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              placeholder="Tous"
              defaultValue={filters.role ?? ""}
            />
            {admin ? (
              <SelectField
                name="structure"
                label="Mission locale"
                options={view.structures.map((s) => ({ value: s.id, label: s.name }))}
                placeholder="Toutes"
                defaultValue={filters.structure ?? ""}
              />
            ) : null}
            <SelectField
              name="statut"
              label="État du compte"
              options={COMPTE_STATUT_VALUES.map((s) => ({ value: s, label: COMPTE_STATUT_LABELS[s] }))}
              placeholder="Actifs et désactivés"
              defaultValue={filters.statut ?? ""}
            />
            <SelectField
              name="connexion"
              label="Dernière connexion"
              options={CONNEXION_VALUES.map((c) => ({ value: c, label: CONNEXION_LABELS[c] }))}
              placeholder="Toutes"
              defaultValue={filters.connexion ?? ""}
            />
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="secondary">
            Appliquer les filtres
          </Button>
          {hasComptesNarrowing(filters) ? <TextLink href={COMPTES_PATH}>Effacer la recherche et les filtres</TextLink> : null}
        </div>
      </PortefeuilleForm>

      <p role="status" className="mb-3 font-bold">
        {comptesCount(total, formatNumber)}
        {filters.q ? ` pour « ${filters.q} »` : ""}
        {pageCount > 1 ? (
          <span className="font-normal text-ink-2">
            {" "}
            · page {page} sur {pageCount}
          </span>
        ) : null}
      </p>

      {rows.length === 0 ? (
        <EmptyState title="Aucun compte ne correspond à votre recherche">
          Vérifiez l&apos;orthographe, ou <TextLink href={COMPTES_PATH}>effacez la recherche et les filtres</TextLink> pour revoir tous les
          comptes.
        </EmptyState>
      ) : (
        <>
          <Table caption={`Comptes des équipes, page ${page} sur ${pageCount}`} captionHidden className="relative">
            <THead>
              <Tr>
                <Th>Nom</Th>
                <Th>Rôle</Th>
                <Th className="hidden md:table-cell">{admin ? "Mission locale et antenne" : "Antenne"}</Th>
                <Th className="hidden sm:table-cell">État</Th>
                <Th className="hidden lg:table-cell">Dernière connexion</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((u) => (
                <Tr key={u.id}>
                  <Th scope="row" className="font-normal">
                    <TextLink href={`${COMPTES_PATH}/${u.id}`} className="font-bold">
                      <PersonName>{u.name}</PersonName>
                    </TextLink>
                    <Email className="block text-sm break-words text-ink-2">{u.email}</Email>
                    {/* On phones the state column is hidden: a deactivated account says so under the name. */}
                    {!u.active ? (
                      <span className="mt-1 block sm:hidden">
                        <Badge tone="warning">Désactivé</Badge>
                      </span>
                    ) : null}
                    {u.invitationPending ? (
                      <span className="mt-1 block sm:hidden">
                        <Badge tone="info">Invitation en attente</Badge>
                      </span>
                    ) : null}
                  </Th>
                  <Td>{ROLE_LABELS[u.role]}</Td>
                  <Td className="hidden md:table-cell">
                    {admin ? (u.structure ?? "Toutes les missions locales") : null}
                    {u.antenne ? <span className={admin ? "block text-sm text-ink-2" : undefined}>{u.antenne}</span> : admin ? null : "—"}
                  </Td>
                  <Td className="hidden sm:table-cell">
                    {u.active ? <Badge tone="success">Actif</Badge> : <Badge tone="warning">Désactivé</Badge>}
                    {u.invitationPending ? (
                      <span className="mt-1 block">
                        <Badge tone="info">Invitation en attente</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td className="hidden whitespace-nowrap lg:table-cell">
                    {u.lastLoginAt ? `${formatShortDate(u.lastLoginAt)} à ${formatTime(u.lastLoginAt)}` : "Jamais"}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-6">
            <Pagination page={page} pageCount={pageCount} hrefFor={(p) => comptesHref(filters, { page: p })} />
          </div>
        </>
      )}
    </>
  );
}
