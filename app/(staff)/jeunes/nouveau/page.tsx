import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { JeuneForm } from "@/components/jeunes/jeune-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { assignmentOptionsForNewDossier } from "@/lib/jeunes/queries";

export const metadata: Metadata = { title: "Nouveau dossier jeune" };

export default async function NouveauJeunePage() {
  const user = await requireCapability("jeunes.write");
  const options = await assignmentOptionsForNewDossier(user);
  if (!options) forbidden();
  const initial = {
    nationalite: "francaise",
    protectionJuridique: "aucune",
    dispositif: "aucun",
    antenneId: options.antennes.some((a) => a.value === user.antenneId) ? (user.antenneId ?? "") : "",
    // A counsellor usually follows the young person they register.
    conseillerId: options.conseillers.some((c) => c.value === user.id) ? user.id : "",
  };

  return (
    <>
      <PageHeader
        title="Nouveau dossier jeune"
        description="Avant de créer le dossier, Sillage vérifie que le jeune n'en a pas déjà un (même nom, même date de naissance ou même numéro de sécurité sociale)."
      />
      <JeuneForm
        mode="create"
        initial={initial}
        antennes={options.antennes}
        conseillers={options.conseillers}
        cancelHref="/portefeuille"
        today={todayInParis(new Date())}
      />
    </>
  );
}
