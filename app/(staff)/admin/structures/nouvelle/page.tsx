import type { Metadata } from "next";
import { CreateStructureForm } from "@/components/structures/structure-form";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouvelle mission locale" };

export default async function NouvelleStructurePage() {
  await requireCapability("structures.manage");
  return (
    <>
      <p className="mb-4">
        <TextLink href="/admin">Retour à l'administration</TextLink>
      </p>
      <PageHeader
        title="Nouvelle mission locale"
        description="Renseignez l'identité de la mission locale. Vous ajouterez ses antennes sur la page suivante."
      />
      <CreateStructureForm />
    </>
  );
}
