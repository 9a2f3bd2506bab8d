import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth/session";
import { getOwnDossier } from "@/lib/jeunes/dossier";

export const metadata: Metadata = { title: "Mon espace" };

const DISPOSITIF_FALC = {
  CEJ: "Vous êtes en contrat d'engagement jeune (CEJ). C'est un accompagnement intensif vers l'emploi.",
  PACEA: "Vous êtes en PACEA. C'est un parcours d'accompagnement vers l'emploi et l'autonomie.",
  aucun: "Vous êtes accompagné par la mission locale.",
} as const;

export default async function MonEspacePage() {
  const user = await requireRole("jeune");
  const dossier = await getOwnDossier(user);
  if (!dossier) {
    return (
      <>
        <h1 className="mb-4">Mon espace</h1>
        <Alert tone="info">Votre compte n&apos;est pas encore relié à un dossier. Parlez-en à votre conseiller.</Alert>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4">Bonjour {dossier.prenoms}</h1>
      <section aria-labelledby="titre-accompagnement" className="mb-6 rounded-lg border border-border p-5">
        <h2 id="titre-accompagnement" className="mb-3">
          Votre accompagnement
        </h2>
        <p className="mb-2">{DISPOSITIF_FALC[dossier.dispositif]}</p>
        <p>
          Votre mission locale : <strong>{dossier.structure}</strong>
          {dossier.antenne ? `, ${dossier.antenne}` : ""}.
        </p>
        {dossier.conseiller ? (
          <p>
            La personne qui vous accompagne : <strong>{dossier.conseiller}</strong>.
          </p>
        ) : null}
      </section>
    </>
  );
}
