import type { Metadata } from "next";
import { CodeSignInForm } from "@/components/auth/code-sign-in-form";
import { TextLink } from "@/components/ui/link";

export const metadata: Metadata = { title: "Mon espace : se connecter avec un code" };

export default function CodeSignInPage() {
  return (
    <div className="mx-auto flex max-w-[640px] flex-col gap-6">
      <section aria-labelledby="titre-code" className="rounded-lg border border-border bg-white p-6 shadow-sm sm:p-8">
        <h1 id="titre-code" className="mb-2">
          Mon espace
        </h1>
        <p className="mb-2">Vous êtes accompagné par une mission locale ?</p>
        <p className="mb-6">Écrivez votre adresse e-mail. Vous allez recevoir un code à 6 chiffres. Pas besoin de mot de passe.</p>
        <CodeSignInForm />
      </section>
      <p className="text-ink-2">
        Vous travaillez dans une mission locale ? <TextLink href="/connexion">Connexion des équipes</TextLink>
      </p>
    </div>
  );
}
