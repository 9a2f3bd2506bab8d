import type { Metadata } from "next";
import { LinkSignInForm } from "@/components/auth/link-sign-in-form";
import { ButtonLink } from "@/components/ui/link";
import { isLinkLive } from "@/lib/auth/code-queries";
import { CODE_PATH } from "@/lib/auth/code-paths";

// The link is a secret: never indexed (every response already carries Referrer-Policy: no-referrer).
export const metadata: Metadata = { title: "Mon espace : entrer avec le lien", robots: { index: false, follow: false } };

const box = "mx-auto max-w-[640px] rounded-lg border border-border bg-white p-6 shadow-sm sm:p-8";

/**
 * Opening the link uses nothing (mail scanners open links too): the person presses the button, which signs in
 * once. A link already used, replaced or too old says so, and offers a new code.
 */
export default async function LinkSignInPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await isLinkLive(token);
  if (!link) {
    return (
      <section aria-labelledby="titre-lien" className={box}>
        <h1 id="titre-lien" className="mb-4">
          Ce lien ne marche plus
        </h1>
        <p className="mb-2">Il a peut-être déjà servi.</p>
        <p className="mb-6">Ou il est trop vieux.</p>
        <ButtonLink href={CODE_PATH} variant="primary">
          Recevoir un nouveau code
        </ButtonLink>
      </section>
    );
  }
  return (
    <section aria-labelledby="titre-lien" className={box}>
      <h1 id="titre-lien" className="mb-4">
        {link.purpose === "invitation" ? "Bienvenue dans Mon espace" : "Entrer dans Mon espace"}
      </h1>
      <p className="mb-2">Appuyez sur le bouton pour entrer dans votre espace.</p>
      <p className="mb-6">Ce lien marche une seule fois.</p>
      <LinkSignInForm token={token} />
    </section>
  );
}
