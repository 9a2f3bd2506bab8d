import type { Metadata } from "next";
import { SwitchContratForm } from "@/components/parcours/contrat-forms";
import { ContratSummary } from "@/components/parcours/contrat-summary";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { openContratPage } from "@/lib/parcours/page";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Changer de dispositif" };

export default async function SwitchContratPage({ params }: { params: Promise<{ id: string; contratId: string }> }) {
  const user = await requireCapability("parcours.write");
  const { id, contratId } = await params;
  const page = await openContratPage(user, id, contratId);
  const c = page.contrat;
  const target = c.type === "CEJ" ? "PACEA" : "CEJ";
  return (
    <>
      <p className="mb-2">
        <TextLink href={page.backHref}>
          Retour au parcours de <PersonName>{page.nom}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title={`Passer du ${c.type} au ${target}`}
        description={
          <>
            <PersonName>{page.nom}</PersonName>. Le {c.type} se termine la veille du début du {target} ; les deux contrats restent dans
            l'historique du parcours.
          </>
        }
      />
      <ContratSummary contrat={c} />
      {c.finReelle === null ? (
        <SwitchContratForm
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
