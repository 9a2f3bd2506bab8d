/**
 * The mission locale a session works in, for an account with several memberships. lib/auth/session-account.ts
 * reads user_sessions.structure_id on every request and checks the membership again, so every query scoped by
 * the caller's structure (structureScope, the dossier gate) follows this choice — and only for this browser.
 */
import { and, eq, isNull } from "drizzle-orm";
import { memberships, structures, userSessions, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { ROLE_HOME } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors/domain-error";
import { switchStructureSchema } from "./schema";

export const NOT_A_MEMBER = "Vous ne travaillez pas pour cette mission locale. Choisissez une de celles de la liste.";

export interface SwitchResult {
  structureId: string;
  /** Where the caller lands: their role's home, now showing the new structure. */
  home: string;
}

export const switchStructure: ActionDefinition<typeof switchStructureSchema, SwitchResult> = {
  name: "session.structure",
  schema: switchStructureSchema,
  capability: "session.structure",
  dossier: { none: "changes the structure the caller's own session works in, no young person's file" },
  async handler({ tx, user, input }) {
    if (!user.sessionId) throw new DomainError("forbidden", { message: "Reconnectez-vous pour changer de mission locale." });
    if (input.structureId === user.structureId) {
      throw new DomainError("invalid_input", { fieldErrors: { structureId: ["Vous travaillez déjà pour cette mission locale."] } });
    }
    const [member] = await tx
      .select({ home: users.structureId, active: structures.active })
      .from(memberships)
      .innerJoin(structures, eq(structures.id, memberships.structureId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.userId, user.id), eq(memberships.structureId, input.structureId)));
    // A structure id the account has no membership of is refused like one that does not exist.
    if (!member) throw new DomainError("forbidden", { fieldErrors: { structureId: [NOT_A_MEMBER] } });
    if (!member.active) {
      throw new DomainError("invalid_input", { fieldErrors: { structureId: ["Cette mission locale est désactivée."] } });
    }
    const updated = await tx
      .update(userSessions)
      // The home structure is stored as null: the session then follows the account if it is moved.
      .set({ structureId: input.structureId === member.home ? null : input.structureId })
      .where(and(eq(userSessions.id, user.sessionId), eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)))
      .returning({ id: userSessions.id });
    if (updated.length === 0) throw new DomainError("forbidden", { message: "Reconnectez-vous pour changer de mission locale." });
    return {
      data: { structureId: input.structureId, home: ROLE_HOME[user.role] },
      audit: {
        action: "auth.structure_switch",
        targetType: "user",
        targetId: user.id,
        structureId: input.structureId,
        fields: ["structureId"],
        meta: { depuis: user.structureId },
      },
    };
  },
};
