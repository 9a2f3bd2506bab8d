import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { formatDate } from "@/lib/format/fr";
import { DISPOSITIF_LABELS, displayName } from "@/lib/jeunes/labels";
import type { DossierView } from "@/lib/jeunes/dossier";
import { ageOn } from "@/lib/jeunes/rules";
import { PersonName } from "@/components/ui/person-name";

export function DispositifBadge({ dispositif }: { dispositif: DossierView["jeune"]["dispositif"] }) {
  if (dispositif === "aucun") return <span className="text-ink-2">Aucun dispositif</span>;
  return <Badge tone={dispositif === "CEJ" ? "info" : "new"}>{DISPOSITIF_LABELS[dispositif]}</Badge>;
}

/** "20 ans · née le lundi 3 mars 2006" (agreement follows the recorded sex). */
export function ageLine(jeune: Pick<DossierView["jeune"], "dateNaissance" | "sexe">, today: CivilDate): string {
  const age = ageOn(jeune.dateNaissance, today);
  return `${age} an${age > 1 ? "s" : ""} · ${jeune.sexe === "F" ? "née" : "né"} le ${formatDate(jeune.dateNaissance)}`;
}

/**
 * Who the young person is and who follows them, at a glance. `nir` is the NIR cell: the masked value,
 * or the reveal control when it exists. `canEdit`: the "Modifier" button for roles with jeunes.write.
 */
export function DossierHeader({
  dossier,
  today,
  nir,
  canEdit,
}: {
  dossier: DossierView;
  today: CivilDate;
  nir: ReactNode;
  canEdit: boolean;
}) {
  const { jeune } = dossier;
  return (
    <>
      <PageHeader
        className="mb-4"
        title={<PersonName>{displayName(jeune)}</PersonName>}
        description={ageLine(jeune, today)}
        actions={
          <>
            {canEdit ? (
              <ButtonLink href={`/jeunes/${jeune.id}/modifier`} variant="primary">
                Modifier
              </ButtonLink>
            ) : null}
            <ButtonLink href={`/jeunes/${jeune.id}/archivage`} variant="secondary">
              {jeune.statut === "archive" ? "Archivage et restauration" : "Archivage et conservation"}
            </ButtonLink>
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-4 rounded-sm border border-border bg-alt p-4 lg:grid-cols-4">
        <div>
          <dt className="text-sm text-ink-2">Dispositif</dt>
          <dd className="font-bold">
            <DispositifBadge dispositif={jeune.dispositif} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-ink-2">Conseiller</dt>
          <dd className="font-bold">{jeune.conseiller ? <PersonName>{jeune.conseiller}</PersonName> : "Non attribué"}</dd>
        </div>
        <div>
          <dt className="text-sm text-ink-2">Antenne</dt>
          <dd className="font-bold">{jeune.antenne ?? "Non renseignée"}</dd>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <dt className="text-sm text-ink-2">Numéro de sécurité sociale</dt>
          <dd className="font-bold">{nir}</dd>
        </div>
      </dl>
    </>
  );
}
