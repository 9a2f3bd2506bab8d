import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ retour?: string | string[]; "mot-de-passe"?: string | string[] }>;
}) {
  const { retour, "mot-de-passe": motDePasse } = await searchParams;
  return (
    <div className="mx-auto grid max-w-[960px] gap-10 md:grid-cols-[1fr_1fr] md:items-start">
      <section aria-labelledby="titre-connexion" className="rounded-lg border border-border bg-white p-6 shadow-sm sm:p-8">
        <h1 id="titre-connexion" className="mb-2">
          Se connecter à Sillage
        </h1>
        <p className="mb-6 text-ink-2">Espace réservé aux équipes des missions locales et aux jeunes accompagnés.</p>
        {motDePasse === "enregistre" ? (
          <Alert tone="success" className="mb-6">
            Votre mot de passe est enregistré. Connectez-vous.
          </Alert>
        ) : null}
        <SignInForm retour={typeof retour === "string" ? retour : undefined} />
      </section>
      <section aria-labelledby="titre-transparence" className="rounded-lg bg-alt p-6 sm:p-8">
        <h2 id="titre-transparence" className="mb-3">
          Vos données, en toute transparence
        </h2>
        <ul className="flex list-disc flex-col gap-2 pl-5 text-ink-2">
          <li>Chaque jeune voit qui a ouvert son dossier et à qui ses données ont été envoyées.</li>
          <li>Chaque envoi à France Travail, à la CPAM ou à l&apos;ASP est daté, justifié et tracé.</li>
          <li>Les demandes d&apos;accès, de rectification ou de limitation sont traitées dans les délais légaux.</li>
        </ul>
      </section>
    </div>
  );
}
