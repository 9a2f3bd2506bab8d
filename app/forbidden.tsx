import type { Metadata } from "next";
import { ForbiddenMessage } from "@/components/layout/forbidden-message";

export const metadata: Metadata = { title: "Accès refusé" };

export default function Forbidden() {
  return (
    <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[1200px] px-4 py-10 outline-none">
      <ForbiddenMessage />
    </main>
  );
}
