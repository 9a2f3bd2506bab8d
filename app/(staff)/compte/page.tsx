import type { Metadata } from "next";
import { SessionsPanel } from "@/components/sessions/sessions-panel";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/link";
import { PersonName } from "@/components/ui/person-name";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { SESSION_LIMITS } from "@/lib/auth/sessions";
import { ownSessionsView } from "@/lib/sessions/queries";

export const metadata: Metadata = { title: "Mon compte" };

export default async function MonComptePage() {
  const user = await requireCapability("sessions.own");
  const sessions = await ownSessionsView(user);
  const idleHours = SESSION_LIMITS.staff.idleMs / 3_600_000;
  return (
    <>
      <PageHeader title="Mon compte" />
      <dl className="mb-10 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Nom</dt>
        <dd>
          <PersonName>{user.name}</PersonName>
        </dd>
        <dt className="font-bold">Adresse e-mail</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-bold">Rôle</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="font-bold">Mission locale</dt>
        <dd>{user.structureName ?? "Toutes les missions locales"}</dd>
      </dl>

      <section aria-labelledby="titre-sessions" className="max-w-3xl">
        <h2 id="titre-sessions" className="mb-2">
          Sessions ouvertes
        </h2>
        <p className="mb-4 text-ink-2">
          Les navigateurs où vous êtes connecté à Sillage. Une session se ferme d&apos;elle-même après {idleHours} heures sans activité. Si
          vous ne reconnaissez pas l&apos;une d&apos;elles, fermez-la et prévenez votre administrateur.
        </p>
        <SessionsPanel sessions={sessions} wording="staff" />
      </section>

      <section aria-labelledby="titre-securite" className="mt-10 max-w-3xl">
        <h2 id="titre-securite" className="mb-2">
          Sécurité
        </h2>
        <p className="text-ink-2">
          <TextLink href="/compte/double-authentification">Double authentification</TextLink> : un code à six chiffres, donné par une
          application sur votre téléphone, en plus de votre mot de passe.
        </p>
      </section>
    </>
  );
}
