import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/link";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[1200px] px-4 py-10 outline-none">
      <div className="mx-auto max-w-[640px] py-8">
        <p className="mb-2 text-sm font-bold text-ink-2">Erreur 404</p>
        <h1 className="mb-4">Page introuvable</h1>
        <p className="mb-6">
          Cette page n&apos;existe pas, ou vous n&apos;y avez pas accès. Vérifiez l&apos;adresse, ou revenez à votre accueil.
        </p>
        <ButtonLink href="/" variant="primary">
          Revenir à mon accueil
        </ButtonLink>
      </div>
    </main>
  );
}
