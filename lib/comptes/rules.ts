/**
 * Record-level rules of account management, on top of the capability table (lib/auth/permissions.ts):
 * which account a caller may touch and which role they may grant. Pure: the writes load the rows.
 */
import { mayManageRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { DomainError } from "@/lib/errors/domain-error";

export const COMPTE_NOT_FOUND = "Ce compte est introuvable ou ne relève pas de votre mission locale.";
export const SELF_REFUSED = "Vous ne pouvez pas modifier votre propre compte : demandez-le à un autre administrateur.";
export const ROLE_REFUSED = "Vous ne pouvez gérer que les comptes des conseillers de votre mission locale.";
export const LAST_ADMIN_REFUSED =
  "C'est le dernier compte administrateur actif : désignez d'abord un autre administrateur. Rien n'a été enregistré.";

export interface AccountRef {
  id: string;
  role: Role;
  structureId: string | null;
}

/**
 * May `actor` act on `target`? Another structure's account (or a young person's) is "not found", so nothing
 * reveals it exists; one's own account and a role the actor does not manage are refused.
 */
export function assertMayManage(actor: SessionUser, target: AccountRef): void {
  if (target.role === "jeune") throw new DomainError("not_found", { message: COMPTE_NOT_FOUND });
  if (actor.role !== "admin" && (!actor.structureId || target.structureId !== actor.structureId)) {
    throw new DomainError("not_found", { message: COMPTE_NOT_FOUND });
  }
  if (actor.id === target.id) throw new DomainError("forbidden", { message: SELF_REFUSED });
  if (!mayManageRole(actor.role, target.role)) throw new DomainError("forbidden", { message: ROLE_REFUSED });
}

/** The role a caller may give (a director never grants directeur, dpo or admin), refused on the role field. */
export function assertMayGrant(actor: SessionUser, role: Role): void {
  if (!mayManageRole(actor.role, role)) {
    throw new DomainError("forbidden", { fieldErrors: { role: ["Vous ne pouvez pas attribuer ce rôle."] } });
  }
}

/** A structure is required for every staff role but the admin's (users_staff_structure). */
export function needsStructure(role: Role): boolean {
  return role !== "admin" && role !== "jeune";
}

/** What the refused act would have done, as the refusal words it. */
export type PortfolioAct = "désactiver son compte" | "changer sa mission locale" | "changer son rôle";

/** The refusal of an act on a counsellor still titular of active files: how many, and what to do first. */
export function portfolioRefusal(jeunes: number, act: PortfolioAct): string {
  const count = jeunes === 1 ? "1 jeune dont le dossier est actif" : `${jeunes} jeunes dont les dossiers sont actifs`;
  return `Ce conseiller est encore référent de ${count}. Réaffectez-les avant de ${act} : rien n'a été réaffecté ni enregistré.`;
}

/**
 * The roles that may work for several missions locales: a DPO shared by several associations, a director
 * of two. A counsellor's portfolio belongs to one structure, so a counsellor has only their home one.
 */
export const MULTI_STRUCTURE_ROLES: readonly Role[] = ["dpo", "directeur"];

export function mayHaveSeveralStructures(role: Role): boolean {
  return MULTI_STRUCTURE_ROLES.includes(role);
}
