/**
 * Input of the admin forms for missions locales and their antennes, shared by the forms and the writes.
 * Pure: the client imports the department list from here.
 */
import { z } from "zod";
import { checkbox, text, version } from "@/lib/validation/fields";
import { isValidSiret } from "./siret";

/** Metropolitan departments 01–95 (Corsica as 2A and 2B, no 20) and the overseas ones 971–976 (INSEE COG). */
export const DEPARTEMENT_CODES: readonly string[] = [
  ...Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, "0")),
  "2A",
  "2B",
  ...Array.from({ length: 75 }, (_, i) => String(i + 21)),
  "971",
  "972",
  "973",
  "974",
  "975",
  "976",
];

const DEPARTEMENTS = new Set(DEPARTEMENT_CODES);

export function isDepartementCode(value: string): boolean {
  return DEPARTEMENTS.has(value);
}

export const STRUCTURE_MESSAGES = {
  siretFormat: "Le SIRET compte 14 chiffres : saisissez-les sans lettre (les espaces sont acceptés).",
  siretKey: "Ce SIRET ne correspond pas à sa clé de contrôle. Vérifiez les chiffres sur l'avis de situation INSEE.",
  siretTaken: "Une mission locale est déjà enregistrée avec ce SIRET : vérifiez le numéro ou modifiez la fiche existante.",
  departement: "Saisissez un code de département : 01 à 95, 2A ou 2B pour la Corse, 971 à 976 outre-mer.",
  email: "L'adresse e-mail n'est pas valide : elle doit ressembler à dpo@mission-locale.fr, sans espace.",
  codePostal: "Le code postal compte 5 chiffres, par exemple 69003.",
} as const;

const siret = z
  .string({ error: "Saisissez le SIRET de la mission locale." })
  .transform((v) => v.replace(/\s/g, ""))
  .superRefine((v, ctx) => {
    if (v === "") ctx.addIssue({ code: "custom", message: "Saisissez le SIRET de la mission locale." });
    else if (!/^\d{14}$/.test(v)) ctx.addIssue({ code: "custom", message: STRUCTURE_MESSAGES.siretFormat });
    else if (!isValidSiret(v)) ctx.addIssue({ code: "custom", message: STRUCTURE_MESSAGES.siretKey });
  });

const departement = z
  .string({ error: STRUCTURE_MESSAGES.departement })
  .transform((v) => v.trim().toUpperCase())
  .refine(isDepartementCode, STRUCTURE_MESSAGES.departement);

const dpoEmail = text({ required: "Saisissez l'adresse e-mail du délégué ou de la déléguée à la protection des données.", max: 254 })
  .transform((v) => v.toLowerCase())
  .pipe(z.email({ error: STRUCTURE_MESSAGES.email }));

const structureFields = {
  name: text({
    required: "Saisissez le nom de la mission locale.",
    min: { length: 3, message: "Le nom compte au moins 3 caractères." },
    max: 200,
    tooLong: "Le nom est trop long (200 caractères au plus).",
    collapseSpaces: true,
  }),
  siret,
  departement,
  commune: text({ required: "Saisissez la commune du siège.", max: 120, tooLong: "120 caractères au plus.", collapseSpaces: true }),
  dpoEmail,
  /** Every staff account of the structure then needs a second factor (lib/auth/mfa-gate.ts). */
  mfaRequired: checkbox,
};

export const createStructureSchema = z.object(structureFields);
export const updateStructureSchema = z.object({
  id: z.uuid({ error: "Mission locale introuvable : rechargez la page." }),
  version: version(),
  ...structureFields,
});

const antenneFields = {
  name: text({
    required: "Saisissez le nom de l'antenne.",
    min: { length: 2, message: "Le nom compte au moins 2 caractères." },
    max: 200,
    tooLong: "Le nom est trop long (200 caractères au plus).",
    collapseSpaces: true,
  }),
  commune: text({ required: "Saisissez la commune de l'antenne.", max: 120, tooLong: "120 caractères au plus.", collapseSpaces: true }),
  codePostal: z
    .string({ error: STRUCTURE_MESSAGES.codePostal })
    .transform((v) => v.replace(/\s/g, ""))
    .refine((v) => /^\d{5}$/.test(v), STRUCTURE_MESSAGES.codePostal),
};

export const createAntenneSchema = z.object({
  structureId: z.uuid({ error: "Mission locale introuvable : rechargez la page." }),
  ...antenneFields,
});
export const updateAntenneSchema = z.object({
  id: z.uuid({ error: "Antenne introuvable : rechargez la page." }),
  version: version(),
  ...antenneFields,
});

/** Deactivate (active = false) or reactivate a structure or an antenne. */
export const setActiveSchema = z.object({
  id: z.uuid({ error: "Élément introuvable : rechargez la page." }),
  version: version(),
  active: z
    // Only a form's text or a boolean is turned into text: String() throws on an object without a prototype.
    .preprocess(
      (v) => (typeof v === "string" || typeof v === "boolean" ? String(v) : v),
      z.enum(["true", "false"], { error: "Valeur inattendue : rechargez la page." }),
    )
    .transform((v) => v === "true"),
});

export type CreateStructureInput = z.output<typeof createStructureSchema>;
export type UpdateStructureInput = z.output<typeof updateStructureSchema>;
