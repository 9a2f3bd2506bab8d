import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

/** An unknown address, outside every area: the page brings its own <main>. */
export default function NotFound() {
  return (
    <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[1200px] px-4 py-10 outline-none">
      <NotFoundMessage />
    </main>
  );
}
