import type { Metadata } from "next";
import { SessionsPanel } from "@/components/sessions/sessions-panel";
import { TextLink } from "@/components/ui/link";
import { requireRole } from "@/lib/auth/session";
import { SESSION_LIMITS } from "@/lib/auth/sessions";
import { ownSessionsView } from "@/lib/sessions/queries";

export const metadata: Metadata = { title: "Mes connexions" };

export default async function MesConnexionsPage() {
  const user = await requireRole("jeune");
  const sessions = await ownSessionsView(user);
  const idleMinutes = SESSION_LIMITS.jeune.idleMs / 60_000;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <TextLink href="/mon-espace">Retour à Mon espace</TextLink>
      </p>
      <h1>Mes connexions</h1>
      <div className="flex flex-col gap-2">
        <p>Vous êtes connecté sur {sessions.length > 1 ? "ces appareils" : "cet appareil"}.</p>
        <p>Vous ne reconnaissez pas un appareil ? Déconnectez-le. Puis parlez-en à votre conseiller.</p>
        <p>Après {idleMinutes} minutes sans rien faire, vous êtes déconnecté. C&apos;est pour protéger vos informations.</p>
      </div>
      <section aria-labelledby="titre-appareils">
        <h2 id="titre-appareils" className="mb-3">
          Vos appareils
        </h2>
        <SessionsPanel sessions={sessions} wording="jeune" />
      </section>
    </div>
  );
}
