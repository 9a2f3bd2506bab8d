/** zod schemas shared by the forms and the actions of rights requests. */
import { z } from "zod";
import { addMonths, compare, isValidCivilDate, todayInParis } from "@/lib/calendar/civil-date";
import { BAD_DATE, checkbox, civilDate, optionalText, text, version as versionField } from "@/lib/validation/fields";
import { FINALITE_IDS, portabilityOffered } from "./finalites";
import { DEMANDE_ISSUES, DEMANDE_TYPES, IDENTITE_METHODES, type DemandeType, type IdentiteMethode } from "./labels";
import { needsFinalite } from "./rules";
import { RECTIFIABLE_FIELDS } from "./traitement-rules";
import { parseLineRef } from "@/lib/espace/ligne";

const date = (label: string) => civilDate({ required: `Indiquez ${label}.`, invalid: BAD_DATE });

const version = versionField("Version de la demande manquante : rechargez la page.");

const ref = { demandeId: z.uuid({ error: "Demande introuvable : rechargez la page." }), version };

/** Types offered at intake: portability only where a finality's legal basis allows it (art. 20). */
export const OFFERED_TYPES: readonly DemandeType[] = DEMANDE_TYPES.filter((t) => t !== "portabilite" || portabilityOffered());

const type = z.enum(OFFERED_TYPES as [DemandeType, ...DemandeType[]], {
  error: "Choisissez le droit que la personne veut exercer. Pour obtenir une copie de ses données, choisissez « Accès ».",
});

const finalite = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || FINALITE_IDS.includes(v), "Choisissez une finalité de la liste.");

const objet = text({
  required: "Décrivez ce que la personne demande.",
  min: { length: 3, message: "Décrivez ce que la personne demande, en quelques mots." },
  max: 2000,
  tooLong: "2 000 caractères au plus.",
  multiline: true,
});

/** Finality required for an objection or a question on a transfer, dropped for the other rights. */
function withFinalite<T extends { type: DemandeType; finalite: string | null }>(input: T, ctx: z.RefinementCtx): void {
  if (needsFinalite(input.type) && !input.finalite) {
    ctx.addIssue({ code: "custom", path: ["finalite"], message: "Choisissez l'utilisation des données concernée (la finalité)." });
  }
}

/** Received today at the latest, and not more than a year ago (older mail is a data-entry error). */
const recueLe = date("la date de réception").superRefine((value, ctx) => {
  if (!isValidCivilDate(value)) return;
  const today = todayInParis(new Date());
  if (compare(value, today) > 0) ctx.addIssue({ code: "custom", message: "La date de réception ne peut pas être dans le futur." });
  else if (compare(value, addMonths(today, -12)) < 0)
    ctx.addIssue({ code: "custom", message: "La date de réception remonte à plus d'un an : vérifiez-la." });
});

/** The transfer a question is about (its id is not personal data; the action checks it is this person's). */
const transmissionId = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z.uuid({ error: "Transmission introuvable : repartez de la ligne de l'envoi." }).optional(),
  )
  .transform((v) => v ?? null);

/** A line of "Le parcours de mes données" a question is about (`kind:id`; the action checks it is this person's). */
const ligne = z
  .preprocess((v) => (v === "" ? undefined : v), z.string().max(80).optional())
  .transform((v, ctx) => {
    if (v === undefined) return null;
    const ref = parseLineRef(v);
    if (!ref) ctx.addIssue({ code: "custom", message: "Cette ligne est introuvable : repartez du parcours de vos données." });
    return ref;
  });

const intakeBase = { jeuneId: z.uuid({ error: "Choisissez le jeune concerné." }), type, finalite, objet, recueLe, transmissionId };

export const deskIntakeSchema = z
  .object({ ...intakeBase, identiteVerifiee: checkbox, envoyerAccuse: checkbox })
  .superRefine(withFinalite)
  .transform((v) => ({ ...v, finalite: needsFinalite(v.type) ? v.finalite : null }));

const methode = z.enum(Object.keys(IDENTITE_METHODES) as [IdentiteMethode, ...IdentiteMethode[]], {
  error: "Choisissez comment l'identité a été vérifiée.",
});

