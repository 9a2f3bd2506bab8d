import { z } from "zod";
import { isValidCivilDate } from "@/lib/calendar/civil-date";

const cents = z
  .number({ error: "Saisissez un montant en centimes (nombre entier)." })
  .int("Le montant doit être un nombre entier de centimes.")
  .positive("Le montant doit être positif.");
const minutes = z
  .number({ error: "Saisissez un nombre de minutes." })
  .int("Nombre entier de minutes attendu.")
  .min(0, "Le nombre de minutes ne peut pas être négatif.");
const years = z.number().int().min(0).max(100);

/** Every dated setting the law moves: its French label and the shape of its value. */
export const SETTING_DEFINITIONS = {
  "cej.allocation.montants": {
    label: "Allocation CEJ : montants mensuels (centimes)",
    schema: z.strictObject({ majeurNonImposable: cents, premiereTranche: cents, mineur: cents }),
  },
  "cej.allocation.degressivite": {
    label: "Allocation CEJ : réduction pour autres ressources (D5131-23)",
    schema: z.strictObject({
      abattementCents: cents,
      partSmicPourcent: z
        .number({ error: "Saisissez un pourcentage entier." })
        .int("Le pourcentage doit être un nombre entier.")
        .min(1, "Le pourcentage doit être d'au moins 1 %.")
        .max(100, "Le pourcentage ne peut pas dépasser 100 %."),
    }),
  },
  "smic.brut_mensuel": {
    label: "SMIC brut mensuel, 35 heures (centimes)",
    schema: z.strictObject({ cents }),
  },
  "rsa.montant_personne_seule": {
    label: "RSA personne seule (centimes)",
    schema: z.strictObject({ cents }),
  },
  "pacea.allocation.plafond": {
    label: "Allocation PACEA : plafond annuel",
    schema: z.strictObject({ multiplicateurRsa: z.number().positive().max(24), deduireForfaitLogement: z.boolean() }),
  },
  "cej.heures.objectif_hebdo": {
    label: "CEJ : objectif d'heures hebdomadaire (minutes)",
    schema: z.strictObject({ minutes }),
  },
  "cej.heures.ponderation": {
    label: "CEJ : heures comptées par activité (minutes)",
    schema: z.strictObject({
      actionEmploiFormation: minutes,
      autreAction: minutes,
      atelier: minutes,
      informationCollective: minutes,
      rendezVousIndividuel: minutes,
    }),
  },
  "cej.sanctions.bareme": {
    label: "CEJ : barème des sanctions",
    schema: z.strictObject({ regime: z.enum(["cej_2022", "suspension_remobilisation"]), paliers: z.array(z.string().min(1)).min(1) }),
  },
  "c2s.presomption.date_debut": {
    label: "C2S : date de début de la présomption de droit",
    schema: z.strictObject({ date: z.string().refine(isValidCivilDate, "Date attendue au format AAAA-MM-JJ.") }),
  },
  "conservation.regles": {
    label: "Durées de conservation",
    schema: z.strictObject({
      dossierAgeMaxAns: years,
      dossierAnneesApresAgeMax: years,
      cejAnneesApresFin: years,
      comptePersonnelAnneesApresFin: years,
      fseAnneesApresDernierEnregistrement: years,
      journauxConnexionMois: z.number().int().min(1).max(120),
    }),
  },
  "droits.documents.conservation": {
    label: "Demandes de droits : jours de conservation d'un document envoyé (demande ouverte)",
    schema: z.strictObject({
      jours: z
        .number({ error: "Saisissez un nombre de jours." })
        .int("Nombre entier de jours attendu.")
        .min(1, "Au moins 1 jour.")
        .max(365, "Au plus 365 jours."),
    }),
  },
  "conservation.traces": {
    label: "Durées de conservation des traces (purge)",
    schema: z.strictObject({
      consultationsMois: z
        .number({ error: "Saisissez un nombre de mois." })
        .int("Nombre entier de mois attendu.")
        .min(1, "Au moins 1 mois.")
        .max(120, "120 mois au plus."),
      sessionsJours: z
        .number({ error: "Saisissez un nombre de jours." })
        .int("Nombre entier de jours attendu.")
        .min(1, "Au moins 1 jour.")
        .max(3650, "3650 jours au plus."),
      codesConnexionJours: z
        .number({ error: "Saisissez un nombre de jours." })
        .int("Nombre entier de jours attendu.")
        .min(1, "Au moins 1 jour.")
        .max(3650, "3650 jours au plus."),
    }),
  },
  "site.mentions_legales": {
    label: "Mentions légales : éditeur, directeur de la publication, hébergeur",
    schema: z.strictObject({
      editeur: z.string().trim().min(1).max(200),
      editeurAdresse: z.string().trim().min(1).max(300),
      editeurSiret: z.string().regex(/^\d{14}$/, "SIRET attendu : 14 chiffres."),
      directeurPublication: z.string().trim().min(1).max(200),
      hebergeur: z.string().trim().min(1).max(200),
      hebergeurAdresse: z.string().trim().min(1).max(300),
      hebergeurTelephone: z.string().trim().min(1).max(40),
      contact: z.email("Adresse e-mail attendue."),
    }),
  },
  "site.accessibilite": {
    label: "Déclaration d'accessibilité : état, date, contact",
    schema: z.strictObject({
      etat: z.enum(["non_conforme", "partiellement_conforme", "totalement_conforme"]),
      /** Day the statement was written or last updated. */
      date: z.string().refine(isValidCivilDate, "Date attendue au format AAAA-MM-JJ."),
      /** Day of the last complete RGAA audit; null until one exists (then the state is "non conforme"). */
      auditLe: z.string().refine(isValidCivilDate, "Date attendue au format AAAA-MM-JJ.").nullable(),
      contact: z.email("Adresse e-mail attendue."),
    }),
  },
} as const;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

export function isSettingKey(value: string): value is SettingKey {
  return value in SETTING_DEFINITIONS;
}
