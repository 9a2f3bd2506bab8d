/**
 * The authorisation matrix of Sillage, as data: every page route (app/**\/page.tsx), route handler
 * (app/**\/route.ts) and server action (every definition of lib/action-registry.ts) × role × ownership →
 * the expected outcome. It is written by hand, apart from CAPABILITIES and AREAS (lib/auth/permissions.ts),
 * so that a capability or an area widened by mistake contradicts it.
 *
 * Suites generated from it:
 * - test/authz/matrix.test.ts: every route and action found in the tree has a row, every row exists;
 * - test/authz/actions.integration.test.ts: each action run through runAction per role × ownership;
 * - e2e/matrix.spec.ts: each route over HTTP against the production build, per role × ownership, with
 *   no other structure's (or other person's) data in the body; and the malformed-URL crawl.
 *
 * Who plays each role (the demo seed, db/seed/demo.ts): the Lyon accounts — Alex Morel (admin, no structure:
 * every structure is "own"), Nadia Benali (directrice: her portfolio is the structure), Camille Martin
 * (conseillère), Sophie Leclerc (DPO, working in Lyon), Léa Dupont (jeune, in Camille's portfolio).
 * "Other structure" is Marseille.
 */
import type { Role } from "@/lib/auth/roles";

export const MATRIX_ROLES = ["admin", "directeur", "conseiller", "dpo", "jeune", "anonymous"] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const OWNERSHIPS = ["own_structure", "other_structure", "own_portfolio", "other_portfolio", "self", "other_jeune"] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/**
 * - allowed: 200 (a page, a file) / `ok: true`;
 * - signin: sent to /connexion (a page), 401 (a file) / `unauthenticated`;
 * - redirect: sent elsewhere on purpose (the home of the role, the sign-in page of a finished session);
 * - forbidden: 403 / `forbidden`;
 * - not_found: 404 / `not_found` — another structure's record, a missing or malformed id alike;
 * - reason: outside the portfolio, a reason is asked first (the dossier page shows the reason form, a sub-page
 *   redirects to it, a file is refused with 403) / `reason_required`;
 * - error: a page that fails on purpose (the error pages' own test).
 */
