import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditLog, contrats, jeunes, users } from "@/db/schema";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { seedActions } from "./parcours-actions";
import { seedAgenda } from "./parcours-agenda";
import { seedAllocation } from "./parcours-allocation";
import { seedContrats } from "./parcours-contrats";

/** What every pathway seed step receives: the demo's young people (active only) and staff. */
export interface ParcoursSeedContext {
  today: CivilDate;
  jeunes: {
    id: string;
    structureId: string;
    conseillerId: string | null;
    dispositif: "aucun" | "PACEA" | "CEJ";
    dateNaissance: CivilDate;
    email: string | null;
  }[];
  staff: { id: string; email: string; role: string; structureId: string | null }[];
}

/**
 * Pathways for the demo (`extras`): contracts and phases matching each young person's dispositif, then
 * actions, rendez-vous and ateliers with attendance, then allowance decisions and sanctions. One
 * transaction; each step reads what the previous ones wrote.
 */
export async function seedParcours(db: Db, { today }: { today: CivilDate }): Promise<void> {
  await db.transaction(async (tx: Tx) => {
    const ctx: ParcoursSeedContext = {
      today,
      jeunes: await tx
        .select({
          id: jeunes.id,
          structureId: jeunes.structureId,
          conseillerId: jeunes.conseillerId,
          dispositif: jeunes.dispositif,
          dateNaissance: jeunes.dateNaissance,
          email: jeunes.email,
        })
        .from(jeunes)
        .where(and(eq(jeunes.statut, "actif")))
        .orderBy(jeunes.createdAt, jeunes.id),
      staff: (await tx.select({ id: users.id, email: users.email, role: users.role, structureId: users.structureId }).from(users)).filter(
        (u) => u.role !== "jeune",
      ),
    };
    await seedContrats(tx, ctx);
    // The signatures in each dossier's history (the seed writes the rows directly, not through the actions).
    const signed = await tx.select().from(contrats);
    if (signed.length > 0) {
      await tx.insert(auditLog).values(
        signed.map((c) => ({
          actorId: c.conseillerId,
          actorRole: "conseiller" as const,
          structureId: c.structureId,
          action: c.precedentContratId ? "contrat.bascule" : "contrat.signature",
          targetType: "contrat",
          targetId: c.id,
          jeuneId: c.jeuneId,
          fields: ["type", "signeLe", "debut", "finPrevue"],
          meta: { type: c.type },
          at: new Date(`${c.signeLe}T09:30:00Z`),
        })),
      );
    }
    await seedActions(tx, ctx);
    await seedAgenda(tx, ctx);
    await seedAllocation(tx, ctx);
  });
}
