import { z } from "zod";
import { civilDate, optionalText, text } from "@/lib/validation/fields";
import { SETTING_DEFINITIONS, isSettingKey } from "./definitions";

/** New dated value for a setting, as typed in the admin form (value as JSON text). */
export const createSettingSchema = z
  .object({
    key: z.string().refine(isSettingKey, "Choisissez un paramètre dans la liste."),
    effectiveFrom: civilDate({ invalid: "Saisissez une date d'effet valide, par exemple 2027-04-01." }),
    value: text({
      required: "Saisissez la valeur au format JSON.",
      min: { length: 2, message: "Saisissez la valeur au format JSON." },
      max: 4000,
      tooLong: "La valeur est trop longue.",
      multiline: true,
    }),
    source: text({
      required: "Indiquez le texte de référence (décret, instruction…).",
      min: { length: 3, message: "Indiquez le texte de référence (décret, instruction…)." },
      max: 500,
      tooLong: "Le texte de référence est trop long (500 caractères au plus).",
    }),
    toConfirm: optionalText({ max: 500, tooLong: "500 caractères au plus." }),
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
