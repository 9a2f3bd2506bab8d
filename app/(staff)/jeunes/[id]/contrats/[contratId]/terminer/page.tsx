import type { Metadata } from "next";
import { EndContratForm } from "@/components/parcours/contrat-forms";
import { ContratSummary } from "@/components/parcours/contrat-summary";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openContratPage } from "@/lib/parcours/page";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Terminer le contrat" };

export default async function EndContratPage({ params }: { params: Promise<{ id: string; contratId: string }> }) {
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
      <PageHeader
        title={`Terminer le ${c.type}`}
        description={
          <>
            <PersonName>{page.nom}</PersonName>. Le jeune n'aura plus de dispositif en cours. Pour passer directement à l'autre dispositif,
            utilisez plutôt « Changer de dispositif ».
          </>
        }
      />
      <ContratSummary contrat={c} />
      {c.finReelle === null ? (
        <EndContratForm
          contrat={{
            contratId: c.id,
            version: c.version,
            type: c.type,
            debut: c.debut,
            finPrevue: c.finPrevue,
            prolongationMotif: c.prolongationMotif,
          }}
          today={page.today}
          cancelHref={page.backHref}
        />
      ) : null}
    </>
  );
}
