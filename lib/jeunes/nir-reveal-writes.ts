import "server-only";
import { z } from "zod";
import { type ActionDefinition, theDossier } from "@/lib/actions/run";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { inputJeune } from "@/lib/dossier/targets";
import { DomainError } from "@/lib/errors/domain-error";
import { maskNir } from "./rules";

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
  // The gate records the reveal as a consultation of "nir", inside the portfolio too.
  dossier: { jeuneIds: inputJeune, onglet: "nir", recordAlways: true, states: ["archive"] },
  async handler({ dossiers }) {
    const { jeune: row, horsPortefeuille } = theDossier(dossiers);
    if (!row.nirEncrypted)
      throw new DomainError("not_found", { message: "Aucun numéro de sécurité sociale n'est enregistré dans ce dossier." });
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
