import type { Metadata } from "next";
import { SignContratForm } from "@/components/parcours/contrat-forms";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { formatShortDate } from "@/lib/format/fr";
import { openParcoursPage } from "@/lib/parcours/page";
import { listContrats } from "@/lib/parcours/queries";
import { PersonName } from "@/components/ui/person-name";

// No name in the title: it lands in browser history and tab lists.
export const metadata: Metadata = { title: "Signer un contrat" };

export default async function SignContratPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("parcours.write");
  const { id } = await params;
  const page = await openParcoursPage(user, id);
  const open = (await listContrats(page.db, user, page.jeuneId)).find((c) => c.finReelle === null);
  return (
    <>
      <p className="mb-2">
        <TextLink href={page.backHref}>
          Retour au parcours de <PersonName>{page.nom}</PersonName>
        </TextLink>
      </p>
      <PageHeader
        title="Signer un contrat"
        description={
          <>
            <PersonName>{page.nom}</PersonName> · né(e) le {formatShortDate(page.jeune.dateNaissance)}
            {page.jeune.rqth ? " · RQTH" : ""}
          </>
        }
      />
      {open ? (
        <Alert tone="warning" title="Un contrat est déjà en cours">
          Ce jeune a un {open.type} en cours depuis le {formatShortDate(open.debut)}. Terminez-le, ou changez de dispositif depuis le
          parcours.
        </Alert>
      ) : (
        <SignContratForm jeuneId={page.jeuneId} today={page.today} cancelHref={page.backHref} />
      )}
    </>
  );
}
