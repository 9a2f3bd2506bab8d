import type { Metadata } from "next";
import { PasswordChoiceForm } from "@/components/auth/password-choice-form";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { PersonName } from "@/components/ui/person-name";
import { PASSWORD_RULES } from "@/lib/auth/password-policy";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { openInvitationLink } from "@/lib/comptes/invitation-queries";
import { formatDateTime, formatTime } from "@/lib/format/fr";

// The link is a secret: never indexed, never cached (every response already carries Referrer-Policy: no-referrer).
export const metadata: Metadata = { title: "Choisir mon mot de passe", robots: { index: false, follow: false } };

const box = "mx-auto max-w-[640px] rounded-lg border border-border bg-white p-6 shadow-sm sm:p-8";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await openInvitationLink(token);

  if (view.kind !== "ok") {
    return (
      <section aria-labelledby="titre-invitation" className={box}>
        <h1 id="titre-invitation" className="mb-4">
          {view.kind === "limited" ? "Trop de tentatives" : "Ce lien n'est plus valable"}
        </h1>
        {view.kind === "limited" ? (
          <p className="mb-4">Trop de liens ont été ouverts depuis votre connexion. Réessayez à partir de {formatTime(view.retryAt)}.</p>
        ) : (
          <>
            <p className="mb-4">
              Ce lien a peut-être déjà servi, été remplacé par une nouvelle invitation, ou il a dépassé sa durée de validité de 72 heures.
            </p>
            <p className="mb-6">
              Demandez une nouvelle invitation à votre responsable (directeur de votre mission locale ou administrateur).
            </p>
          </>
        )}
        <p>
          <TextLink href="/connexion">Aller à la page de connexion</TextLink>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="titre-invitation" className={box}>
      <h1 id="titre-invitation" className="mb-2">
        Choisir mon mot de passe
      </h1>
      <p className="mb-6 text-ink-2">
        Bienvenue <PersonName>{view.name}</PersonName>. Votre compte Sillage est prêt
        {view.structureName ? ` : ${view.structureName}, ` : ", "}rôle «{"\u00a0"}
        {ROLE_LABELS[view.role]}
        {"\u00a0"}». Ce lien est valable jusqu'au {formatDateTime(view.expiresAt)}.
      </p>
      <Alert tone="info" title="Votre mot de passe doit compter" titleAs="h2" className="mb-6">
        <ul className="list-disc pl-5">
          {PASSWORD_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </Alert>
      <PasswordChoiceForm token={token} email={view.email} />
    </section>
  );
}
