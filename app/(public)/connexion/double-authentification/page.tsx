import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { EnrolmentForm } from "@/components/mfa/enrolment-form";
import { VerifyForms } from "@/components/mfa/verify-forms";
import { PersonName } from "@/components/ui/person-name";
import { getPendingSession } from "@/lib/auth/session";
import { offerEnrolment } from "@/lib/mfa/enrolment";

export const metadata: Metadata = { title: "Double authentification" };

/**
 * Between the password and the first page: a session that must set up its second factor, or check it, lands
 * here (lib/auth/session.ts requireUser). Nobody else has anything to do here.
 */
export default async function MfaPage() {
  const pending = await getPendingSession();
  // Anonymous, ended, or nothing left to check: "/" sends each to the right place (sign-in, expiry, home).
  if (!pending || pending.mfa.step === "open") redirect("/");
  const { user } = pending;
  const enrol = pending.mfa.step === "enrol";

  return (
    <div className="mx-auto flex max-w-[640px] flex-col gap-6">
      <section aria-labelledby="titre-double-authentification" className="rounded-lg border border-border bg-white p-6 shadow-sm sm:p-8">
        <h1 id="titre-double-authentification" className="mb-2">
          {enrol ? "Activez la double authentification" : "Double authentification"}
        </h1>
        <p className="mb-6 text-ink-2">
          {enrol ? (
            <>
              Votre compte (<PersonName>{user.name}</PersonName>) donne accès à des données personnelles : en plus du mot de passe, un code
              de votre téléphone vous sera demandé à chaque connexion. Cela prend deux minutes.
            </>
          ) : (
            <>
              Saisissez le code affiché par votre application d&apos;authentification pour terminer la connexion de{" "}
              <PersonName>{user.name}</PersonName>.
            </>
          )}
        </p>
        {enrol ? (
          <EnrolmentForm offer={await offerEnrolment(user)} continueHref="/" continueLabel="J'ai noté mes codes : continuer vers Sillage" />
        ) : (
          <VerifyForms />
        )}
      </section>
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-ink-2">Ce n&apos;est pas vous, ou vous voulez arrêter ?</p>
        <SignOutButton />
      </div>
    </div>
  );
}
