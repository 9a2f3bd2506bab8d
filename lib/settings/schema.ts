import { z } from "zod";
import { isValidCivilDate } from "@/lib/calendar/civil-date";
import { SETTING_DEFINITIONS, isSettingKey } from "./definitions";

/** New dated value for a setting, as typed in the admin form (value as JSON text). */
export const createSettingSchema = z
  .object({
    key: z.string().refine(isSettingKey, "Choisissez un paramètre dans la liste."),
    effectiveFrom: z.string().trim().refine(isValidCivilDate, "Saisissez une date d'effet valide, par exemple 2027-04-01."),
    value: z.string().trim().min(2, "Saisissez la valeur au format JSON.").max(4000, "La valeur est trop longue."),
    source: z
      .string()
      .trim()
      .min(3, "Indiquez le texte de référence (décret, instruction…).")
      .max(500, "Le texte de référence est trop long (500 caractères au plus)."),
    toConfirm: z
      .string()
      .trim()
      .max(500, "500 caractères au plus.")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .transform((input, ctx) => {
    let json: unknown;
    try {
      json = JSON.parse(input.value);
    } catch {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "La valeur n'est pas un JSON valide : vérifiez les guillemets et les virgules.",
      });
      return z.NEVER;
    }
    const definition = SETTING_DEFINITIONS[input.key as keyof typeof SETTING_DEFINITIONS];
    const parsed = definition.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (champ « ${issue.path.join(".")} »)` : "";
      ctx.addIssue({ code: "custom", path: ["value"], message: `Valeur refusée${where} : ${issue?.message ?? "forme inattendue"}.` });
      return z.NEVER;
    }
    return { ...input, value: parsed.data as unknown };
  });

export type CreateSettingInput = z.output<typeof createSettingSchema>;
