"use client";

import { useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

export type ErrorAudience = "staff" | "jeune" | "public";

const CONTACT: Record<ErrorAudience, string> = {
  staff: "à la personne qui administre Sillage dans votre mission locale",
  jeune: "à votre conseiller ou à votre conseillère",
  public: "à votre mission locale",
};

/**
 * The digest Next gives a server error: a hash, the same one instrumentation.ts logs with the request
 * id. Errors raised in the browser have none. Never the message or the stack.
 */
export function errorReference(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  const { digest } = error as { digest: unknown };
  return typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? digest : null;
}

/**
 * What every error boundary shows: what happened in plain words, what it means for what was typed, a
 * reference to quote, « Réessayer » and « Retour à l'accueil ». An error boundary is reached by a
 * failed render, which writes nothing; a form sent just before (whose page then failed to show) may
 * have been saved, so the page says to check rather than « rien n'a été enregistré ».
 */
export function ErrorMessage({ error, retry, audience }: { error: unknown; retry: () => void; audience: ErrorAudience }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const reference = errorReference(error);

  // The page changed without a navigation: bring screen readers to the heading.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div className="mx-auto max-w-[640px] py-8">
      <title>Une erreur est survenue · Sillage</title>
      <p className="mb-2 text-sm font-bold text-ink-2">Erreur</p>
      <h1 ref={heading} tabIndex={-1} className="mb-4">
        Une erreur est survenue
      </h1>
      <p className="mb-4">
        Cette page n&apos;a pas pu s&apos;afficher à cause d&apos;une erreur dans Sillage. Ce n&apos;est pas de votre faute.
      </p>
      <p className="mb-4">
        Afficher une page ne modifie aucune donnée. Si vous veniez d&apos;envoyer un formulaire, vérifiez qu&apos;il a bien été enregistré
        avant de le renvoyer.
      </p>
      {reference && (
        <p className="mb-6">
          Si l&apos;erreur revient, donnez cette référence {CONTACT[audience]} :{" "}
          <code className="rounded-sm bg-alt px-1 font-mono break-all" data-testid="reference-erreur">
            {reference}
          </code>
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button variant="primary" onClick={retry}>
          Réessayer
        </Button>
        {/* A full page load: after an error, nothing of the current page is kept. */}
        <a href="/" className={buttonClasses("secondary")}>
          Retour à l&apos;accueil
        </a>
      </div>
    </div>
  );
}
