import type { Role } from "./roles";

/**
 * Role × capability: the single table the UI and the server both read. The UI hides what a role
 * cannot do; the server decides (every action and page calls `can`, then checks the record's structure).
 */
export const CAPABILITIES = {
  "jeunes.read": ["admin", "directeur", "conseiller", "dpo"],
  "jeunes.write": ["directeur", "conseiller"],
  "jeunes.reassign": ["directeur"],
  "jeunes.archive": ["directeur", "conseiller"],
  "audit.read": ["admin", "directeur", "dpo"],
  "settings.read": ["admin", "directeur", "dpo"],
  "registre.read": ["admin", "directeur", "dpo"],
  "settings.manage": ["admin"],
  "structures.read": ["admin"],
  /** Create and edit missions locales and their antennes, deactivate and reactivate them. */
  "structures.manage": ["admin"],
  "users.manage": ["admin"],
  /** The staff accounts list and an account's page: the admin sees every structure, a director their own. */
  "comptes.read": ["admin", "directeur"],
  /** Deactivate, reactivate, move between antennes: limited per role by ACCOUNT_MANAGEMENT below. */
  "comptes.manage": ["admin", "directeur"],
  /** Change an account's role or move it to another structure: platform-wide, hence the admin only. */
  "comptes.role": ["admin"],
  /** Choose which of one's missions locales the session works in (an account with several memberships). */
  "session.structure": ["directeur", "conseiller", "dpo"],
  /** Choose one's own password from an invitation link (the link's token identifies the account). */
  "self.password": ["admin", "directeur", "conseiller", "dpo"],
  /** Reset a staff account's lost second factor (TOTP): platform-wide, hence the admin only, never their own. */
  "comptes.mfa_reset": ["admin"],
  /** Set up and use one's own second factor (TOTP), and renew its recovery codes. */
  "mfa.self": ["admin", "directeur", "conseiller", "dpo"],
  "self.read": ["jeune"],
  /** One's own account page: the browsers signed in, closing one of them, signing out everywhere. */
  "sessions.own": ["admin", "directeur", "conseiller", "dpo", "jeune"],
  "droits.intake": ["conseiller", "directeur", "dpo"],
  "droits.handle": ["dpo"],
  "droits.read": ["admin", "directeur", "dpo"],
  /** The structure's transfers to recipients (all young people), CSV export. */
  "transmissions.read": ["admin", "directeur", "dpo"],
  /** Send again a transfer abandoned after too many failures (dead letter). */
  "transmissions.retry": ["directeur", "dpo"],
  /** The structure's e-mails that could not be sent (dead letters), and relaunching them. */
  "mail.read": ["admin", "directeur", "dpo"],
  "mail.retry": ["admin", "directeur", "dpo"],
  /** Contracts, phases, actions, allowance decisions of a young person. */
  "parcours.write": ["directeur", "conseiller"],
  /** The structure's agenda: rendez-vous, ateliers, attendance. */
  "agenda.read": ["directeur", "conseiller"],
  "agenda.write": ["directeur", "conseiller"],
  /** Record a failure and the young person's answer (propose a sanction). */
  "sanctions.propose": ["directeur", "conseiller"],
  /** Decide a sanction (or drop it): the direction of the mission locale. */
  "sanctions.decide": ["directeur"],
  /** The retention runs (/conformite/conservation): what each run did or would do, with its counts. */
  "conservation.read": ["admin", "directeur", "dpo"],
  /** « Simuler une purge »: start a dry run of the retention rules. */
  "conservation.simulate": ["dpo"],
  /** The director's dashboard (the admin chooses the structure). */
  "pilotage.read": ["admin", "directeur"],
  /** The DPO's dashboard (rights requests, transfers, consultations, ledger, retention); the director reads it. */
  "conformite.read": ["directeur", "dpo"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/**
 * Who may manage (and grant) which staff roles: the admin every staff role, a director only the counsellors
 * of their own structure (record-level: lib/comptes/rules.ts). Nobody manages their own account.
 */
export const ACCOUNT_MANAGEMENT: Readonly<Record<Role, readonly Role[]>> = {
  admin: ["admin", "directeur", "conseiller", "dpo"],
  directeur: ["conseiller"],
  conseiller: [],
  dpo: [],
  jeune: [],
};

export function mayManageRole(actor: Role, target: Role): boolean {
  return ACCOUNT_MANAGEMENT[actor].includes(target);
}

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

/** URL areas and the roles allowed in each; proxy.ts enforces it before any page renders. */
export const AREAS: { prefix: string; roles: readonly Role[] }[] = [
  { prefix: "/admin/comptes", roles: ["admin", "directeur"] },
  { prefix: "/admin", roles: ["admin"] },
  { prefix: "/journal", roles: ["admin", "directeur", "dpo"] },
  { prefix: "/registre", roles: ["admin", "directeur", "dpo"] },
  { prefix: "/droits", roles: ["admin", "directeur", "dpo"] },
  { prefix: "/transmissions", roles: ["admin", "directeur", "dpo"] },
  { prefix: "/conformite/conservation", roles: ["admin", "directeur", "dpo"] },
  { prefix: "/portefeuille", roles: ["directeur", "conseiller"] },
  { prefix: "/agenda", roles: ["directeur", "conseiller"] },
  { prefix: "/jeunes", roles: ["admin", "directeur", "conseiller", "dpo"] },
  { prefix: "/mon-espace", roles: ["jeune"] },
  // Mon compte of the staff; the young person's own page is /mon-espace/connexions.
  { prefix: "/compte", roles: ["admin", "directeur", "conseiller", "dpo"] },
  { prefix: "/pilotage", roles: ["admin", "directeur"] },
  { prefix: "/conformite", roles: ["directeur", "dpo"] },
];

/** Paths anyone may open without signing in. */
export const PUBLIC_PATHS = [
  "/connexion",
  "/notice",
  "/accessibilite",
  "/acces-refuse",
  "/session-expiree",
  "/api/auth",
  "/invitation",
  "/dev/courriels",
  "/api/health",
  "/mentions-legales",
];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The most specific area of a path (/admin/comptes before /admin), whatever the order of AREAS. */
export function areaFor(pathname: string) {
  return AREAS.filter((a) => pathname === a.prefix || pathname.startsWith(`${a.prefix}/`)).sort(
    (a, b) => b.prefix.length - a.prefix.length,
  )[0];
}

/** null when the role may enter the path, else the area that refuses it. */
export function isAllowedPath(role: Role, pathname: string): boolean {
  const area = areaFor(pathname);
  return !area || area.roles.includes(role);
}
