import { signInWithOidcAction } from "@/lib/auth/actions";

/**
 * The single sign-on button, after ProConnect's (dark blue, its name in bold on a second line), drawn here
 * without any external asset. A plain form posting to a server action: it works before hydration too.
 */
export function SsoSignIn({ providerName, retour }: { providerName: string; retour?: string }) {
  return (
    <div className="flex flex-col items-start gap-2">
      <form action={signInWithOidcAction}>
        <input type="hidden" name="retour" value={retour ?? "/"} />
        <button
          type="submit"
          className="inline-flex min-h-14 cursor-pointer items-center gap-3 rounded-sm bg-primary px-5 py-2 text-left text-white hover:bg-primary-hover"
        >
          <svg
            aria-hidden="true"
            focusable="false"
            viewBox="0 0 24 24"
            className="size-7 shrink-0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          >
            <circle cx="12" cy="8" r="3.5" />
            <path d="M5 20c.8-3.8 3.6-6 7-6s6.2 2.2 7 6" strokeLinecap="round" />
          </svg>
          <span className="flex flex-col leading-tight">
            <span className="text-sm">S’identifier avec</span>
            <span className="text-lg font-bold">{providerName}</span>
          </span>
        </button>
      </form>
      {providerName === "ProConnect" ? (
        <a
          href="https://www.proconnect.gouv.fr/"
          target="_blank"
          rel="noopener noreferrer"
          className="text-sm text-primary underline underline-offset-4 hover:decoration-2"
        >
          Qu’est-ce que ProConnect ?<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
      ) : null}
    </div>
  );
}
