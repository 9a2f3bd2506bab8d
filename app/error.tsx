"use client";

import { ErrorMessage } from "@/components/layout/error-message";

/** A failure outside the areas (or in an area's layout): rendered in the root layout, so it brings its own <main>. */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[1200px] px-4 py-10 outline-none">
      <ErrorMessage error={error} retry={retry} audience="public" />
    </main>
  );
}
