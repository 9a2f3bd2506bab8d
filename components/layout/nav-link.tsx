"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import clsx from "clsx";

const matches = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** Current when it is the most specific menu entry matching the page (one aria-current at most). */
export function NavLink({ href, siblings, children }: { href: string; siblings: string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const best = siblings.filter((h) => matches(pathname, h)).sort((a, b) => b.length - a.length)[0];
  const current = best === href;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={clsx(
        "inline-flex min-h-11 items-center border-b-2 px-3 py-2 font-medium",
        current ? "border-primary text-primary" : "border-transparent text-ink hover:border-border hover:text-primary",
      )}
    >
      {children}
    </Link>
  );
}
