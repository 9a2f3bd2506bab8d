import type { Metadata } from "next";
import { SessionNotice } from "@/components/auth/session-notice";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/link";
import { oidcSettings } from "@/lib/auth/oidc";
import { CODE_PATH } from "@/lib/auth/code-paths";
import { ssoErrorMessage } from "@/lib/auth/sso-messages";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{
    retour?: string | string[];
    session?: string | string[];
    erreur?: string | string[];
    error?: string | string[];
    "mot-de-passe"?: string | string[];
  }>;
}) {
  const { retour, session, "mot-de-passe": motDePasse, ...params } = await searchParams;
  const returnPath = typeof retour === "string" ? retour : undefined;
  const sso = oidcSettings();
  const ssoError = ssoErrorMessage(params, sso?.name ?? "le fournisseur d'identité");
  return (
    <div className="mx-auto grid max-w-[960px] gap-10 md:grid-cols-[1fr_1fr] md:items-start">
      <section aria-labelledby="titre-connexion" className="rounded-lg border border-border bg-white p-6 shadow-sm sm:p-8">
        <h1 id="titre-connexion" className="mb-2">
          Se connecter à Sillage
        </h1>
        <p className="mb-6 text-ink-2">Espace réservé aux équipes des missions locales et aux jeunes accompagnés.</p>
        <SessionNotice reason={session} />
        <div className="mb-6 flex flex-col gap-3 rounded-sm border border-border bg-alt p-4">
          <h2 className="text-lg">Vous êtes un jeune accompagné ?</h2>
          <p>Entrez dans Mon espace avec un code reçu par e-mail. Pas besoin de mot de passe.</p>
          <ButtonLink href={CODE_PATH} variant="primary">
            Entrer dans Mon espace
          </ButtonLink>
        </div>
        {motDePasse === "enregistre" ? (
          <Alert tone="success" className="mb-6">
            Votre mot de passe est enregistré. Connectez-vous.
          </Alert>
        ) : null}
        {ssoError ? (
          <Alert tone="error" title={ssoError.title} className="mb-6">
            {ssoError.text}
          </Alert>
        ) : null}
        {sso ? (
          <div className="mb-6 flex flex-col gap-6">
            <div className="flex flex-col gap-3">
              <h2 className="text-lg">Équipes des missions locales</h2>
              <SsoSignIn providerName={sso.name} retour={returnPath} />
            </div>
            <p className="flex items-center gap-3 text-ink-2 before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
              ou avec votre mot de passe
            </p>
          </div>
        ) : null}
        <SignInForm retour={returnPath} />
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
