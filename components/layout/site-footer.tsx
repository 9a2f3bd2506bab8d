import Link from "next/link";
import { todayInParis } from "@/lib/calendar/civil-date";
import { accessibilityStateLabel } from "@/lib/legal/queries";

export async function SiteFooter() {
  const accessibility = await accessibilityStateLabel(todayInParis(new Date()));
  return (
    <footer className="mt-16 border-t border-border bg-alt">
      <div className="mx-auto flex max-w-[1200px] flex-col gap-2 px-4 py-6 text-sm text-ink-2 sm:flex-row sm:items-center sm:justify-between">
        <p>Sillage — portail des missions locales</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link className="underline hover:text-primary" href="/notice">
              Vos données personnelles
            </Link>
          </li>
          <li>
            <Link className="underline hover:text-primary" href="/mentions-legales">
              Mentions légales
            </Link>
          </li>
          <li>
            <Link className="underline hover:text-primary" href="/accessibilite">
              Accessibilité : {accessibility}
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
