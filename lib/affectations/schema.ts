import { z } from "zod";
import { compare } from "@/lib/calendar/civil-date";
import { civilDate, optionalCivilDate, text } from "@/lib/validation/fields";

/** Directeur moves young people to another counsellor of the structure, for good or for a period. */
export const reassignSchema = z
  .object({
    jeuneIds: z
      .union([z.uuid(), z.array(z.uuid())], { error: "Cochez au moins un jeune à réaffecter." })
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
      .pipe(z.array(z.uuid()).min(1, "Cochez au moins un jeune à réaffecter.").max(1000, "1 000 jeunes au plus par réaffectation.")),
    versConseillerId: z.uuid({ error: "Choisissez le conseiller qui reprend le suivi." }),
    type: z.enum(["permanente", "temporaire"], { error: "Indiquez si la réaffectation est définitive ou temporaire." }),
    debut: civilDate({ invalid: "Saisissez une date de début valide." }),
    fin: optionalCivilDate({ invalid: "Saisissez une date de fin valide." }).transform((v) => v ?? undefined),
    motif: text({
      required: "Indiquez le motif (congé, départ, équilibrage des portefeuilles…).",
      min: { length: 3, message: "Indiquez le motif (congé, départ, équilibrage des portefeuilles…)." },
      max: 300,
      tooLong: "300 caractères au plus.",
    }),
  })
  .superRefine((input, ctx) => {
    if (input.type === "temporaire") {
      if (!input.fin)
        ctx.addIssue({
          code: "custom",
          path: ["fin"],
          message: "Une réaffectation temporaire a une date de fin : le suivi revient ensuite au conseiller habituel.",
        });
      else if (compare(input.fin, input.debut) < 0)
        ctx.addIssue({ code: "custom", path: ["fin"], message: "La date de fin doit être postérieure ou égale à la date de début." });
    }
  });

export type ReassignInput = z.output<typeof reassignSchema>;
