import { BulkQualifyForm } from "@/components/actions-jeune/bulk-qualify-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { ACTION_CATEGORIES, ACTION_STATUTS, CATEGORIE_LABELS, STATUT_LABELS, STATUT_TONES } from "@/lib/actions-jeune/labels";
import { listActionsForDossier, parseActionsFiltre, type ActionListRow, type ActionsFiltre } from "@/lib/actions-jeune/queries";
import { can } from "@/lib/auth/permissions";
import { formatHeures } from "@/lib/cej/heures";
import { dossierHref } from "@/lib/consultations/onglets";
import { formatDate, formatNumber, formatShortDate } from "@/lib/format/fr";
import { firstString, parsePage } from "@/lib/http/search-params";
import type { DossierSectionProps } from "./tab-props";

function hrefFor(jeuneId: string, filtre: ActionsFiltre, page = 1): string {
  return dossierHref(jeuneId, "actions", { statut: filtre.statut ?? undefined, categorie: filtre.categorie ?? undefined, page });
}

function Dates({ row }: { row: ActionListRow }) {
  if (!row.fin || row.fin === row.debut) return <>{formatShortDate(row.debut)}</>;
  return (
    <>
      du {formatShortDate(row.debut)}
      <br />
      au {formatShortDate(row.fin)}
    </>
  );
}

/** The young person's actions: add, filter, open one to edit it, qualify finished ones in one go. */
export async function ActionsTab({ user, jeuneId, params }: DossierSectionProps) {
  const page = parsePage(params.page);
  const filtre = parseActionsFiltre(params);
  const canWrite = can(user.role, "parcours.write");
  const { list, toQualify } = await listActionsForDossier(user, jeuneId, { page, filtre, withToQualify: canWrite });
  const qualifieesParam = Number(firstString(params.qualifiees, 3));
  const qualifiees = Number.isInteger(qualifieesParam) && qualifieesParam > 0 ? qualifieesParam : 0;
  const filtered = filtre.statut !== null || filtre.categorie !== null;

  return (
    <div className="flex flex-col gap-6">
      {params.enregistre === "action" ? (
        <Alert tone="success" live="polite">
          L&apos;action est ajoutée au dossier.
        </Alert>
      ) : null}
      {qualifiees > 0 ? (
        <Alert tone="success" live="polite">
          {qualifiees > 1
            ? `${qualifiees} actions sont qualifiées : leurs heures comptent comme validées.`
            : "L'action est qualifiée : ses heures comptent comme validées."}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <p className="max-w-3xl text-ink-2">
          Les démarches menées avec ou par le jeune. Une action terminée compte dans la jauge du CEJ comme heures déclarées ; elle compte
          comme heures validées une fois qualifiée par un conseiller.
        </p>
        {canWrite ? (
          <ButtonLink href={`/jeunes/${jeuneId}/actions/nouvelle`} variant="primary" className="shrink-0">
            Ajouter une action
          </ButtonLink>
        ) : null}
      </div>

      {toQualify.length > 0 ? (
        <BulkQualifyForm
          jeuneId={jeuneId}
          actions={toQualify.map((a) => ({
            id: a.id,
            version: a.version,
            libelle: a.libelle,
            detail: `${CATEGORIE_LABELS[a.categorie]} · terminée le ${formatDate(a.fin ?? a.debut)}`,
          }))}
        />
      ) : null}

      <form
        method="get"
        action={`/jeunes/${jeuneId}`}
        className="flex flex-col gap-4 rounded-sm bg-alt p-4 sm:flex-row sm:items-end"
        aria-label="Filtrer les actions"
      >
        <input type="hidden" name="onglet" value="actions" />
        <SelectField
          id="filtre-statut"
          name="statut"
          label="Statut"
          placeholder="Tous les statuts"
          options={ACTION_STATUTS.map((s) => ({ value: s, label: STATUT_LABELS[s] }))}
          defaultValue={filtre.statut ?? ""}
        />
        <SelectField
          id="filtre-categorie"
          name="categorie"
          label="Catégorie"
          placeholder="Toutes les catégories"
          options={ACTION_CATEGORIES.map((c) => ({ value: c, label: CATEGORIE_LABELS[c] }))}
          defaultValue={filtre.categorie ?? ""}
        />
        <div className="flex items-center gap-4">
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
          {filtered ? <TextLink href={dossierHref(jeuneId, "actions")}>Tout afficher</TextLink> : null}
        </div>
      </form>

      {list.rows.length === 0 ? (
        <EmptyState
          titleAs="h3"
          title={
            list.total > 0 ? "Cette page est vide" : filtered ? "Aucune action ne correspond à ces filtres" : "Aucune action pour l'instant"
          }
          action={
            list.total > 0 ? (
              <TextLink href={hrefFor(jeuneId, filtre)}>Revenir à la première page</TextLink>
            ) : filtered ? (
              <TextLink href={dossierHref(jeuneId, "actions")}>Afficher toutes les actions</TextLink>
            ) : canWrite ? (
              <ButtonLink href={`/jeunes/${jeuneId}/actions/nouvelle`} variant="secondary">
                Ajouter une première action
              </ButtonLink>
            ) : undefined
          }
        >
          {list.total > 0
            ? "La liste compte moins de pages."
            : filtered
              ? "Changez le statut ou la catégorie choisis."
              : canWrite
                ? "Notez ici les démarches du jeune (candidatures, formation, santé, logement…) : elles alimentent la jauge hebdomadaire du CEJ."
                : "Les conseillers du jeune n'ont encore noté aucune action."}
        </EmptyState>
      ) : (
        <>
          <Table caption={`Actions du jeune (${formatNumber(list.total)}${filtered ? " avec ces filtres" : ""})`}>
            <THead>
              <Tr>
                <Th>Action</Th>
                <Th>Catégorie</Th>
                <Th>Dates</Th>
                <Th>Durée</Th>
                <Th>Statut</Th>
                {canWrite ? (
                  <Th>
                    <span className="sr-only">Modifier</span>
                  </Th>
                ) : null}
              </Tr>
            </THead>
            <TBody>
              {list.rows.map((row) => (
                <Tr key={row.id}>
                  <Th scope="row" className="font-medium">
                    {row.libelle}
                  </Th>
                  <Td>{CATEGORIE_LABELS[row.categorie]}</Td>
                  <Td className="whitespace-nowrap">
                    <Dates row={row} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {row.dureeMinutes !== null ? formatHeures(row.dureeMinutes) : <span className="text-ink-2">Non précisée</span>}
                  </Td>
                  <Td>
                    <div className="flex flex-col items-start gap-1">
                      <Badge tone={STATUT_TONES[row.statut]}>{STATUT_LABELS[row.statut]}</Badge>
                      {row.qualifieeLe ? (
                        <Badge tone="success">Qualifiée</Badge>
                      ) : row.statut === "terminee" ? (
                        <Badge tone="warning" className="whitespace-nowrap">
                          À qualifier
                        </Badge>
                      ) : null}
                    </div>
                  </Td>
                  {canWrite ? (
                    <Td>
                      <TextLink href={`/jeunes/${jeuneId}/actions/${row.id}`}>
                        Modifier<span className="sr-only"> l&apos;action « {row.libelle} »</span>
                      </TextLink>
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            label="Pages des actions"
            page={Math.min(page, list.pageCount)}
            pageCount={list.pageCount}
            hrefFor={(p) => hrefFor(jeuneId, filtre, p)}
          />
        </>
      )}
    </div>
  );
}
