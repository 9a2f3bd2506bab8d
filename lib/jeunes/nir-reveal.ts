import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { jeunes } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import { assertSameStructure } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { checkDossierAccess, recordConsultation } from "@/lib/consultations/access";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { DomainError } from "@/lib/errors/domain-error";
import { maskNir } from "./rules";
import { structureConditions } from "./scope";

export const revealNirSchema = z.object({ jeuneId: z.uuid({ error: "Dossier introuvable." }) });

/** "2 05 03 69 123 456 78": sex, year, month, department, commune, order, key. */
export function formatNir(nir: string): string {
  return [nir.slice(0, 1), nir.slice(1, 3), nir.slice(3, 5), nir.slice(5, 7), nir.slice(7, 10), nir.slice(10, 13), nir.slice(13, 15)].join(
    " ",
  );
}

/** The stored NIR masked for display ("2 05 03 •• ••• ••• ••"), or null when none is stored. */
export function maskedStoredNir(nirEncrypted: string | null): string | null {
  return nirEncrypted ? maskNir(decryptNir(nirEncrypted)) : null;
}

/**
 * A deliberate "Afficher le NIR": the number is decrypted only for a caller who may open this dossier
 * now (portfolio, or a reason given), and the reveal is recorded as a consultation of the "nir" tab
 * and in the audit log — the fact, never the number. It goes back in the response body only.
 */
export const revealNir: ActionDefinition<typeof revealNirSchema, { nir: string }> = {
  name: "jeune.nir_reveal",
  schema: revealNirSchema,
  capability: "jeunes.read",
  async handler({ tx, user, input }) {
    const [row] = await tx
      .select({ id: jeunes.id, structureId: jeunes.structureId, nirEncrypted: jeunes.nirEncrypted })
      .from(jeunes)
      .where(and(eq(jeunes.id, input.jeuneId), ...structureConditions(user)));
    assertSameStructure(user, row?.structureId);
    if (!row) throw new DomainError("not_found");

    const access = await checkDossierAccess(tx, user, row.id, todayInParis(new Date()));
    if (access.kind === "not_found") throw new DomainError("not_found");
    if (access.kind === "reason_required") {
      throw new DomainError("forbidden", {
        message: "Ce dossier ne fait pas partie de votre portefeuille : indiquez d'abord le motif de consultation.",
      });
    }
    if (!row.nirEncrypted)
      throw new DomainError("not_found", { message: "Aucun numéro de sécurité sociale n'est enregistré dans ce dossier." });

    const horsPortefeuille = access.kind === "break_glass";
    await recordConsultation(tx, user, { jeuneId: row.id, structureId: row.structureId, onglet: "nir", horsPortefeuille });
    return {
      data: { nir: formatNir(decryptNir(row.nirEncrypted)) },
      audit: {
        action: "jeune.nir_reveal",
        targetType: "jeune",
        targetId: row.id,
        jeuneId: row.id,
        structureId: row.structureId,
        fields: ["nir"],
        meta: { horsPortefeuille },
      },
    };
  },
};
