/** zod schemas shared by the contract and phase forms and their actions (shapes only; the rules run in the handlers). */
import { z } from "zod";
import { isValidCivilDate } from "@/lib/calendar/civil-date";
import { MOTIFS_SORTIE_KEYS } from "./motifs-sortie";

const civilDate = (label: string) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .refine(isValidCivilDate, "Cette date n'existe pas. Saisissez-la sous la forme JJ/MM/AAAA.");

/** An HTML checkbox: "on" when ticked, absent otherwise (booleans accepted from code). */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Optional free text: blank becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max.toLocaleString("fr-FR")} caractères au plus.`)
    .optional()
    .transform((v) => (v ? v : null));

const version = (what: string) =>
  z.coerce
    .number({ error: `Version ${what} manquante : rechargez la page.` })
    .int()
    .min(1, `Version ${what} manquante : rechargez la page.`);

const contratRef = {
  contratId: z.uuid({ error: "Contrat introuvable : rechargez la page." }),
  version: version("du contrat"),
};

const type = z.enum(["PACEA", "CEJ"], { error: "Choisissez le dispositif : PACEA ou CEJ." });

const extension = optionalText(1000);

export const signContratSchema = z.object({
  jeuneId: z.uuid({ error: "Jeune introuvable : rechargez la page." }),
  type,
  signeLe: civilDate("la date de signature"),
  debut: civilDate("la date de début"),
  finPrevue: civilDate("la date de fin prévue"),
  prolongationMotif: extension,
  etudiant: checkbox,
});

export const modifyContratSchema = z.object({
  ...contratRef,
  finPrevue: civilDate("la nouvelle date de fin prévue"),
  prolongationMotif: extension,
});

export const endContratSchema = z
  .object({
    ...contratRef,
    finReelle: civilDate("la date de sortie"),
    motifSortie: z.enum(MOTIFS_SORTIE_KEYS, { error: "Choisissez le motif de sortie." }),
    precision: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.motifSortie === "autre" && !v.precision) {
      ctx.addIssue({ code: "custom", path: ["precision"], message: "Précisez le motif de sortie en quelques mots." });
    }
  });

export const switchContratSchema = z.object({
  ...contratRef,
  type,
  dateBascule: civilDate("la date du changement"),
  signeLe: civilDate("la date de signature du nouveau contrat"),
  finPrevue: civilDate("la date de fin prévue du nouveau contrat"),
  prolongationMotif: extension,
  etudiant: checkbox,
  motif: z.string().trim().max(1000, "1 000 caractères au plus.").optional().default(""),
});

const phaseFields = {
  type: z.enum(["diagnostic", "accompagnement"], { error: "Choisissez le type de phase : diagnostic ou accompagnement." }),
  debut: civilDate("la date de début de la phase"),
  fin: civilDate("la date de fin de la phase"),
  objectifs: z
    .string({ error: "Indiquez les objectifs de la phase." })
    .trim()
    .min(3, "Indiquez les objectifs de la phase, en quelques mots au moins.")
    .max(2000, "2 000 caractères au plus."),
};

export const addPhaseSchema = z.object({ contratId: contratRef.contratId, ...phaseFields });

const phaseRef = {
  phaseId: z.uuid({ error: "Phase introuvable : rechargez la page." }),
  version: version("de la phase"),
};

export const editPhaseSchema = z.object({ ...phaseRef, ...phaseFields });

export const bilanPhaseSchema = z.object({
  ...phaseRef,
  bilan: z
    .string({ error: "Rédigez le bilan de la phase." })
    .trim()
    .min(3, "Rédigez le bilan de la phase, en une phrase au moins.")
    .max(4000, "4 000 caractères au plus."),
  bilanLe: civilDate("la date du bilan"),
});
