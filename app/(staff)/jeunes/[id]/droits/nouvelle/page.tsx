import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { jeunes } from "@/db/schema";
import { DeskIntakeForm } from "@/components/droits/intake-form";
import { intakeOptions } from "@/components/droits/intake-options";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openDossierPage } from "@/lib/consultations/page-access";
import { displayName } from "@/lib/jeunes/labels";

// No name in the title: it lands in browser history and tab lists.
export const metadata: Metadata = { title: "Nouvelle demande d'exercice de droits" };

export default async function NouvelleDemandeGuichetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("droits.intake");
  const { id: rawId } = await params;
  const { db, today, jeuneId: id } = await openDossierPage(user, rawId, "droits", `/jeunes/${rawId}?onglet=droits`);

  const [jeune] = await db
    .select({ id: jeunes.id, nomNaissance: jeunes.nomNaissance, nomUsage: jeunes.nomUsage, prenoms: jeunes.prenoms, email: jeunes.email, anonymisedAt: jeunes.anonymisedAt })
    .from(jeunes)
    .where(eq(jeunes.id, id));
  if (!jeune || jeune.anonymisedAt) notFound();

  return (
    <>
      <p className="mb-2">
        <TextLink href={`/jeunes/${id}?onglet=droits`}>Retour au dossier de {displayName(jeune)}</TextLink>
      </p>
      <PageHeader
        title="Nouvelle demande d'exercice de droits"
        description={
          <p>
            Pour <strong className="text-ink">{displayName(jeune)}</strong>, au guichet : vous enregistrez la demande en son nom. La personne reçoit un accusé de
            réception daté ; le délégué à la protection des données traite la demande.
          </p>
        }
      />
      <div className="max-w-2xl">
        <DeskIntakeForm jeuneId={id} email={jeune.email} options={intakeOptions(today)} />
      </div>
    </>
  );
}
