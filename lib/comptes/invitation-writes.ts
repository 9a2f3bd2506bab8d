/**
 * Invitations: create a staff account and send it a single-use link to choose its password; send a new link,
 * revoke the open one; accept it (the person behind the link sets the password). The capability table says
 * who may open these acts; lib/comptes/rules.ts which role and which structure: a director invites
 * counsellors of their own structure only, the admin any staff role.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { antennes, memberships, structures, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { hashPassword } from "@/lib/auth/credentials";
import { passwordProblem } from "@/lib/auth/password-policy";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import type { Role } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors/domain-error";
import { appOrigin } from "@/lib/http/origin";
import { INVITATION_MESSAGES, acceptInvitationSchema, invitationAccountSchema, inviteSchema } from "./invitation-schema";
import { INVALID_LINK, claimInvitation, issueInvitation, revokeOpenInvitations } from "./invitations";
import { COMPTES_PATH } from "./params";
import { assertMayGrant, assertMayManage, needsStructure } from "./rules";

const NO_DOSSIER = "acts on a staff account and its invitation, never on a young person's file: lib/comptes/rules.ts checks the target";

export interface InvitationResult {
  id: string;
}

const comptePaths = (id: string) => [COMPTES_PATH, `${COMPTES_PATH}/${id}`];

function fieldError(code: "invalid_input" | "forbidden", field: string, message: string): DomainError {
  return new DomainError(code, { fieldErrors: { [field]: [message] } });
}

/** The structure (and antenne) the new account belongs to, checked: existing, active, the director's own. */
async function placement(
  tx: Tx,
  user: { role: string; structureId: string | null },
  input: { role: Role; structureId?: string; antenneId?: string },
) {
  if (!needsStructure(input.role)) return { structureId: null, antenneId: null };
  let structureId = input.structureId ?? null;
  if (user.role !== "admin") {
    structureId ??= user.structureId;
    if (!structureId || structureId !== user.structureId) throw fieldError("forbidden", "structureId", INVITATION_MESSAGES.otherStructure);
  }
  if (!structureId) throw fieldError("invalid_input", "structureId", INVITATION_MESSAGES.structureRequired);
  const [s] = await tx
    .select({ id: structures.id })
    .from(structures)
    .where(and(eq(structures.id, structureId), eq(structures.active, true)));
  if (!s) throw fieldError("invalid_input", "structureId", INVITATION_MESSAGES.structureUnknown);
  const antenneId = input.antenneId ?? null;
  if (antenneId) {
    const [a] = await tx
      .select({ id: antennes.id })
      .from(antennes)
      .where(and(eq(antennes.id, antenneId), eq(antennes.structureId, structureId), eq(antennes.active, true)));
    if (!a) throw fieldError("invalid_input", "antenneId", INVITATION_MESSAGES.antenneUnknown);
  }
  return { structureId, antenneId };
}

export const inviteCompte: ActionDefinition<typeof inviteSchema, InvitationResult> = {
  name: "compte.invitation",
  schema: inviteSchema,
  capability: "comptes.manage",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    assertMayGrant(user, input.role);
    const { structureId, antenneId } = await placement(tx, user, input);
    const now = new Date();
    // The unique address is checked by the insert itself: two invitations of one address cannot both pass.
    const [account] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, structureId, antenneId, active: true, passwordHash: null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role, structureId: users.structureId });
    if (!account) throw fieldError("invalid_input", "email", INVITATION_MESSAGES.emailTaken);
    if (structureId) await tx.insert(memberships).values({ userId: account.id, structureId, role: input.role, createdBy: user.id });
    await issueInvitation(tx, account, { createdBy: user.id, inviter: user.name, origin: await appOrigin(), now });
    return {
      data: { id: account.id },
      audit: {
        action: "compte.invitation",
        targetType: "user",
        targetId: account.id,
        structureId,
        fields: [
          "name",
          "email",
          "role",
          ...(structureId ? ["structureId", "membership"] : []),
          ...(antenneId ? ["antenneId"] : []),
          "invitation",
        ],
        meta: { role: input.role },
      },
    };
  },
  revalidate: (_input, data) => comptePaths(data.id),
};

