/** zod input schemas of the allowance decision form (shared by the form and the actions). */
import { z } from "zod";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "1 234,56 €", "1234.5", "300" → cents; empty → undefined. */
export function parseEuros(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, "");
  if (cleaned === "") return null;
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

const euros = (requiredMessage: string | null) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      const cents = parseEuros(value ?? "");
      if (cents === null) {
        if (requiredMessage) ctx.addIssue({ code: "custom", message: requiredMessage });
        return undefined;
      }
      if (Number.isNaN(cents)) {
        ctx.addIssue({ code: "custom", message: "Saisissez un montant en euros, par exemple 123,45 (sans autre signe)." });
        return z.NEVER;
      }
      return cents;
    });

export const FOYERS = {
  non_imposable: "Foyer non imposable",
  premiere_tranche: "Foyer imposable dans la première tranche",
  autre: "Foyer imposable au-delà de la première tranche",
} as const;

export const decisionInputSchema = z.object({
  jeuneId: z.uuid({ error: "Dossier introuvable." }),
  mois: z
    .string({ error: "Choisissez le mois de l'allocation." })
    .trim()
    .regex(MONTH, "Choisissez le mois de l'allocation (mois et année)."),
  /** CEJ only; required then (checked by the service, which knows the contract). */
  foyer: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["non_imposable", "premiere_tranche", "autre"], { error: "Choisissez la situation fiscale du foyer dans la liste." }).optional(),
  ),
  /** CEJ: monthly average of the resources deducted in part — salary, apprentice pay… (empty = none). */
  ressourcesDeduitesEnPartie: euros(null),
  /** CEJ: monthly average of the resources deducted in full — unemployment benefits, training pay (empty = none). */
  ressourcesDeduitesEnTotalite: euros(null),
  /** PACEA: amount requested for the month. */
  montantDemande: euros(null),
  /** The current decision for this month when the form was opened ("" when none): optimistic lock. */
  remplaceId: z.union([z.uuid(), z.literal("")]).default(""),
});

export type DecisionInput = z.output<typeof decisionInputSchema>;

export const confirmDecisionSchema = decisionInputSchema.extend({
  /** The amount shown in the preview: a different recomputed amount is refused (settings or sanctions changed). */
  apercuCents: z.coerce.number({ error: "Aperçu manquant : calculez d'abord la décision." }).int().min(0),
});
