/** zod input schemas of the sanction forms (shared by the forms and the actions). */
import { z } from "zod";
import { civilDate, optionalText, text, version as versionField } from "@/lib/validation/fields";

const date = (message: string) => civilDate({ invalid: message });
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const version = versionField("Version manquante : rechargez la page.");

export const failureSchema = z.object({
  jeuneId: z.uuid({ error: "Dossier introuvable." }),
  dateFait: date("Indiquez la date du manquement (jour, mois, année)."),
  motif: text({
    required: "Décrivez le manquement.",
    min: { length: 10, message: "Décrivez le manquement en quelques mots (10 caractères au moins)." },
    max: 2000,
    tooLong: "Le motif est trop long (2 000 caractères au plus).",
    multiline: true,
  }),
});

const sanctionRef = { sanctionId: z.uuid({ error: "Sanction introuvable." }), version };

export const responseSchema = z.object({
  ...sanctionRef,
  reponseLe: date("Indiquez la date de la réponse du jeune (jour, mois, année)."),
  reponseJeune: text({
    required: "Saisissez la réponse du jeune.",
    min: { length: 3, message: "Saisissez la réponse du jeune, même brève (par exemple « pas de réponse malgré le courrier du 3 mars »)." },
    max: 4000,
    tooLong: "La réponse est trop longue (4 000 caractères au plus).",
    multiline: true,
  }),
});

const optionalInt = (message: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number({ error: message }).int(message).optional());

export const decisionSchema = z
  .object({
    ...sanctionRef,
    issue: z.enum(["appliquer", "abandonner"], { error: "Choisissez d'appliquer la sanction ou de l'abandonner." }),
    motif: optionalText({ max: 2000, tooLong: "Le motif est trop long (2 000 caractères au plus).", multiline: true }).transform(
      (v) => v ?? "",
    ),
    pourcentage: optionalInt("Indiquez un pourcentage entier."),
    mois: optionalInt("Indiquez un nombre de mois entier."),
    premierMois: z.string().trim().default(""),
  })
  .superRefine((input, ctx) => {
    if (input.issue === "abandonner" && input.motif.length < 5) {
      ctx.addIssue({ code: "custom", path: ["motif"], message: "Expliquez pourquoi la sanction est abandonnée (5 caractères au moins)." });
    }
    if (input.issue === "appliquer" && !MONTH.test(input.premierMois)) {
      ctx.addIssue({ code: "custom", path: ["premierMois"], message: "Choisissez le premier mois d'allocation concerné." });
    }
  });

export const liftSchema = z.object({
  ...sanctionRef,
  leveeLe: date("Indiquez la date à laquelle le jeune a de nouveau respecté ses engagements."),
});
