/**
 * Input of the "jeune" form (création / modification), shared by the form component and the actions.
 * Pure (no I/O, no Node API): the client imports the option lists and labels from here.
 * "Today" is a parameter so the age rule can be tested on a fixed date.
 */
import { z } from "zod";
import { isValidCivilDate, todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { checkbox, civilDate, optionalCivilDate, optionalText as optionalTextField, text, version } from "@/lib/validation/fields";
import {
  eligibility,
  isValidEmail,
  isValidFrenchPhone,
  isValidFtIdentifier,
  isValidPostalCode,
  normalizeNir,
  validateNir,
  type Dispositif,
} from "./rules";

// ---------------------------------------------------------------------------------------------
// Option lists (stored values are the `value`s; the form and the dossier show the `label`s)
// ---------------------------------------------------------------------------------------------

type Options<V extends string> = readonly { value: V; label: string }[];

export const SEXE_OPTIONS = [
  { value: "F", label: "Femme" },
  { value: "M", label: "Homme" },
] as const satisfies Options<string>;

export const NATIONALITE_OPTIONS = [
  { value: "francaise", label: "Française" },
  { value: "ue", label: "Union européenne, EEE ou Suisse" },
  { value: "hors_ue", label: "Autre nationalité (hors Union européenne)" },
] as const satisfies Options<string>;

/**
 * Highest diploma obtained, on the national qualification scale (cadre national des certifications,
 * décret 2019-14): "sans diplôme" = below level 3, CAP/BEP = level 3, bac = 4, bac+2 = 5, bac+3 and more = 6–8.
 * Five buckets are what counsellors and the FT registration need; finer detail goes in the comment.
 */
export const NIVEAU_QUALIFICATION_OPTIONS = [
  { value: "sans_diplome", label: "Sans diplôme" },
  { value: "cap_bep", label: "CAP ou BEP (niveau 3)" },
  { value: "bac", label: "Baccalauréat (niveau 4)" },
  { value: "bac_2", label: "Bac + 2 : BTS, BUT, DEUST… (niveau 5)" },
  { value: "bac_3_plus", label: "Bac + 3 et plus (niveaux 6 à 8)" },
] as const satisfies Options<string>;

export const LOGEMENT_OPTIONS = [
  { value: "parents", label: "Chez ses parents" },
  { value: "famille_amis", label: "Hébergé(e) par de la famille ou des amis" },
  { value: "autonome", label: "Logement autonome (locataire ou propriétaire)" },
  { value: "foyer", label: "Foyer, FJT ou résidence sociale" },
  { value: "urgence", label: "Hébergement d'urgence ou CHRS" },
  { value: "sans_domicile", label: "Sans domicile" },
  { value: "autre", label: "Autre situation" },
] as const satisfies Options<string>;

export const PROTECTION_JURIDIQUE_OPTIONS = [
  { value: "aucune", label: "Aucune" },
  { value: "sauvegarde", label: "Sauvegarde de justice" },
  { value: "curatelle", label: "Curatelle" },
  { value: "tutelle", label: "Tutelle" },
] as const satisfies Options<string>;

export const DISPOSITIF_OPTIONS = [
  { value: "aucun", label: "Aucun pour l'instant" },
  { value: "PACEA", label: "PACEA (parcours contractualisé d'accompagnement)" },
  { value: "CEJ", label: "CEJ (contrat d'engagement jeune)" },
] as const satisfies Options<Dispositif>;

type ValueOf<O extends Options<string>> = O[number]["value"];
const values = <O extends Options<string>>(options: O) => options.map((o) => o.value) as [ValueOf<O>, ...ValueOf<O>[]];

export function optionLabel(options: Options<string>, value: string | null | undefined): string | null {
  return options.find((o) => o.value === value)?.label ?? null;
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/** Every column the form writes, in form order. "nir" stands for nir_encrypted + nir_hmac. */
export const EDITABLE_FIELDS = [
  "nomNaissance",
  "nomUsage",
  "prenoms",
  "dateNaissance",
  "communeNaissance",
  "sexe",
  "nationalite",
  "titreSejourFin",
  "nir",
  "ftIdentifiant",
  "telephone",
  "email",
  "adresse",
  "codePostal",
  "commune",
  "niveauQualification",
  "logement",
  "permisB",
  "vehicule",
  "rqth",
  "protectionJuridique",
  "dispositif",
  "antenneId",
  "conseillerId",
  "commentaire",
  "sante",
  "situationJustice",
] as const;

export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Never echoed, never put in a hidden field or a conflict message: only "modifié" is said of them. */
export const SENSITIVE_FIELDS: ReadonlySet<EditableField> = new Set(["nir", "sante", "situationJustice"]);

export const BOOLEAN_FIELDS: ReadonlySet<EditableField> = new Set(["permisB", "vehicule", "rqth"]);

/** French names of the fields, for the error summary and the conflict list. */
export const FIELD_LABELS: Record<EditableField, string> = {
  nomNaissance: "Nom de naissance",
  nomUsage: "Nom d'usage",
  prenoms: "Prénoms",
  dateNaissance: "Date de naissance",
  communeNaissance: "Commune ou pays de naissance",
  sexe: "Sexe",
  nationalite: "Nationalité",
  titreSejourFin: "Fin de validité du titre de séjour",
  nir: "Numéro de sécurité sociale (NIR)",
  ftIdentifiant: "Identifiant France Travail",
  telephone: "Téléphone",
  email: "Adresse e-mail",
  adresse: "Adresse",
  codePostal: "Code postal",
  commune: "Commune",
  niveauQualification: "Niveau de qualification",
  logement: "Logement",
  permisB: "Permis B",
  vehicule: "Véhicule",
  rqth: "RQTH",
  protectionJuridique: "Protection juridique",
  dispositif: "Dispositif envisagé",
  antenneId: "Antenne",
  conseillerId: "Conseiller ou conseillère référent(e)",
  commentaire: "Commentaire",
  sante: "Santé",
  situationJustice: "Situation judiciaire",
};

/** A one-line text field (names, address): inner spaces collapsed; see lib/validation/fields. */
function requiredText(missing: string, max: number, tooLong: string) {
  return text({ required: missing, max, tooLong, collapseSpaces: true });
}

function optionalText(max: number, tooLong: string, options: { multiline?: boolean } = {}) {
  return optionalTextField({ max, tooLong, multiline: options.multiline, collapseSpaces: !options.multiline });
}

/** An optional text checked by `valid`, stored in its `normalize`d form. */
function optionalFormatted(valid: (v: string) => boolean, message: string, normalize: (v: string) => string = (v) => v) {
  return z
    .string({ error: message })
    .optional()
    .transform((v, ctx) => {
      const t = (v ?? "").trim();
      if (t === "") return null;
      if (!valid(t)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return normalize(t);
    });
}

const OLDEST = "1900-01-01";

function requiredDate(missing: string, invalid: string) {
  return civilDate({ required: missing, invalid, min: OLDEST });
}

function optionalDate(invalid: string) {
  return optionalCivilDate({ invalid, min: OLDEST });
}

function choice<O extends Options<string>>(options: O, message: string) {
  return z.enum(values(options), { error: message });
}

/** "0612345678" / "06.12.34.56.78" → "06 12 34 56 78"; international numbers are kept compact. */
export function formatPhone(input: string): string {
  const compact = input.trim().replace(/[\s.]/g, "");
  return /^0\d{9}$/.test(compact) ? compact.replace(/(\d{2})(?=\d)/g, "$1 ") : compact;
}

const MESSAGES = {
  telephone:
    "Le numéro de téléphone n'est pas valide : saisissez 10 chiffres, par exemple 06 12 34 56 78, ou le format international +33 6 12 34 56 78.",
  email: "L'adresse e-mail n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr, sans espace.",
  codePostal: "Le code postal doit compter 5 chiffres et exister en France, par exemple 69008.",
  ftIdentifiant: "L'identifiant France Travail compte 7 à 11 lettres ou chiffres, sans espace, par exemple 1234567A.",
  dateNaissance: "Saisissez une date de naissance valide au format AAAA-MM-JJ, par exemple 2006-03-14.",
  titreSejourFin: "Saisissez une date de fin de titre de séjour valide au format AAAA-MM-JJ, par exemple 2027-06-30.",
} as const;

const fields = {
  nomNaissance: requiredText("Indiquez le nom de naissance.", 100, "Le nom de naissance est trop long (100 caractères au plus).").transform(
    (v) => v.toLocaleUpperCase("fr-FR"),
  ),
  nomUsage: optionalText(100, "Le nom d'usage est trop long (100 caractères au plus).").transform(
    (v) => v?.toLocaleUpperCase("fr-FR") ?? null,
  ),
  prenoms: requiredText("Indiquez au moins un prénom.", 150, "Les prénoms sont trop longs (150 caractères au plus)."),
  dateNaissance: requiredDate("Indiquez la date de naissance.", MESSAGES.dateNaissance),
  communeNaissance: optionalText(150, "La commune de naissance est trop longue (150 caractères au plus)."),
  sexe: choice(SEXE_OPTIONS, "Indiquez le sexe (femme ou homme), tel qu'il figure à l'état civil."),
  nationalite: choice(NATIONALITE_OPTIONS, "Choisissez la nationalité."),
  titreSejourFin: optionalDate(MESSAGES.titreSejourFin),
  /** Typed NIR, normalised; checked against sex and birth date below. Empty = none (creation) or unchanged (update). */
  nir: z
    .string({ error: "Le numéro de sécurité sociale n'est pas valide." })
    .optional()
    .transform((v) => {
      const n = normalizeNir(v ?? "");
      return n === "" ? null : n;
    }),
  ftIdentifiant: optionalFormatted(isValidFtIdentifier, MESSAGES.ftIdentifiant, (v) => v.toUpperCase()),
  telephone: optionalFormatted(isValidFrenchPhone, MESSAGES.telephone, formatPhone),
  email: optionalFormatted(isValidEmail, MESSAGES.email, (v) => v.toLowerCase()),
  adresse: optionalText(250, "L'adresse est trop longue (250 caractères au plus)."),
  codePostal: optionalFormatted(isValidPostalCode, MESSAGES.codePostal),
  commune: optionalText(150, "La commune est trop longue (150 caractères au plus)."),
  niveauQualification: z
    .union([z.literal(""), choice(NIVEAU_QUALIFICATION_OPTIONS, "Choisissez un niveau de qualification dans la liste.")], {
      error: "Choisissez un niveau de qualification dans la liste.",
    })
    .optional()
    .transform((v) => (v ? v : null)),
  logement: z
    .union([z.literal(""), choice(LOGEMENT_OPTIONS, "Choisissez une situation de logement dans la liste.")], {
      error: "Choisissez une situation de logement dans la liste.",
    })
    .optional()
    .transform((v) => (v ? v : null)),
  permisB: checkbox,
  vehicule: checkbox,
  rqth: checkbox,
  protectionJuridique: choice(PROTECTION_JURIDIQUE_OPTIONS, "Choisissez la mesure de protection juridique (ou « Aucune »)."),
  dispositif: choice(DISPOSITIF_OPTIONS, "Choisissez le dispositif envisagé (ou « Aucun pour l'instant »)."),
  antenneId: z.uuid({ error: "Choisissez l'antenne qui suit ce jeune." }),
  conseillerId: z.uuid({ error: "Choisissez le conseiller ou la conseillère référent(e)." }),
  commentaire: optionalText(4000, "Le commentaire est trop long (4 000 caractères au plus).", { multiline: true }),
  sante: optionalText(2000, "Ce champ est trop long (2 000 caractères au plus).", { multiline: true }),
  situationJustice: optionalText(2000, "Ce champ est trop long (2 000 caractères au plus).", { multiline: true }),
  /** Token the server handed out with a duplicate warning: the user confirmed that exact warning. */
  confirmerDoublon: z.string().max(200).optional(),
};

type Mode = "create" | "update";

interface CheckedValues {
  dateNaissance?: unknown;
  sexe?: unknown;
  nir?: unknown;
  rqth?: unknown;
  dispositif?: unknown;
  nationalite?: unknown;
  titreSejourFin?: unknown;
}

/**
 * Checks across fields. Runs even when other fields failed (`when` below), so the user sees every
 * problem at once; each check only uses values that parsed.
 */
function crossFieldChecks(mode: Mode, today: () => CivilDate) {
  return (value: CheckedValues, ctx: z.RefinementCtx) => {
    const birthDate = typeof value.dateNaissance === "string" && isValidCivilDate(value.dateNaissance) ? value.dateNaissance : undefined;
    const sex = value.sexe === "F" || value.sexe === "M" ? value.sexe : undefined;
    const dispositif =
      value.dispositif === "PACEA" || value.dispositif === "CEJ" || value.dispositif === "aucun" ? value.dispositif : undefined;

    if (typeof value.nir === "string" && value.nir !== "") {
      const result = validateNir(value.nir, { sex, birthDate });
      if (!result.ok) ctx.addIssue({ code: "custom", path: ["nir"], message: result.message });
    }

    if (birthDate) {
      const now = today();
      if (birthDate > now) {
        ctx.addIssue({
          code: "custom",
          path: ["dateNaissance"],
          message: "La date de naissance est postérieure à la date du jour : vérifiez-la.",
        });
      } else if (mode === "create" && dispositif) {
        // Age is checked when the dossier opens (16–25 révolus, 29 for a CEJ with a RQTH); a followed
        // young person growing older is not an input error.
        const result = eligibility({ birthDate, today: now, rqth: value.rqth === true, dispositif });
        if (!result.ok) ctx.addIssue({ code: "custom", path: ["dateNaissance"], message: result.message });
      }
    }
  };
}

/**
 * Always run the cross-field checks, whatever the field checks found (see crossFieldChecks) — but not on a
 * value that is no object at all (null, a text): the object check refused it, there is nothing to cross-check.
 */
const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

/** Drops a residence-permit date a French national cannot have (the field is hidden for them). */
function dropIrrelevant<T extends { nationalite: string; titreSejourFin: string | null }>(v: T): T {
  return v.nationalite === "francaise" ? { ...v, titreSejourFin: null } : v;
}

export function createJeuneSchemaOn(today: () => CivilDate) {
  return z.object(fields).superRefine(crossFieldChecks("create", today), ALWAYS).transform(dropIrrelevant);
}

export function updateJeuneSchemaOn(today: () => CivilDate) {
  return z
    .object({
      ...fields,
      id: z.uuid({ error: "Dossier introuvable." }),
      /** Version of the dossier the form was loaded from (optimistic lock). */
      version: version("Version du dossier manquante : rechargez la page."),
      /** Version shown in a conflict message the user chose to overwrite ("Enregistrer quand même"). */
      versionVue: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .or(z.literal("").transform(() => undefined)),
      /** Keyed hash of each field as loaded (see save.ts fieldHashes); never values. */
      etatInitial: z.string().max(10_000).optional(),
      supprimerNir: checkbox,
    })
    .superRefine(crossFieldChecks("update", today), ALWAYS)
    .transform(dropIrrelevant);
}

const parisToday = () => todayInParis(new Date());

export const createJeuneSchema = createJeuneSchemaOn(parisToday);
export const updateJeuneSchema = updateJeuneSchemaOn(parisToday);

export type CreateJeuneInput = z.output<typeof createJeuneSchema>;
export type UpdateJeuneInput = z.output<typeof updateJeuneSchema>;