/** Identity: a method chosen means already verified (with that method, today); none means to verify. */
export const dpoIntakeSchema = z
  .object({
    ...intakeBase,
    canal: z.enum(["courrier", "courriel"], { error: "Indiquez si la demande est arrivée par courrier ou par courriel." }),
    identiteMethode: z.preprocess((v) => (v === "" ? undefined : v), methode.optional()).transform((v) => v ?? null),
    envoyerAccuse: checkbox,
  })
  .superRefine(withFinalite)
  .transform((v) => ({ ...v, finalite: needsFinalite(v.type) ? v.finalite : null }));

/** The young person's own form (FALC): the finality stays optional — the DPO asks if it is unclear. */
export const espaceIntakeSchema = z
  .object({
    type: z.enum(OFFERED_TYPES as [DemandeType, ...DemandeType[]], { error: "Choisissez ce que vous voulez faire." }),
    finalite,
    objet: text({
      required: "Écrivez votre demande.",
      min: { length: 3, message: "Écrivez votre demande en quelques mots." },
      max: 2000,
      tooLong: "Votre texte est trop long : 2 000 caractères au plus.",
      multiline: true,
    }),
    transmissionId,
    ligne,
  })
  .transform((v) => ({ ...v, finalite: needsFinalite(v.type) ? v.finalite : null }));

export const complementSchema = z.object({
  ...ref,
  objet: text({
    required: "Indiquez l'information demandée.",
    min: { length: 3, message: "Indiquez l'information demandée à la personne." },
    max: 1000,
    tooLong: "1 000 caractères au plus.",
    multiline: true,
  }),
  demandeeLe: date("la date de la demande de complément"),
});

export const complementRecuSchema = z.object({ ...ref, recuLe: date("la date de réception du complément") });

export const identiteSchema = z.object({ ...ref, methode, verifieeLe: date("la date de vérification") });

export const prolongationSchema = z.object({
  ...ref,
  motif: text({
    required: "Expliquez pourquoi le délai est prolongé.",
    min: { length: 10, message: "Expliquez pourquoi le délai est prolongé (complexité, nombre de demandes…), en une phrase au moins." },
    max: 2000,
    tooLong: "2 000 caractères au plus.",
    multiline: true,
  }),
});

export const reponseSchema = z.object({
  ...ref,
  issue: z.enum(DEMANDE_ISSUES, { error: "Choisissez la décision." }),
  motif: text({
    required: "Expliquez la décision.",
    min: { length: 10, message: "Expliquez la décision en une ou deux phrases simples : elles figureront dans la lettre." },
    max: 4000,
    tooLong: "4 000 caractères au plus.",
    multiline: true,
  }),
  envoyer: checkbox,
});

export const demandeRefSchema = z.object(ref);

// ---------------------------------------------------------------------------------------------
// Handling the rights that change data or involve France Travail (lib/droits/traitement.ts)
// ---------------------------------------------------------------------------------------------

const jeuneVersion = versionField("Version du dossier manquante : rechargez la page.");

/** The new value is checked with the dossier form's rule for the chosen field, in the action. */
export const rectificationSchema = z.object({
  ...ref,
  jeuneVersion,
  champ: z.enum(RECTIFIABLE_FIELDS, { error: "Choisissez l'information du dossier à corriger." }),
  valeur: z.string({ error: "Indiquez la nouvelle valeur." }).max(300, "300 caractères au plus."),
});

const note = optionalText({ max: 2000, tooLong: "2 000 caractères au plus.", multiline: true });

export const effacementSchema = z.object({
  ...ref,
  jeuneVersion,
  /** What the DPO saw on the page: if the holds changed since, nothing is done. */
  attendu: z.enum(["refus", "effacement"], { error: "Rechargez la page : la décision attendue manque." }),
  note,
  envoyer: checkbox,
});

export const reponseFranceTravailSchema = z.object({
  ...ref,
  reponduLe: date("la date de la réponse de France Travail"),
  resume: text({
    required: "Résumez la réponse de France Travail.",
    min: { length: 10, message: "Résumez la réponse de France Travail en une phrase au moins : la personne lira ce résumé." },
    max: 2000,
    tooLong: "2 000 caractères au plus.",
    multiline: true,
  }),
});
