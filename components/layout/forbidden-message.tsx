import { ButtonLink } from "@/components/ui/link";

/** Shared by the 403 page (proxy rewrite), app/forbidden.tsx and each area's forbidden.tsx (server-side checks). */
export function ForbiddenMessage() {
  return (
    <div className="mx-auto max-w-[640px] py-8">
      <p className="mb-2 text-sm font-bold text-ink-2">Erreur 403</p>
      <h1 className="mb-4">Accès refusé</h1>
      <p className="mb-6">
        Votre compte n&apos;a pas les droits nécessaires pour ouvrir cette page. Si vous pensez que c&apos;est une erreur, contactez la
        direction de votre mission locale ou l&apos;administrateur de Sillage.
      </p>
      <ButtonLink href="/" variant="primary">
        Revenir à mon accueil
      </ButtonLink>
    </div>
  );
}
