import { ButtonLink } from "@/components/ui/link";

/** Shared by the 404 pages: the root one (an unknown address) and each area's (inside its own <main>). */
export function NotFoundMessage() {
  return (
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
  );
}
