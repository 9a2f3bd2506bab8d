import type { Metadata } from "next";
import { ArchiveForm, RestoreForm } from "@/components/archivage/archive-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import { openDossierPage } from "@/lib/dossier/page";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format/fr";
import { ARCHIVE_MOTIFS, type ArchiveMotif } from "@/lib/jeunes/archive-schema";
import { displayName } from "@/lib/jeunes/labels";
import { daysUntil, retentionEnd } from "@/lib/retention/rules";
import { settingInForce } from "@/lib/settings/read";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Archivage et conservation" };

const BASIS_LABELS = {
  age: "jusqu'à 25 ans révolus, plus deux ans",
  cej: "dix ans après la fin du contrat d'engagement jeune",
  programme: "jusqu'à la fin du programme en cours",
} as const;

export default async function ArchivagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("jeunes.read");
  const { id: rawId } = await params;
  const { db, jeune, today, jeuneId: id } = await openDossierPage(user, rawId, "archivage");

  const rules = await settingInForce(db, "conservation.regles", today);
  const retention = rules ? retentionEnd({ dateNaissance: jeune.dateNaissance }, rules.value) : null;
  const left = retention ? daysUntil(retention.until, today) : null;
  const archived = jeune.statut === "archive";

  return (
    <>
      <p className="mb-2">
        <TextLink href={`/jeunes/${id}`}>
          Retour au dossier de <PersonName>{displayName(jeune)}</PersonName>
        </TextLink>
      </p>
      <PageHeader title="Archivage et conservation" description={<PersonName>{displayName(jeune)}</PersonName>} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="titre-conservation" className="rounded-lg border border-border p-6">
          <h2 id="titre-conservation" className="mb-3">
            Durée de conservation
          </h2>
          {retention && left !== null ? (
            <>
              <p className="mb-2 text-lg">
                Conservé jusqu&apos;au <strong>{formatDate(retention.until)}</strong>
              </p>
              <p className="mb-3">
                {left >= 0 ? (
                  <Badge tone={left <= 90 ? "warning" : "info"}>
                    {left === 0 ? "Dernier jour" : `Encore ${formatNumber(left)} jour${left > 1 ? "s" : ""}`}
                  </Badge>
                ) : (
                  <Badge tone="error">Durée dépassée : anonymisation à la prochaine purge</Badge>
                )}
              </p>
              <p className="text-sm text-ink-2">
                Règle appliquée : {BASIS_LABELS[retention.basis]} (décret n° 2015-59, paramètre en vigueur depuis le{" "}
                {formatDate(rules!.effectiveFrom)}). Ensuite, le dossier est anonymisé : l&apos;identité disparaît, les statistiques
                restent.
              </p>
            </>
          ) : (
            <Alert tone="warning">Aucune règle de conservation n&apos;est paramétrée : contactez l&apos;administrateur.</Alert>
          )}
        </section>

        <section aria-labelledby="titre-archivage" className="rounded-lg border border-border p-6">
          <h2 id="titre-archivage" className="mb-3">
            {archived ? "Dossier archivé" : "Archiver le dossier"}
          </h2>
          {archived ? (
            <>
              <p className="mb-4">
                Archivé le {jeune.archivedAt ? formatDateTime(jeune.archivedAt) : "—"} · motif :{" "}
                <strong>{ARCHIVE_MOTIFS[jeune.archiveMotif as ArchiveMotif] ?? jeune.archiveMotif}</strong>
                {jeune.archiveDetail ? ` — ${jeune.archiveDetail}` : ""}
              </p>
              <p className="mb-4 text-ink-2">
                Un dossier archivé sort du portefeuille mais reste consultable avec le filtre « archivés ». Vous pouvez le restaurer si le
                jeune revient.
              </p>
              {can(user.role, "jeunes.archive") ? <RestoreForm jeuneId={jeune.id} version={jeune.version} /> : null}
            </>
          ) : can(user.role, "jeunes.archive") ? (
            <>
              <p className="mb-4 text-ink-2">Le dossier sortira du portefeuille. Il reste consultable et peut être restauré.</p>
              <ArchiveForm jeuneId={jeune.id} version={jeune.version} />
            </>
          ) : (
            <p>Le dossier est actif.</p>
          )}
        </section>
      </div>
    </>
  );
}