export const OUTCOMES = ["allowed", "signin", "redirect", "forbidden", "not_found", "reason", "error"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One outcome whatever the ownership, or one per ownership case that applies to the role. */
export type Cell = Outcome | Partial<Record<Ownership, Outcome>>;
export type Expectations = Record<MatrixRole, Cell>;

/**
 * What the ids of a route (or the input of an action) point to, hence which ownership cases apply:
 * `dossier` a young person's file (or a child row of it), `record` a row of a structure (a séance, a rights
 * request, an account, a structure), `self` the caller's own file or account, `none` nothing.
 */
export type Subject = "none" | "dossier" | "record" | "self";

export interface RouteRow {
  kind: "page" | "route";
  subject: Subject;
  expect: Expectations;
  /** Why the row is what it is, when it is not obvious. */
  note?: string;
}

export interface ActionRow {
  subject: Subject;
  expect: Expectations;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Compact notation
// ---------------------------------------------------------------------------------------------

const STAFF: readonly Role[] = ["admin", "directeur", "conseiller", "dpo"];

/** Everyone, signed in or not, gets the same outcome. */
const everyone = (outcome: Outcome): Expectations => Object.fromEntries(MATRIX_ROLES.map((r) => [r, outcome])) as Expectations;

/** A protected route: anonymous → sign-in, the roles listed get their cell, every other role → 403. */
function only(cells: Partial<Record<Role, Cell>>): Expectations {
  return Object.fromEntries(MATRIX_ROLES.map((r) => [r, r === "anonymous" ? "signin" : (cells[r as Role] ?? "forbidden")])) as Expectations;
}

const all = (roles: readonly Role[], cell: Cell): Partial<Record<Role, Cell>> => Object.fromEntries(roles.map((r) => [r, cell]));

/** A row of the caller's structure: allowed there, 404 from another one (the admin has every structure). */
const RECORD: Cell = { own_structure: "allowed", other_structure: "not_found" };
const ADMIN_RECORD: Cell = { own_structure: "allowed", other_structure: "allowed" };

/** A young person's file, for a role that holds the capability: the dossier gate (lib/dossier/gate.ts). */
const DOSSIER: Record<"conseiller" | "directeur" | "dpo" | "admin", Cell> = {
  conseiller: { own_portfolio: "allowed", other_portfolio: "reason", other_structure: "not_found" },
  // A director's portfolio is the whole structure.
  directeur: { own_structure: "allowed", other_structure: "not_found" },
  // No portfolio: every opening needs a reason, unless the act exempts the role.
  dpo: { own_structure: "reason", other_structure: "not_found" },
  // Platform-wide: no structure hides a file from the admin, but a reason is always asked.
  admin: { own_structure: "reason", other_structure: "reason" },
};

/** The dossier cells of the roles listed (the others → 403). */
const dossierOf = (...roles: (keyof typeof DOSSIER)[]) => only(Object.fromEntries(roles.map((r) => [r, DOSSIER[r]])));

const page = (expect: Expectations, subject: Subject = "none", note?: string): RouteRow => ({ kind: "page", subject, expect, note });
const file = (expect: Expectations, subject: Subject = "none", note?: string): RouteRow => ({ kind: "route", subject, expect, note });

const WRITERS = ["directeur", "conseiller"] as const;
const READERS_OF_THE_STRUCTURE = ["admin", "directeur", "dpo"] as const;

// ---------------------------------------------------------------------------------------------
// Routes, by path as the browser sees it (route groups removed)
// ---------------------------------------------------------------------------------------------

export const ROUTES: Record<string, RouteRow> = {
  // Public
  "/": page({ ...everyone("redirect"), anonymous: "signin" }, "none", "the home of the role"),
  "/acces-refuse": page(everyone("forbidden"), "none", "the 403 page itself"),
  "/accessibilite": page(everyone("allowed")),
  "/notice": page(everyone("allowed")),
  "/connexion": page({ ...everyone("redirect"), anonymous: "allowed" }, "none", "a signed-in visitor goes home"),
  "/connexion/double-authentification": page(
    everyone("redirect"),
    "none",
    "only a session waiting for its second factor sees it; any other is sent on",
  ),
  "/invitation/[token]": page(everyone("allowed"), "none", "an unknown or used token shows « lien invalide » (200), never whose it was"),
  "/dev/courriels": page(everyone("allowed"), "none", "the development outbox: a 404 unless SILLAGE_DEV_OUTBOX=1 (set for the e2e server)"),
  "/session-expiree": file(
    everyone("redirect"),
    "none",
    "clears a cookie no longer usable, then the sign-in page; a session in use is only sent home",
  ),
  "/api/auth/[...nextauth]": file(everyone("allowed"), "none", "Auth.js: session, csrf, providers (GET)"),
  "/api/health": file(everyone("allowed"), "none", "the load balancer's probe: « ok » or 503, no data"),
  "/mentions-legales": page(everyone("allowed")),
  "/connexion/code": page(everyone("allowed"), "none", "the young people's way in: the same form whoever asks"),
  "/connexion/lien/[token]": page(
    everyone("allowed"),
    "none",
    "a button signs in (a mail scanner opening the link uses nothing); an unknown link says so (200), never whose it was",
  ),

  // Staff areas
  "/essais/panne": page(
    { ...everyone("error"), jeune: "forbidden", anonymous: "signin" },
    "none",
    "fails on purpose when SILLAGE_E2E_FAULTS=1 (error pages' test); the staff layout refuses the young person",
  ),
  "/admin": page(only({ admin: "allowed" })),
  "/admin/parametres": page(only({ admin: "allowed" })),
  "/admin/structures/nouvelle": page(only({ admin: "allowed" })),
  "/admin/structures/[id]": page(only({ admin: ADMIN_RECORD }), "record"),
  "/admin/comptes": page(only({ admin: "allowed", directeur: "allowed" })),
  "/admin/comptes/nouveau": page(only({ admin: "allowed", directeur: "allowed" })),
  "/admin/comptes/[id]": page(only({ admin: ADMIN_RECORD, directeur: RECORD }), "record"),
  "/agenda": page(only(all(WRITERS, "allowed"))),
  "/agenda/nouvelle": page(only(all(WRITERS, "allowed"))),
  "/agenda/[id]": page(only(all(WRITERS, RECORD)), "record"),
  "/agenda/[id]/modifier": page(only(all(WRITERS, RECORD)), "record"),
  "/agenda/[id]/emargement": file(only(all(WRITERS, RECORD)), "record"),
  "/compte": page(only(all(STAFF, "allowed")), "self"),
  "/compte/double-authentification": page(only(all(STAFF, "allowed")), "self"),
  "/droits": page(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/droits/nouvelle": page(only({ dpo: "allowed" })),
  "/droits/[id]": page(only({ admin: ADMIN_RECORD, directeur: RECORD, dpo: RECORD }), "record"),
  "/droits/[id]/[document]": file(
    only({ admin: ADMIN_RECORD, directeur: RECORD, dpo: RECORD }),
    "record",
    "the receipt or the response letter (the access pack is the DPO's only: lib/droits/documents.ts)",
  ),
  "/droits/registre.csv": file(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/journal": page(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/journal/consultations": page(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/portefeuille": page(only(all(WRITERS, "allowed"))),
  "/portefeuille/reaffectation": page(only({ directeur: "allowed" })),
  "/registre": page(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/registre/export.csv": file(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/registre/export.pdf": file(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/transmissions": page(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/transmissions/export.csv": file(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/pilotage": page(only({ admin: "allowed", directeur: "allowed" }), "none", "the admin chooses the structure"),
  "/conformite": page(only({ directeur: "allowed", dpo: "allowed" })),
  "/conformite/conservation": page(only(all(READERS_OF_THE_STRUCTURE, "allowed"))),
  "/conformite/conservation/[runId]": page(
    only(all(READERS_OF_THE_STRUCTURE, { own_structure: "allowed" })),
    "record",
    "the runs are the platform's; the items shown are the caller's structure's (the admin's: all)",
  ),
  "/droits/[id]/pieces/[pieceId]": file(only({ dpo: RECORD }), "record", "a document the person sent: the DPO only downloads it"),
  "/pilotage/rendez-vous": page(
    only({ directeur: "allowed" }),
    "none",
    "the rendez-vous behind the dashboard's attendance: young people's names, so the admin (no portfolio) is refused",
  ),

  // A young person's file
  "/jeunes/nouveau": page(only(all(WRITERS, "allowed"))),
  "/jeunes/[id]": page(
    dossierOf("conseiller", "directeur", "dpo", "admin"),
    "dossier",
    "outside the portfolio the page is the reason form",
  ),
  "/jeunes/[id]/modifier": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/archivage": page(dossierOf("conseiller", "directeur", "dpo", "admin"), "dossier"),
  "/jeunes/[id]/actions/nouvelle": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/actions/[actionId]": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/allocation/nouvelle": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/contrats/nouveau": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/contrats/[contratId]/changer": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/contrats/[contratId]/modifier": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/contrats/[contratId]/terminer": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/contrats/[contratId]/phases/nouvelle": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/contrats/[contratId]/phases/[phaseId]": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/contrats/[contratId]/recapitulatif": file(dossierOf(...WRITERS), "dossier", "needs jeunes.read and parcours.write"),
  "/jeunes/[id]/droits/nouvelle": page(
    dossierOf("conseiller", "directeur", "dpo"),
    "dossier",
    "the desk intake: the page asks the DPO a reason too",
  ),
  "/jeunes/[id]/droits/[demandeId]/[document]": file(
    dossierOf("conseiller", "directeur", "dpo"),
    "dossier",
    "needs jeunes.read and droits.intake",
  ),
  "/jeunes/[id]/sanctions/nouvelle": page(dossierOf(...WRITERS), "dossier"),
  "/jeunes/[id]/sanctions/[sanctionId]": page(dossierOf("conseiller", "directeur", "dpo", "admin"), "dossier"),

  // Mon espace: the young person's own file, taken from the session (never from the URL)
  "/mon-espace": page(only({ jeune: "allowed" }), "self"),
  "/mon-espace/connexions": page(only({ jeune: "allowed" }), "self"),
  "/mon-espace/demande": page(only({ jeune: "allowed" }), "self"),
  "/mon-espace/mes-informations": page(only({ jeune: "allowed" }), "self"),
  "/mon-espace/mon-parcours": page(only({ jeune: "allowed" }), "self"),
  "/mon-espace/parcours-des-donnees": page(only({ jeune: "allowed" }), "self"),
  "/mon-espace/mes-donnees": page(only({ jeune: "allowed" }), "self"),
  "/mon-espace/mes-donnees/[id]/[document]": file(
    only({ jeune: { self: "allowed" } }),
    "self",
    "the person's own access pack (PDF or JSON); another person's pack is « introuvable »",
  ),
};

// ---------------------------------------------------------------------------------------------
// Server actions, keyed like ACTION_REGISTRY ("module.export")
// ---------------------------------------------------------------------------------------------

/** A write on a young person's file, by the roles listed; `exempt` roles need no reason outside the portfolio. */
function dossierWrite(roles: readonly (keyof typeof DOSSIER)[], exempt: readonly (keyof typeof DOSSIER)[] = []): ActionRow {
  const cells: Partial<Record<Role, Cell>> = {};
  for (const role of roles) {
    const base = DOSSIER[role] as Partial<Record<Ownership, Outcome>>;
    cells[role] = exempt.includes(role)
      ? (Object.fromEntries(Object.entries(base).map(([o, v]) => [o, v === "reason" ? "allowed" : v])) as Cell)
      : base;
  }
  return { subject: "dossier", expect: only(cells) };
}

/** A write about nobody's file, by the roles listed (record-level rules, if any, are tested beside the write). */
const noDossier = (roles: readonly Role[], note?: string): ActionRow => ({ subject: "none", expect: only(all(roles, "allowed")), note });
/** A write on the caller's own account or session. */
const ownAccount = (roles: readonly Role[], note?: string): ActionRow => ({ subject: "self", expect: only(all(roles, "allowed")), note });

const PARCOURS = dossierWrite(WRITERS);
const AGENDA = dossierWrite(WRITERS, WRITERS);
const DPO_STEP = dossierWrite(["dpo"], ["dpo"]);
const STAFF_ACCOUNT = ownAccount(STAFF);

export const ACTIONS: Record<string, ActionRow> = {
  "actions-jeune/writes.createAction": PARCOURS,
  "actions-jeune/writes.editAction": PARCOURS,
  "actions-jeune/writes.changeActionStatut": PARCOURS,
  "actions-jeune/writes.closeAction": PARCOURS,
  "actions-jeune/writes.qualifyAction": PARCOURS,
  "actions-jeune/writes.bulkQualifyActions": PARCOURS,
  "affectations/writes.reassignJeunes": noDossier(["directeur"], "the young people moved must be of the structure: affectations tests"),
  // The agenda act is its own ground: any counsellor of the structure records it (exempt).
  "agenda/participation-writes.addParticipant": AGENDA,
  "agenda/participation-writes.removeParticipant": AGENDA,
  "agenda/participation-writes.recordAttendance": AGENDA,
  "agenda/seance-writes.createSeance": AGENDA,
  "agenda/seance-writes.updateSeance": AGENDA,
  "agenda/seance-writes.cancelSeance": AGENDA,
  "agenda/seance-writes.closeSeance": AGENDA,
  "allocation/decision-writes.previewAllocationDecision": PARCOURS,
  "allocation/decision-writes.recordAllocationDecision": PARCOURS,
  "comptes/invitation-writes.inviteCompte": noDossier(["admin", "directeur"], "a director invites counsellors of their structure only"),
  "comptes/invitation-writes.resendInvitation": noDossier(["admin", "directeur"]),
  "comptes/invitation-writes.revokeInvitation": noDossier(["admin", "directeur"]),
  "comptes/invitation-writes.acceptInvitation": ownAccount(STAFF, "as the invited account, whose token names it"),
  "comptes/writes.changeCompteRole": noDossier(["admin"]),
  "comptes/writes.moveCompte": noDossier(["admin", "directeur"]),
  "comptes/writes.deactivateCompte": noDossier(["admin", "directeur"]),
  "comptes/writes.reactivateCompte": noDossier(["admin", "directeur"]),
  "comptes/membership-writes.addMembership": noDossier(["admin"]),
  "comptes/membership-writes.removeMembership": noDossier(["admin"]),
  "comptes/structure-switch-writes.switchStructure": ownAccount(["directeur", "conseiller", "dpo"], "membership checked on the server"),
  "dossier/break-glass-writes.giveConsultationReason": {
    subject: "dossier",
    expect: only({
      ...all(["admin", "directeur", "conseiller", "dpo"], { own_structure: "allowed", other_structure: "not_found" }),
      admin: { own_structure: "allowed", other_structure: "allowed" },
      conseiller: { own_portfolio: "allowed", other_portfolio: "allowed", other_structure: "not_found" },
    }),
    note: "the reason itself: given for a file of the structure, « introuvable » for another one",
  },
  "droits/intake-writes.recordDeskDemande": dossierWrite(["conseiller", "directeur", "dpo"], ["dpo"]),
  "droits/intake-writes.recordDpoDemande": DPO_STEP,
  "droits/intake-writes.createDemandeFromEspace": {
    subject: "self",
    expect: only({ jeune: { self: "allowed" } }),
    note: "the file is the signed-in person's, whatever the input names",
  },
  "droits/document-writes.sendDemandeDocument": {
    subject: "self",
    expect: only({ jeune: { self: "allowed" } }),
    note: "on the person's own request only, while the DPO waits for a proof",
  },
  "droits/pack-writes.requestAccessPack": {
    subject: "self",
    expect: only({ jeune: { self: "allowed" } }),
    note: "the signed-in person's pack",
  },
  "droits/pack-writes.retryAccessPack": {
    subject: "self",
    expect: only({ jeune: { self: "allowed" } }),
    note: "the signed-in person's pack",
  },
  "espace/invitation-writes.inviteToEspace": dossierWrite(WRITERS),
  "droits/traitement-writes.applyRectification": DPO_STEP,
  "droits/traitement-writes.decideErasure": DPO_STEP,
  "droits/traitement-writes.forwardToFranceTravail": DPO_STEP,
  "droits/traitement-writes.recordFranceTravailAnswer": DPO_STEP,
  "droits/transition-writes.askIdentityComplement": DPO_STEP,
  "droits/transition-writes.recordIdentityComplement": DPO_STEP,
  "droits/transition-writes.verifyIdentity": DPO_STEP,
  "droits/transition-writes.extendDeadline": DPO_STEP,
  "droits/transition-writes.respondToDemande": DPO_STEP,
  "droits/transition-writes.closeDemande": DPO_STEP,
  "droits/transition-writes.applyLimitation": DPO_STEP,
  "droits/transition-writes.liftLimitation": DPO_STEP,
  "jeunes/archive-writes.archiveJeune": dossierWrite(WRITERS),
  "jeunes/archive-writes.restoreJeune": dossierWrite(WRITERS),
  "jeunes/nir-reveal-writes.revealNir": dossierWrite(["conseiller", "directeur", "dpo", "admin"]),
  "jeunes/writes.createJeune": noDossier(WRITERS, "in the caller's structure, the counsellor picked from it"),
  "jeunes/writes.updateJeune": dossierWrite(WRITERS),
  "mail/writes.relaunchMail": noDossier(
    ["admin", "directeur", "dpo"],
    "a message of the caller's structure (admin: any, the platform's own too)",
  ),
  "mfa/writes.confirmMfaEnrolment": STAFF_ACCOUNT,
  "mfa/writes.verifyMfaCode": STAFF_ACCOUNT,
  "mfa/writes.useRecoveryCode": STAFF_ACCOUNT,
  "mfa/writes.regenerateRecoveryCodes": STAFF_ACCOUNT,
  "mfa/writes.resetMfa": noDossier(["admin"], "never one's own factor"),
  "parcours/contrat-writes.signContrat": PARCOURS,
  "parcours/contrat-writes.modifyContrat": PARCOURS,
  "parcours/contrat-writes.endContrat": PARCOURS,
  "parcours/contrat-writes.switchContrat": PARCOURS,
  "parcours/phase-writes.addPhase": PARCOURS,
  "parcours/phase-writes.editPhase": PARCOURS,
  "parcours/phase-writes.recordBilan": PARCOURS,
  "sanctions/writes.recordFailure": PARCOURS,
  "sanctions/writes.recordResponse": PARCOURS,
  "sanctions/writes.decideSanction": dossierWrite(["directeur"]),
  "sanctions/writes.liftSuspension": dossierWrite(["directeur"]),
  "sessions/writes.revokeOwnSession": ownAccount([...STAFF, "jeune"]),
  "sessions/writes.closeOtherSessions": ownAccount([...STAFF, "jeune"]),
  "sessions/writes.signOutEverywhere": ownAccount([...STAFF, "jeune"]),
  "sessions/writes.revokeAccountSessions": noDossier(["admin", "directeur"], "accounts the caller manages (lib/comptes/rules.ts)"),
  "settings/writes.createSetting": noDossier(["admin"]),
  "retention/writes.simulatePurge": noDossier(["dpo"], "a dry run of the retention rules: it changes nothing but its own record"),
  "structures/writes.createStructure": noDossier(["admin"]),
  "structures/writes.updateStructure": noDossier(["admin"]),
  "structures/writes.setStructureActive": noDossier(["admin"]),
  "structures/writes.createAntenne": noDossier(["admin"]),
  "structures/writes.updateAntenne": noDossier(["admin"]),
  "structures/writes.setAntenneActive": noDossier(["admin"]),
  // The DPO supervises transfers (exempt); a director's portfolio is the structure.
  "transmissions/retry-writes.retryTransmission": dossierWrite(["directeur", "dpo"], ["dpo"]),
  "transmissions/send-now-writes.makeDueNow": dossierWrite(["directeur", "dpo"], ["dpo"]),
};

// ---------------------------------------------------------------------------------------------
// Reading the matrix
// ---------------------------------------------------------------------------------------------

/** The ownership cases a role's cell lists (["any"] for a single outcome). */
export function casesOf(cell: Cell): [Ownership | "any", Outcome][] {
  return typeof cell === "string" ? [["any", cell]] : (Object.entries(cell) as [Ownership, Outcome][]);
}

/** The roles allowed in at least one case: who holds the route or the action at all. */
export function holders(expect: Expectations): MatrixRole[] {
  return MATRIX_ROLES.filter((r) => casesOf(expect[r]).some(([, o]) => o === "allowed" || o === "reason"));
}

/** app/(staff)/jeunes/[id]/page.tsx → /jeunes/[id]; route groups are not in the URL. */
export function routeOf(file: string): string {
  const parts = file
    .replace(/\\/g, "/")
    .replace(/^app\//, "")
    .split("/")
    .slice(0, -1)
    .filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}
