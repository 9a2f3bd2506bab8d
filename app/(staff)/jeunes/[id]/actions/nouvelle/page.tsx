import type { Metadata } from "next";
import { CreateActionForm } from "@/components/actions-jeune/action-forms";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openDossierPage } from "@/lib/dossier/page";
import { dossierHref } from "@/lib/consultations/onglets";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Nouvelle action" };

export default async function NouvelleActionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("parcours.write");
  const { id: rawId } = await params;
  const { jeune, today, jeuneId } = await openDossierPage(user, rawId, "actions");

  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <TextLink href={dossierHref(jeuneId, "actions")}>
          Retour aux actions de <PersonName>{displayName(jeune)}</PersonName>
        </TextLink>
      </p>
      <PageHeader title="Ajouter une action" description={<PersonName>{displayName(jeune)}</PersonName>} />
      {jeune.statut === "actif" ? (
        <CreateActionForm jeuneId={jeuneId} today={today} />
      ) : (
        <Alert tone="warning">Ce dossier est archivé : restaurez-le avant d&apos;ajouter une action.</Alert>
      )}
    </div>
  );
}
