import type { Metadata } from "next";
import { ModifyContratForm } from "@/components/parcours/contrat-forms";
import { ContratSummary } from "@/components/parcours/contrat-summary";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openContratPage } from "@/lib/parcours/page";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Modifier ou prolonger le contrat" };

export default async function ModifyContratPage({ params }: { params: Promise<{ id: string; contratId: string }> }) {
  const user = await requireCapability("parcours.write");
  const { id, contratId } = await params;
  const page = await openContratPage(user, id, contratId);
  const c = page.contrat;
  return (
    <>
      <p className="mb-2">
        <TextLink href={page.backHref}>
          Retour au parcours de <PersonName>{page.nom}</PersonName>
        </TextLink>
      </p>
      <PageHeader title={`Modifier ou prolonger le ${c.type}`} description={<PersonName>{page.nom}</PersonName>} />
      <ContratSummary contrat={c} />
      {c.finReelle === null ? (
        <ModifyContratForm
          contrat={{
            contratId: c.id,
            version: c.version,
            type: c.type,
            debut: c.debut,
            finPrevue: c.finPrevue,
            prolongationMotif: c.prolongationMotif,
          }}
          cancelHref={page.backHref}
        />
      ) : null}
    </>
  );
}
