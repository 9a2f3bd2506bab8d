import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JeuneForm } from "@/components/jeunes/jeune-form";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openDossierPage } from "@/lib/dossier/page";
import { assignmentOptions } from "@/lib/jeunes/form-options";
import { displayName } from "@/lib/jeunes/labels";
import { getJeuneEditRow } from "@/lib/jeunes/queries";
import { maskedStoredNir } from "@/lib/jeunes/nir-reveal-writes";
import { fieldHashes, formValuesOfRow } from "@/lib/jeunes/writes";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Modifier un dossier jeune" };

export default async function ModifierJeunePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("jeunes.write");
  const { id: rawId } = await params;
  // The form shows identity, situation, health and justice data: the opening is a consultation.
  // Outside the portfolio, the dossier page asks for the reason first, then links back here.
  const opened = await openDossierPage(user, rawId, "modification");
  const { db, today } = opened;
  const row = await getJeuneEditRow(opened);
  if (!row) notFound();
  const options = await assignmentOptions(db, row.structureId, row.conseillerId, row.antenneId);

  return (
    <>
      <p className="mb-4">
        <TextLink href={`/jeunes/${row.id}`}>Retour au dossier</TextLink>
      </p>
      <PageHeader
        title={
          <>
            Modifier le dossier de <PersonName>{displayName(row)}</PersonName>
          </>
        }
        description={
          row.statut === "archive"
            ? "Ce dossier est archivé. Vos modifications sont enregistrées dans son historique."
            : "Vos modifications sont enregistrées dans l'historique du dossier (les champs modifiés, jamais leur contenu)."
        }
      />
      <JeuneForm
        mode="update"
        initial={formValuesOfRow(row)}
        antennes={options.antennes}
        conseillers={options.conseillers}
        cancelHref={`/jeunes/${row.id}`}
        jeuneId={row.id}
        version={row.version}
        etatInitial={fieldHashes(row)}
        nirMasked={maskedStoredNir(row.nirEncrypted)}
        today={today}
      />
    </>
  );
}
