/** zod schemas shared by the action forms and the server actions (lib/actions-jeune/write.ts). */
import { z } from "zod";
import { addMonths, compare, isValidCivilDate, todayInParis } from "@/lib/calendar/civil-date";
import { BAD_DATE, civilDate, optionalCivilDate, optionalText, text, version as versionField } from "@/lib/validation/fields";
import { parseDuree } from "./duree";
import { ACTION_CATEGORIES, ACTION_STATUTS } from "./labels";

/** Dates of actions: within two years back and one year ahead (anything else is a typing error). */
function inRange(value: string, ctx: z.RefinementCtx): void {
  const today = todayInParis(new Date());
  if (compare(value, addMonths(today, -24)) < 0)
    ctx.addIssue({ code: "custom", message: "Cette date remonte à plus de deux ans : vérifiez-la." });
  else if (compare(value, addMonths(today, 12)) > 0)
    ctx.addIssue({ code: "custom", message: "Cette date est à plus d'un an : vérifiez-la." });
}

const checkRange = (v: string | null, ctx: z.RefinementCtx) => {
  if (v !== null && isValidCivilDate(v)) inRange(v, ctx);
};

const debut = civilDate({ required: "Indiquez la date de début de l'action.", invalid: BAD_DATE }).superRefine(checkRange);
const fin = optionalCivilDate({ invalid: BAD_DATE }).superRefine(checkRange);
const finRequired = civilDate({ required: "Indiquez la date de fin de l'action.", invalid: BAD_DATE }).superRefine(checkRange);

const libelle = text({
  required: "Décrivez l'action en quelques mots.",
  min: { length: 3, message: "Décrivez l'action en quelques mots (3 caractères au moins)." },
  max: 200,
  tooLong: "200 caractères au plus : gardez les détails pour le commentaire.",
});

const categorie = z.enum(ACTION_CATEGORIES, { error: "Choisissez la catégorie de l'action." });

const commentaire = optionalText({ max: 2000, tooLong: "2 000 caractères au plus.", multiline: true });

const duree = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const parsed = parseDuree(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.minutes;
  });

const version = versionField("Version de l'action manquante : rechargez la page.");
const actionId = z.uuid({ error: "Action introuvable : rechargez la page." });
const jeuneId = z.uuid({ error: "Dossier introuvable : rechargez la page." });

/** End date: not before the start; a finished action cannot end in the future. */
function checkDates(input: { debut: string; fin: string | null; statut?: string }, ctx: z.RefinementCtx): void {
  if (input.fin !== null && isValidCivilDate(input.fin) && isValidCivilDate(input.debut) && compare(input.fin, input.debut) < 0) {
    ctx.addIssue({ code: "custom", path: ["fin"], message: "La date de fin ne peut pas être avant la date de début." });
  }
  if (input.statut === "terminee") {
    const today = todayInParis(new Date());
    if (input.fin === null)
      ctx.addIssue({ code: "custom", path: ["fin"], message: "Une action terminée a une date de fin : indiquez-la." });
    else if (isValidCivilDate(input.fin) && compare(input.fin, today) > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["fin"],
        message: "Une action terminée ne peut pas finir dans le futur. Choisissez « En cours » ou « À faire ».",
      });
    }
  }
}

export const createActionSchema = z
  .object({
    jeuneId,
    libelle,
    categorie,
    statut: z.enum(["a_faire", "en_cours", "terminee"], { error: "Choisissez où en est l'action." }),
    debut,
    fin,
    duree,
    commentaire,
  })
  .superRefine(checkDates);

export const updateActionSchema = z
  .object({ actionId, version, libelle, categorie, debut, fin, duree, commentaire })
  .superRefine(checkDates);

export const statutActionSchema = z
  .object({ actionId, version, statut: z.enum(ACTION_STATUTS, { error: "Choisissez le nouveau statut." }), fin })
  // The start date is checked against the stored row by the handler.
  .superRefine((input, ctx) => checkDates({ debut: "", fin: input.fin, statut: input.statut }, ctx));

export const closeActionSchema = z
  .object({ actionId, version, fin: finRequired, duree })
  .superRefine((input, ctx) => checkDates({ debut: "", fin: input.fin, statut: "terminee" }, ctx));

export const qualifyActionSchema = z.object({ actionId, version, categorie });

/** "id:version" of each ticked action (a checkbox per action; one ticked box posts a plain string). */
const selection = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z
        .string()
        .regex(/^[0-9a-f-]{36}:\d{1,9}$/i, "Sélection invalide : rechargez la page.")
        .transform((s) => {
          const [id, v] = s.split(":");
          return { actionId: id!, version: Number(v) };
        }),
    )
    .min(1, "Cochez au moins une action à qualifier.")
    .max(100, "100 actions au plus à la fois."),
);

export const bulkQualifySchema = z.object({ jeuneId, actions: selection });

export type CreateActionInput = z.output<typeof createActionSchema>;
