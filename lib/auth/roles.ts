export const ROLES = ["admin", "directeur", "conseiller", "dpo", "jeune"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrateur",
  directeur: "Directeur",
  conseiller: "Conseiller",
  dpo: "Délégué à la protection des données",
  jeune: "Jeune",
};

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  admin: "/admin",
  directeur: "/portefeuille",
  conseiller: "/portefeuille",
  dpo: "/droits",
  jeune: "/mon-espace",
};

export const STAFF_ROLES: readonly Role[] = ["admin", "directeur", "conseiller", "dpo"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
