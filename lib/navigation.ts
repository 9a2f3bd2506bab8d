import { can, isAllowedPath, type Capability } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  capability?: Capability;
  /** Only for these roles (an entry another item already leads to for the others). */
  roles?: readonly Role[];
}

const STAFF_NAV: NavItem[] = [
  { href: "/portefeuille", label: "Portefeuille" },
  { href: "/agenda", label: "Agenda" },
  { href: "/portefeuille/reaffectation", label: "Réaffectation", capability: "jeunes.reassign" },
  { href: "/droits", label: "Demandes de droits", capability: "droits.read" },
  { href: "/transmissions", label: "Transmissions", capability: "transmissions.read" },
  { href: "/conformite/conservation", label: "Conservation", capability: "conservation.read" },
  { href: "/journal", label: "Journal d'audit" },
  { href: "/registre", label: "Registre des traitements" },
  // The admin reaches the accounts from /admin; the director has no /admin, so the list is in their menu.
  { href: "/admin/comptes", label: "Comptes", capability: "comptes.read", roles: ["directeur"] },
  { href: "/admin", label: "Administration" },
  { href: "/pilotage", label: "Pilotage", capability: "pilotage.read" },
  { href: "/conformite", label: "Conformité", capability: "conformite.read" },
];

/** The main navigation of a role: only the areas it may enter (same table as proxy.ts). */
export function navFor(role: Role): NavItem[] {
  return STAFF_NAV.filter(
    (item) =>
      isAllowedPath(role, item.href) && (!item.capability || can(role, item.capability)) && (!item.roles || item.roles.includes(role)),
  );
}
