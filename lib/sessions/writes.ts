/**
 * Closing signed-in sessions: one's own (one of them, all the others, or every one, this browser's included)
 * and, for whoever manages a staff account (lib/comptes/rules.ts), all of that account's. A closed row ends
 * its cookie at the next request (lib/auth/session-account.ts), on every app instance.
 */
import { and, eq, isNull } from "drizzle-orm";
import { userSessions, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { assertMayManage, COMPTE_NOT_FOUND } from "@/lib/comptes/rules";
import { DomainError } from "@/lib/errors/domain-error";
import { accountSessionsSchema, ownSessionsSchema, revokeSessionSchema, SESSION_NOT_FOUND } from "./schema";

const OWN = "acts on the caller's own sign-in sessions, never on a young person's file";
export const OWN_SESSIONS_PATHS = ["/compte", "/mon-espace/connexions"];

export interface ClosedSessions {
  closed: number;
  /** Whether this browser's own session was among them. */
  current?: boolean;
}

export const revokeOwnSession: ActionDefinition<typeof revokeSessionSchema, ClosedSessions> = {
  name: "session.revocation",
  schema: revokeSessionSchema,
  capability: "sessions.own",
  dossier: { none: OWN },
  async handler({ tx, user, input }) {
    // Scoped by the caller: another account's session id is the same answer as a missing one, nothing written.
    const rows = await tx
      .update(userSessions)
      .set({ revokedAt: new Date(), revokedReason: "revoked" })
      .where(and(eq(userSessions.id, input.sessionId), eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)))
      .returning({ id: userSessions.id });
    if (rows.length === 0) throw new DomainError("not_found", { message: SESSION_NOT_FOUND });
    const current = input.sessionId === user.sessionId;
    return {
      data: { closed: 1, current },
      audit: { action: "auth.session_revocation", targetType: "user_session", targetId: input.sessionId, meta: { courante: current } },
    };
  },
  revalidate: () => OWN_SESSIONS_PATHS,
};

export const closeOtherSessions: ActionDefinition<typeof ownSessionsSchema, ClosedSessions> = {
  name: "session.others_revocation",
  schema: ownSessionsSchema,
  capability: "sessions.own",
  dossier: { none: OWN },
  async handler({ tx, user }) {
    // Without this browser's session there is no "other": refuse rather than close them all.
    if (!user.sessionId) throw new DomainError("unauthenticated");
    const closed = await revokeAllSessions(tx, user.id, "revoked", { exceptSessionId: user.sessionId });
    return {
      data: { closed },
      audit: { action: "auth.other_sessions_revocation", targetType: "user", targetId: user.id, meta: { sessions: closed } },
    };
  },
  revalidate: () => OWN_SESSIONS_PATHS,
};

/** Every session of the caller, this one included: the binding then clears the cookie (lib/sessions/actions.ts). */
export const signOutEverywhere: ActionDefinition<typeof ownSessionsSchema, ClosedSessions> = {
  name: "session.sign_out_everywhere",
  schema: ownSessionsSchema,
  capability: "sessions.own",
  dossier: { none: OWN },
  async handler({ tx, user }) {
    const closed = await revokeAllSessions(tx, user.id, "sign_out_everywhere");
    return {
      data: { closed },
      audit: { action: "auth.sign_out_everywhere", targetType: "user", targetId: user.id, meta: { sessions: closed } },
    };
  },
};

export const revokeAccountSessions: ActionDefinition<typeof accountSessionsSchema, ClosedSessions> = {
  name: "session.account_revocation",
  schema: accountSessionsSchema,
  capability: "comptes.manage",
  dossier: { none: "acts on a staff account's sign-in sessions, never on a young person's file: lib/comptes/rules.ts checks the account" },
  async handler({ tx, user, input }) {
    const [account] = await tx
      .select({ id: users.id, role: users.role, structureId: users.structureId })
      .from(users)
      .where(eq(users.id, input.compteId))
      .for("update");
    if (!account) throw new DomainError("not_found", { message: COMPTE_NOT_FOUND });
    assertMayManage(user, account);
    const closed = await revokeAllSessions(tx, account.id, "revoked");
    return {
      data: { closed },
      audit: {
        action: "auth.account_sessions_revocation",
        targetType: "user",
        targetId: account.id,
        structureId: account.structureId,
        meta: { sessions: closed },
      },
    };
  },
  revalidate: (input) => [`/admin/comptes/${input.compteId}`],
};