/** The invited account, locked, once the caller is known to manage it; refused when it already chose a password. */
async function lockInvitedAccount(tx: Tx, user: Parameters<typeof assertMayManage>[0], compteId: string) {
  const [row] = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      structureId: users.structureId,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, compteId))
    .for("update");
  if (!row) throw new DomainError("not_found", { message: "Ce compte est introuvable ou ne relève pas de votre mission locale." });
  assertMayManage(user, row);
  if (row.hasPassword) {
    throw new DomainError("conflict", {
      message: "Ce compte a déjà choisi son mot de passe : il n'a plus d'invitation. Rien n'a été enregistré.",
    });
  }
  return row;
}

export const resendInvitation: ActionDefinition<typeof invitationAccountSchema, InvitationResult> = {
  name: "compte.invitation_renvoi",
  schema: invitationAccountSchema,
  capability: "comptes.manage",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockInvitedAccount(tx, user, input.compteId);
    if (!row.active) {
      throw new DomainError("conflict", { message: "Ce compte est désactivé : réactivez-le avant de lui envoyer une invitation." });
    }
    const limit = await hitRateLimit(tx, "invitation:account", row.id);
    if (!limit.ok) {
      throw new DomainError("conflict", {
        message: "Plusieurs invitations sont déjà parties pour ce compte dans l'heure : attendez un peu avant d'en envoyer une autre.",
      });
    }
    const now = new Date();
    const revoked = await revokeOpenInvitations(tx, row.id, now);
    await issueInvitation(tx, row, { createdBy: user.id, inviter: user.name, origin: await appOrigin(), now });
    return {
      data: { id: row.id },
      audit: {
        action: "compte.invitation_renvoi",
        targetType: "user",
        targetId: row.id,
        structureId: row.structureId,
        fields: ["invitation"],
        meta: { precedenteRevoquee: revoked > 0 },
      },
    };
  },
  revalidate: (input) => comptePaths(input.compteId),
};

export const revokeInvitation: ActionDefinition<typeof invitationAccountSchema, InvitationResult> = {
  name: "compte.invitation_revocation",
  schema: invitationAccountSchema,
  capability: "comptes.manage",
  dossier: { none: NO_DOSSIER },
  async handler({ tx, user, input }) {
    const row = await lockInvitedAccount(tx, user, input.compteId);
    const revoked = await revokeOpenInvitations(tx, row.id);
    if (revoked === 0) throw new DomainError("conflict", { message: "Ce compte n'a pas d'invitation en cours : rien n'a été révoqué." });
    return {
      data: { id: row.id },
      audit: {
        action: "compte.invitation_revocation",
        targetType: "user",
        targetId: row.id,
        structureId: row.structureId,
        fields: ["invitation"],
      },
    };
  },
  revalidate: (input) => comptePaths(input.compteId),
};

/**
 * Run as the invited account (the link's token identified it: lib/comptes/invitation-actions.ts). The link is
 * claimed by a conditional update, so it serves once even when two browsers submit it together.
 */
export const acceptInvitation: ActionDefinition<typeof acceptInvitationSchema, InvitationResult> = {
  name: "compte.invitation_acceptee",
  schema: acceptInvitationSchema,
  capability: "self.password",
  dossier: { none: "the invited staff member sets their own password: no young person's file is involved" },
  async handler({ tx, user, input }) {
    const problem = passwordProblem(input.password, user.email);
    if (problem) throw fieldError("invalid_input", "password", problem);
    const passwordHash = await hashPassword(input.password);
    const now = new Date();
    if (!(await claimInvitation(tx, input.token, user.id, now))) throw new DomainError("not_found", { message: INVALID_LINK });
    const [set] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(and(eq(users.id, user.id), eq(users.active, true), isNull(users.passwordHash)))
      .returning({ id: users.id });
    if (!set) throw new DomainError("not_found", { message: INVALID_LINK });
    return {
      data: { id: user.id },
      audit: {
        action: "compte.invitation_acceptee",
        targetType: "user",
        targetId: user.id,
        structureId: user.structureId,
        fields: ["passwordHash", "invitation"],
      },
    };
  },
};
