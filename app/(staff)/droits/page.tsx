import type { Metadata } from "next";
import { StatutBadge, UrgencyBadge, identiteLabel } from "@/components/droits/status";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { DEMANDE_STATUTS, DEMANDE_TYPES, STATUT_LABELS, TYPE_LABELS } from "@/lib/droits/labels";
import { countRegistre, listQueue, type QueueRow } from "@/lib/droits/queries";
import { exportLabel } from "@/lib/format/export-label";
import { hasQueueNarrowing, parseQueueParams, queueHref } from "@/lib/droits/queue-params";
import { formatNumber, formatShortDate } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Demandes de droits" };

function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n > 1 ? many : one}`;
}

function JeuneLink({ row, admin }: { row: QueueRow; admin: boolean }) {
  return (
    <span className="mt-1 block text-sm">
      {row.jeuneId && row.prenoms && row.nomNaissance ? (
        // 24 px tall at least: two stacked links must stay easy to hit (WCAG 2.5.8).
        <TextLink href={`/jeunes/${row.jeuneId}?onglet=droits`} className="inline-block min-h-6 py-0.5">
          <PersonName>{displayName({ nomNaissance: row.nomNaissance, nomUsage: row.nomUsage, prenoms: row.prenoms })}</PersonName>
        </TextLink>
      ) : (
        "Dossier supprimé"
      )}
      {admin ? <span className="block text-ink-2">{row.structureName}</span> : null}
    </span>
  );
}

export default async function DemandesDroitsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("droits.read");
  const filters = parseQueueParams(await searchParams);
  const today = todayInParis(new Date());
  const [{ rows, total, pageCount, counts }, registreRows] = await Promise.all([listQueue(user, filters, today), countRegistre(user)]);
  const handles = can(user.role, "droits.handle");
  const admin = user.role === "admin";
  const page = Math.min(filters.page, pageCount);
  const filtersKey = [filters.statut, filters.type, filters.retard].join("|");

  return (
    <>
      <PageHeader
        title="Demandes de droits"
        description={
          handles
            ? "Les demandes d'accès, de rectification, d'effacement, de limitation et d'opposition, à traiter dans le délai légal d'un mois."
            : "Suivi des demandes d'exercice de droits, en lecture seule : le délégué à la protection des données les traite."
        }
        actions={
          <>
            {handles ? (
              <ButtonLink href="/droits/nouvelle" variant="primary">
                Nouvelle demande
              </ButtonLink>
            ) : null}
            <a href="/droits/registre.csv" download className={buttonClasses("secondary")}>
              {exportLabel("CSV", registreRows, "Exporter le registre")}
            </a>
          </>
        }
      />

      <p className="mb-6 text-lg">
        <strong>{plural(counts.ouvertes, "demande ouverte", "demandes ouvertes")}</strong>
        {" · "}
        <span className={counts.enRetard > 0 ? "font-bold text-error" : undefined}>{formatNumber(counts.enRetard)} en retard</span>
        {" · "}
        <span className={counts.bientot > 0 ? "font-bold text-warning" : undefined}>{formatNumber(counts.bientot)} à moins de 7 jours</span>
      </p>

      <form
        key={filtersKey}
        method="get"
        action="/droits"
        role="search"
        aria-label="Filtrer les demandes"
        className="mb-6 flex flex-col gap-4 rounded-sm border border-border p-4 sm:flex-row sm:flex-wrap sm:items-end"
      >
        <div className="sm:w-56">
          <SelectField
            name="statut"
            label="Statut"
            options={[
              { value: "ouvertes", label: "Ouvertes (à traiter)" },
              { value: "toutes", label: "Toutes" },
              ...DEMANDE_STATUTS.map((s) => ({ value: s, label: STATUT_LABELS[s] })),
            ]}
            defaultValue={filters.statut}
          />
        </div>
        <div className="sm:w-64">
          <SelectField
            name="type"
            label="Droit"
            placeholder="Tous les droits"
            options={DEMANDE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
            defaultValue={filters.type ?? ""}
          />
        </div>
        <div className="flex min-h-11 items-center gap-3">
          <input id="retard" name="retard" type="checkbox" value="1" defaultChecked={filters.retard} className="size-6 accent-primary" />
          <label htmlFor="retard" className="font-medium">
            En retard seulement
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
          {hasQueueNarrowing(filters) ? <TextLink href="/droits">Revenir aux demandes ouvertes</TextLink> : null}
        </div>
      </form>

      {rows.length === 0 ? (
        hasQueueNarrowing(filters) ? (
          <EmptyState title="Aucune demande ne correspond à ces filtres">
            <TextLink href="/droits">Revenez aux demandes ouvertes</TextLink> ou choisissez « Toutes » dans le statut.
          </EmptyState>
        ) : (
          <EmptyState
            title="Aucune demande ouverte"
            action={
              handles ? (
                <ButtonLink href="/droits/nouvelle" variant="primary">
                  Nouvelle demande
                </ButtonLink>
              ) : undefined
            }
          >
            Les demandes enregistrées au guichet par les conseillers, ou par le jeune depuis son espace, apparaîtront ici. Enregistrez
            vous-même celles reçues par courrier ou par courriel.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-3 text-ink-2" aria-live="polite">
            {plural(total, "demande", "demandes")}, les plus urgentes d&apos;abord
          </p>
          {/* Phones: one card per request; from 640 px: the table. */}
          <ul
            className="flex flex-col gap-3 sm:hidden"
            aria-label={`Demandes de droits, triées par échéance, page ${page} sur ${pageCount}`}
          >
            {rows.map((r) => (
              <li key={r.id} className="flex flex-col gap-2 rounded-sm border border-border p-4">
                <TextLink href={`/droits/${r.id}`} className="font-bold">
                  {TYPE_LABELS[r.type]} · n° {r.numero}
                </TextLink>
                <JeuneLink row={r} admin={admin} />
                <p className="flex flex-wrap gap-2">
                  <UrgencyBadge statut={r.statut} echeance={r.echeance} today={today} />
                  <StatutBadge statut={r.statut} issue={r.issue} />
                </p>
                <p className="text-sm">
                  Reçue le {formatShortDate(r.recueLe)} · échéance {r.echeance ? formatShortDate(r.echeance) : "suspendue"}
                  {r.prolongeeLe ? " (prolongée)" : ""}
                  <span className="block">{identiteLabel(r)}</span>
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table caption={`Demandes de droits, triées par échéance, page ${page} sur ${pageCount}`} captionHidden>
              <THead>
                <Tr>
                  <Th>Demande</Th>
                  <Th>Délai</Th>
                  <Th>Reçue le</Th>
                  <Th>Échéance</Th>
                  <Th>Identité</Th>
                  <Th>Statut</Th>
                </Tr>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <Tr key={r.id}>
                    <Th scope="row" className="min-w-48 font-normal">
                      <TextLink href={`/droits/${r.id}`} className="font-bold">
                        {TYPE_LABELS[r.type]} · n° {r.numero}
                      </TextLink>
                      <JeuneLink row={r} admin={admin} />
                    </Th>
                    <Td>
                      <UrgencyBadge statut={r.statut} echeance={r.echeance} today={today} />
                    </Td>
                    <Td className="whitespace-nowrap">{formatShortDate(r.recueLe)}</Td>
                    <Td>
                      <span className="whitespace-nowrap">{r.echeance ? formatShortDate(r.echeance) : "Suspendue"}</span>
                      {r.prolongeeLe ? (
                        <span className="block max-w-56 text-sm text-ink-2">
                          Prolongée
                          {r.prolongationMotif
                            ? ` (motif : ${r.prolongationMotif.length > 60 ? `${r.prolongationMotif.slice(0, 60)}…` : r.prolongationMotif})`
                            : ""}
                        </span>
                      ) : null}
                    </Td>
                    <Td className="text-sm">{identiteLabel(r)}</Td>
                    <Td>
                      <StatutBadge statut={r.statut} issue={r.issue} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
          <div className="mt-6">
            <Pagination page={page} pageCount={pageCount} hrefFor={(p) => queueHref(filters, { page: p })} label="Pages des demandes" />
          </div>
        </>
      )}
    </>
  );
}
