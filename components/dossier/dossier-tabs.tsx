import { clsx } from "clsx";
import Link from "next/link";
import { DOSSIER_ONGLETS, ONGLET_LABELS, dossierHref, type DossierOnglet } from "@/lib/consultations/onglets";

/**
 * The dossier's sections. Each tab is its own server-rendered URL (?onglet=…), recorded as a
 * consultation when opened, so these are links in a <nav> with aria-current, not an ARIA tablist
 * (whose panels would all be in the page). No prefetch: a prefetch is not an opening and must not
 * render the tab. scroll={false} keeps the header in view and focus on the link just followed.
 */
export function DossierTabs({ jeuneId, current }: { jeuneId: string; current: DossierOnglet }) {
  return (
    <nav aria-label="Sections du dossier" className="mb-6">
      <ul className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:gap-x-1 sm:gap-y-0 sm:border-b sm:border-border">
        {DOSSIER_ONGLETS.map((onglet) => {
          const isCurrent = onglet === current;
          return (
            <li key={onglet} className="sm:-mb-px">
              <Link
                href={dossierHref(jeuneId, onglet)}
                prefetch={false}
                scroll={false}
                aria-current={isCurrent ? "page" : undefined}
                className={clsx(
                  "flex min-h-11 items-center rounded-sm border px-3 py-2 font-medium",
                  "sm:rounded-none sm:border-0 sm:border-b-4 sm:px-4",
                  isCurrent
                    ? "border-primary bg-primary font-bold text-white sm:bg-white sm:text-primary"
                    : "border-border bg-white text-ink hover:bg-alt hover:text-primary sm:border-transparent sm:bg-transparent sm:hover:border-border",
                )}
              >
                {ONGLET_LABELS[onglet]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
