import type { Role } from "./roles";

/**
 * Where a signed-in session stands with the second factor:
 * - "open": nothing more to check (not required and not enrolled, or checked in this session);
 * - "enrol": required, no confirmed TOTP yet: the person sets one up before any page opens;
 * - "verify": a TOTP is enrolled and this session has not checked a code (or a recovery code) yet.
 * Only an "open" session reaches pages, actions and downloads (lib/auth/session.ts).
 */
export type MfaStep = "open" | "enrol" | "verify";

export interface MfaFacts {
  role: Role;
  /** structures.mfa_required of the session's working structure. */
  structureMfaRequired: boolean;
  /** A confirmed user_mfa row exists. */
  enrolled: boolean;
  /** user_sessions.mfa_at: when this session checked the second factor (or the identity provider asserted it). */
  mfaAt: Date | null;
}

/** Admins and DPOs always; the rest of the staff when their mission locale asks for it; never a young person. */
export function mfaRequired(account: { role: Role; structureMfaRequired: boolean }): boolean {
  if (account.role === "jeune") return false;
  return account.role === "admin" || account.role === "dpo" || account.structureMfaRequired;
}

export function mfaStep(facts: MfaFacts): MfaStep {
  if (facts.role === "jeune" || facts.mfaAt) return "open";
  // A factor set up by choice is checked too: otherwise enrolling would protect nothing.
  if (facts.enrolled) return "verify";
  return mfaRequired(facts) ? "enrol" : "open";
}

/** The page where a pending session checks or sets up its second factor. */
export const MFA_PATH = "/connexion/double-authentification";
