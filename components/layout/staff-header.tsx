import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { navFor } from "@/lib/navigation";
import { Brand } from "./brand";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { PersonName } from "@/components/ui/person-name";
import { StructureSwitch } from "@/components/comptes/structure-switch";

export function StaffHeader({ user }: { user: SessionUser }) {
  const items = navFor(user.role);
  return (
    <header className="border-b border-border bg-white">
      <div className="mx-auto flex max-w-[1200px] flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="rounded-sm">
          <Brand subtitle={user.structureName ?? "Toutes les missions locales"} />
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          <StructureSwitch user={user} />
          <p className="text-sm leading-tight">
            <span className="block font-bold">
              <PersonName>{user.name}</PersonName>
            </span>
            <span className="block text-ink-2">{ROLE_LABELS[user.role]}</span>
          </p>
          <Link
            href="/compte"
            className="inline-flex min-h-11 items-center rounded-sm px-1 text-sm font-medium text-primary underline underline-offset-4"
          >
            Mon compte
          </Link>
          <SignOutButton />
        </div>
      </div>
      {items.length > 0 ? (
        <nav aria-label="Menu principal" className="border-t border-border">
          <ul className="mx-auto flex max-w-[1200px] flex-wrap gap-1 px-2">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} siblings={items.map((i) => i.href)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
