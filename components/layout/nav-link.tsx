"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import clsx from "clsx";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
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
