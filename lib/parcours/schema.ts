/** zod schemas shared by the contract and phase forms and their actions (shapes only; the rules run in the handlers). */
import { z } from "zod";
import { BAD_DATE, checkbox, civilDate, optionalText as optionalTextField, text, version as versionField } from "@/lib/validation/fields";
import { MOTIFS_SORTIE_KEYS } from "./motifs-sortie";

const date = (label: string) => civilDate({ required: `Indiquez ${label}.`, invalid: BAD_DATE });

/** Optional free text (a textarea): blank becomes null. */
const optionalText = (max: number) => optionalTextField({ max, multiline: true });

const version = (what: string) => versionField(`Version ${what} manquante : rechargez la page.`);

const contratRef = {
  contratId: z.uuid({ error: "Contrat introuvable : rechargez la page." }),
  version: version("du contrat"),
};

const type = z.enum(["PACEA", "CEJ"], { error: "Choisissez le dispositif : PACEA ou CEJ." });

const extension = optionalText(1000);

export const signContratSchema = z.object({
  jeuneId: z.uuid({ error: "Jeune introuvable : rechargez la page." }),
  type,
  signeLe: date("la date de signature"),
  debut: date("la date de début"),
  finPrevue: date("la date de fin prévue"),
  prolongationMotif: extension,
  etudiant: checkbox,
});

export const modifyContratSchema = z.object({
  ...contratRef,
  finPrevue: date("la nouvelle date de fin prévue"),
  prolongationMotif: extension,
});

export const endContratSchema = z
  .object({
    ...contratRef,
    finReelle: date("la date de sortie"),
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
  dateBascule: date("la date du changement"),
  signeLe: date("la date de signature du nouveau contrat"),
  finPrevue: date("la date de fin prévue du nouveau contrat"),
  prolongationMotif: extension,
  etudiant: checkbox,
  motif: optionalText(1000).transform((v) => v ?? ""),
});

const phaseFields = {
  type: z.enum(["diagnostic", "accompagnement"], { error: "Choisissez le type de phase : diagnostic ou accompagnement." }),
  debut: date("la date de début de la phase"),
  fin: date("la date de fin de la phase"),
  objectifs: text({
    required: "Indiquez les objectifs de la phase.",
    min: { length: 3, message: "Indiquez les objectifs de la phase, en quelques mots au moins." },
    max: 2000,
    tooLong: "2 000 caractères au plus.",
    multiline: true,
  }),
};

export const addPhaseSchema = z.object({ contratId: contratRef.contratId, ...phaseFields });

const phaseRef = {
  phaseId: z.uuid({ error: "Phase introuvable : rechargez la page." }),
  version: version("de la phase"),
};

export const editPhaseSchema = z.object({ ...phaseRef, ...phaseFields });

export const bilanPhaseSchema = z.object({
  ...phaseRef,
  bilan: text({
    required: "Rédigez le bilan de la phase.",
    min: { length: 3, message: "Rédigez le bilan de la phase, en une phrase au moins." },
    max: 4000,
    tooLong: "4 000 caractères au plus.",
    multiline: true,
  }),
  bilanLe: date("la date du bilan"),
});
