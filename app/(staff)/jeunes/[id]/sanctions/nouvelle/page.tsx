import type { Metadata } from "next";
import { FailureForm } from "@/components/sanctions/sanction-forms";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openDossierPage } from "@/lib/dossier/page";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Signaler un manquement" };

export default async function NouveauManquementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("sanctions.propose");
  const { id: rawId } = await params;
  const { jeune, today, jeuneId } = await openDossierPage(user, rawId, "parcours");
  return (
    <>
      <p className="mb-2">
        <TextLink href={`/jeunes/${jeuneId}?onglet=parcours#sanctions`}>
          Retour au parcours de <PersonName>{displayName(jeune)}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title="Signaler un manquement"
        description={
          <>
            <PersonName>{displayName(jeune)}</PersonName> · contrat d'engagement jeune
          </>
        }
      />
      <div className="max-w-2xl">
        <FailureForm jeuneId={jeuneId} today={today} />
      </div>
    </>
  );
}
