import type { Metadata } from "next";
import { EnrolmentForm } from "@/components/mfa/enrolment-form";
import { RegenerateCodesForm } from "@/components/mfa/regenerate-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { mfaRequired } from "@/lib/auth/mfa-gate";
import { requireCapability } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { offerEnrolment } from "@/lib/mfa/enrolment";
import { getOwnMfaStatus } from "@/lib/mfa/queries";

export const metadata: Metadata = { title: "Double authentification de votre compte" };

function codesLeft(n: number): string {
  return n === 0 ? "aucun" : n === 1 ? "1 code" : `${formatNumber(n)} codes`;
}

/** One's own second factor: set it up by choice, see its state, renew the recovery codes. */
export default async function OwnMfaPage({ searchParams }: { searchParams: Promise<{ codes?: string | string[] }> }) {
  const user = await requireCapability("mfa.self");
  const status = await getOwnMfaStatus(user);
  const { codes } = await searchParams;

  return (
    <>
      <PageHeader
        title="Double authentification"
        description="En plus du mot de passe, un code de votre téléphone est demandé à chaque connexion : un mot de passe volé ne suffit plus."
      />
      {status.enabledAt ? (
        <div className="flex max-w-3xl flex-col gap-6">
          {codes === "bas" && status.recoveryCodesLeft <= 3 ? (
            <Alert tone="warning">
              Il vous reste {codesLeft(status.recoveryCodesLeft)} de secours. Créez-en de nouveaux ci-dessous dès que vous avez votre
              téléphone.
            </Alert>
          ) : null}
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">État</dt>
            <dd>Activée le {formatDateTime(status.enabledAt)}</dd>
            <dt className="font-bold">Codes de secours restants</dt>
            <dd>{codesLeft(status.recoveryCodesLeft)} sur 10</dd>
          </dl>
          <p className="text-ink-2">
            Nouveau téléphone ? Demandez à un administrateur de réinitialiser votre double authentification : vous la configurerez de
            nouveau à la connexion suivante.
          </p>
          <RegenerateCodesForm />
        </div>
      ) : (
        <section aria-labelledby="titre-activation" className="flex max-w-3xl flex-col gap-4">
          <h2 id="titre-activation">Activer la double authentification</h2>
          <p className="text-ink-2">
            {mfaRequired({ role: user.role, structureMfaRequired: false })
              ? "Elle est obligatoire pour votre rôle."
              : "Elle est facultative pour votre compte, sauf si votre mission locale la rend obligatoire. Une fois activée, le code est demandé à chaque connexion."}
          </p>
          <EnrolmentForm
            offer={await offerEnrolment(user)}
            continueHref="/compte/double-authentification"
            continueLabel="J'ai noté mes codes"
          />
        </section>
      )}
    </>
  );
}
