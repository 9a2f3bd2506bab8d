"use client";

import { ErrorMessage } from "@/components/layout/error-message";
import { StatusIconSprite } from "@/components/ui/icons";
import "./globals.css";

/** A failure of the root layout itself: replaces it, so it brings its own document (no layout around it). */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-white text-ink antialiased">
        <StatusIconSprite />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[1200px] px-4 py-10 outline-none">
          <ErrorMessage error={error} retry={retry} audience="public" />
        </main>
      </body>
    </html>
  );
}
