import { and, eq, inArray, sql } from "drizzle-orm";
import { affectations, jeunes, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { structureScope } from "@/lib/auth/session-user";
import { DomainError } from "@/lib/errors/domain-error";
import { reassignSchema } from "./schema";
import { alertStateOf } from "@/lib/jeunes/alert-state";

/**
 * Permanent: the titular counsellor changes (jeunes.conseiller_id) and the move is kept in `affectations`.
 * Temporary: only an `affectations` row; the substitute sees the young people until `fin` inclusive,
 * then they are back with their counsellor without any job (see lib/jeunes/scope.ts).
 */
export const reassignJeunes: ActionDefinition<typeof reassignSchema, { count: number }> = {
  name: "jeune.reaffectation",
  schema: reassignSchema,
  capability: "jeunes.reassign",
  dossier: {
    none: "a director's act (jeunes.reassign), whose portfolio is the whole structure: the handler locks every file in one query, checks structure and state, and audits each move under the young person's id",
  },
  refreshes: [alertStateOf((input) => input.jeuneIds)],
  async handler({ tx, user, input }) {
    const structureId = structureScope(user);
    if (!structureId) throw new DomainError("forbidden");

    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(eq(users.id, input.versConseillerId), eq(users.structureId, structureId), eq(users.role, "conseiller"), eq(users.active, true)),
      );
    if (!target) {
      throw new DomainError("invalid_input", {
        fieldErrors: { versConseillerId: ["Choisissez un conseiller actif de votre mission locale."] },
      });
    }

    const rows = await tx
      .select({ id: jeunes.id, conseillerId: jeunes.conseillerId })
      .from(jeunes)
      .where(and(inArray(jeunes.id, input.jeuneIds), eq(jeunes.structureId, structureId), eq(jeunes.statut, "actif")))
      .for("update");
    // Every id must be an active young person of this structure: one foreign id and nothing moves.
    if (rows.length !== input.jeuneIds.length) throw new DomainError("not_found");
    const moving = rows.filter((r) => r.conseillerId !== target.id);
    if (moving.length === 0) {
      throw new DomainError("invalid_input", { fieldErrors: { versConseillerId: ["Ces jeunes sont déjà suivis par ce conseiller."] } });
    }

    await tx.insert(affectations).values(
      moving.map((r) => ({
        jeuneId: r.id,
        structureId,
        type: input.type,
        deConseillerId: r.conseillerId,
        versConseillerId: target.id,
        debut: input.debut,
        fin: input.type === "temporaire" ? (input.fin ?? null) : null,
        motif: input.motif,
        decidePar: user.id,
      })),
    );
    if (input.type === "permanente") {
      await tx
        .update(jeunes)
        .set({ conseillerId: target.id, version: sql`${jeunes.version} + 1`, updatedAt: new Date() })
        .where(
          inArray(
            jeunes.id,
            moving.map((r) => r.id),
          ),
        );
    }
    return {
      data: { count: moving.length },
      audit: moving.map((r) => ({
        action: "jeune.reaffectation",
        targetType: "jeune",
        targetId: r.id,
        jeuneId: r.id,
        structureId,
        fields: ["conseillerId"],
        before: { conseillerId: r.conseillerId },
        after: { conseillerId: target.id, type: input.type, fin: input.fin ?? null },
        meta: { type: input.type, fin: input.fin ?? null },
      })),
    };
  },
  revalidate: () => ["/portefeuille", "/portefeuille/reaffectation"],
};
