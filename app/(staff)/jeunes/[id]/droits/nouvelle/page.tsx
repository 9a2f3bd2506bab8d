import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { formatDateTime } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";
import { KIND_LABELS } from "@/lib/transmissions/labels";
import { getTransferOfDossier } from "@/lib/transmissions/queries";
import { DeskIntakeForm } from "@/components/droits/intake-form";
import { intakeOptions } from "@/components/droits/intake-options";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openDossierPage } from "@/lib/dossier/page";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";

// No name in the title: it lands in browser history and tab lists.
export const metadata: Metadata = { title: "Nouvelle demande d'exercice de droits" };

export default async function NouvelleDemandeGuichetPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const user = await requireCapability("droits.intake");
  const { id: rawId } = await params;
  const opened = await openDossierPage(user, rawId, "droits", `/jeunes/${rawId}?onglet=droits`);
  const { jeune, today, jeuneId: id } = opened;
  if (jeune.anonymisedAt) notFound();
  // "Question sur cette transmission": the transfer's id (not personal data) comes in the URL, and must be this dossier's.
  const query = await searchParams;
  const rawTransfer = Array.isArray(query.transmission) ? query.transmission[0] : query.transmission;
  const transfer = await getTransferOfDossier(opened, rawTransfer);
  const reference = transfer
    ? `la transmission du ${formatDateTime(transfer.createdAt)} à ${RECIPIENTS[transfer.recipient].name} (${KIND_LABELS[transfer.kind]})`
    : null;
  const options = {
    ...intakeOptions(today),
    initial:
      transfer && reference
        ? {
            type: "question_transmission",
            finalite: transfer.finality,
            objet: `Question sur ${reference} : `,
            transmissionId: transfer.id,
            reference,
          }
        : undefined,
  };

  return (
    <>
      <p className="mb-2">
        <TextLink href={`/jeunes/${id}?onglet=droits`}>
          Retour au dossier de <PersonName>{displayName(jeune)}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title="Nouvelle demande d'exercice de droits"
        description={
          <p>
            Pour{" "}
            <strong className="text-ink">
              <PersonName>{displayName(jeune)}</PersonName>
            </strong>
            , au guichet : vous enregistrez la demande en son nom. La personne reçoit un accusé de réception daté ; le délégué à la
            protection des données traite la demande.
          </p>
        }
      />
      <div className="max-w-2xl">
        <DeskIntakeForm jeuneId={id} email={jeune.email} options={options} />
      </div>
    </>
  );
}
