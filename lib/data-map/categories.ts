/**
 * Data categories and their fields. A field's id is the column name of the `jeunes` table
 * (db/schema/jeunes.ts) when the data lives there (`source: "jeunes"`); `derived` fields are computed
 * from a column; `parcours` fields come from the pathway tables (db/schema/parcours.ts: contracts;
 * actions-jeune.ts, agenda.ts, allocation.ts: actions, séances, allowance decisions) under the name
 * lib/transmissions/triggers.ts gives them;
 * `planned` fields belong to tables still to come (bank details, rights requests) and keep the name
 * those tables must use.
 */
interface FieldDef {
  label: string;
  source: "jeunes" | "derived" | "parcours" | "planned";
  /** Health, disability, justice (GDPR arts. 9 and 10): never in a flow, never in a list or a log. */
  sensitive?: true;
  /** Never sent to any recipient, whatever the flow (domain.md §2). */
  neverTransmitted?: true;
}

interface CategoryDef {
  label: string;
  /** How the young person reads it in the notice. */
  falc: string;
  fields: Record<string, FieldDef>;
}

export const DATA_CATEGORIES = {
  identite: {
    label: "Identité",
    falc: "Votre identité : nom, prénoms, date et lieu de naissance, sexe, nationalité",
    fields: {
      nomNaissance: { label: "Nom de naissance", source: "jeunes" },
      nomUsage: { label: "Nom d'usage", source: "jeunes" },
      prenoms: { label: "Prénoms", source: "jeunes" },
      dateNaissance: { label: "Date de naissance", source: "jeunes" },
      anneeNaissance: { label: "Année de naissance", source: "derived" },
      communeNaissance: { label: "Commune de naissance", source: "jeunes" },
      sexe: { label: "Sexe", source: "jeunes" },
      nationalite: { label: "Catégorie de nationalité", source: "jeunes" },
    },
  },
  coordonnees: {
    label: "Coordonnées",
    falc: "Vos coordonnées : téléphone, adresse e-mail, adresse postale",
    fields: {
      telephone: { label: "Téléphone", source: "jeunes" },
      email: { label: "Adresse e-mail", source: "jeunes" },
      adresse: { label: "Adresse", source: "jeunes" },
      codePostal: { label: "Code postal", source: "jeunes" },
      commune: { label: "Commune", source: "jeunes" },
    },
  },
  nir: {
    label: "NIR (numéro de sécurité sociale)",
    falc: "Votre numéro de sécurité sociale",
    fields: {
      nirEncrypted: { label: "NIR", source: "jeunes" },
    },
  },
  identifiants: {
    label: "Identifiant France Travail",
    falc: "Votre identifiant France Travail",
    fields: {
      ftIdentifiant: { label: "Identifiant France Travail", source: "jeunes" },
    },
  },
  situation: {
    label: "Situation personnelle",
    falc: "Votre situation : diplômes, logement, permis de conduire, véhicule, mesure de protection, titre de séjour",
    fields: {
      niveauQualification: { label: "Niveau de qualification", source: "jeunes" },
      logement: { label: "Logement", source: "jeunes" },
      permisB: { label: "Permis B", source: "jeunes" },
      vehicule: { label: "Véhicule", source: "jeunes" },
      protectionJuridique: { label: "Protection juridique", source: "jeunes" },
      titreSejourFin: { label: "Fin de validité du titre de séjour", source: "jeunes" },
    },
  },
  handicap: {
    label: "Reconnaissance de handicap (RQTH)",
    falc: "Votre RQTH, si vous en avez une",
    fields: {
      rqth: { label: "RQTH", source: "jeunes", sensitive: true },
    },
  },
  sante: {
    label: "Santé",
    falc: "Votre santé, seulement si c'est utile pour vous aider",
    fields: {
      sante: { label: "Santé", source: "jeunes", sensitive: true, neverTransmitted: true },
    },
  },
  justice: {
    label: "Situation judiciaire",
    falc: "Une affaire de justice, seulement si c'est utile pour vous aider",
    fields: {
      situationJustice: { label: "Situation judiciaire", source: "jeunes", sensitive: true, neverTransmitted: true },
    },
  },
  commentaire: {
    label: "Commentaires du conseiller",
    falc: "Les notes de votre conseiller",
    fields: {
      commentaire: { label: "Commentaire", source: "jeunes", neverTransmitted: true },
    },
  },
  parcours: {
    label: "Parcours et contrat",
    falc: "Votre parcours : PACEA ou CEJ, dates du contrat, raison de la sortie",
    fields: {
      dispositif: { label: "Dispositif", source: "jeunes" },
      contratType: { label: "Type de contrat", source: "parcours" },
      contratDateDebut: { label: "Date de début du contrat", source: "parcours" },
      contratDateFin: { label: "Date de fin du contrat", source: "parcours" },
      motifSortie: { label: "Motif de sortie", source: "parcours" },
    },
  },
  accompagnement: {
    label: "Activités d'accompagnement",
    falc: "Ce que vous faites avec la mission locale : rendez-vous, ateliers, actions, heures d'activité",
    fields: {
      actions: { label: "Actions", source: "parcours" },
      rendezVous: { label: "Rendez-vous et ateliers", source: "parcours" },
      heuresActivite: { label: "Heures d'activité hebdomadaires", source: "parcours" },
    },
  },
  allocation: {
    label: "Allocation",
    falc: "Votre allocation : montant, période, et si votre foyer paie l'impôt sur le revenu",
    fields: {
      allocationMontant: { label: "Montant de l'allocation", source: "parcours" },
      allocationPeriode: { label: "Période de l'allocation", source: "parcours" },
      foyerImposable: { label: "Situation fiscale du foyer", source: "parcours" },
    },
  },
  bancaire: {
    label: "Coordonnées bancaires",
    falc: "Vos coordonnées bancaires (IBAN)",
    fields: {
      iban: { label: "IBAN", source: "planned" },
      bic: { label: "BIC", source: "planned" },
      titulaireCompte: { label: "Titulaire du compte", source: "planned" },
    },
  },
  demandes: {
    label: "Demandes d'exercice de droits",
    falc: "Vos demandes sur vos données, et nos réponses",
    fields: {
      demandeType: { label: "Type de demande", source: "planned" },
      demandeDateReception: { label: "Date de réception", source: "planned" },
      demandeReponse: { label: "Réponse apportée", source: "planned" },
    },
  },
} as const satisfies Record<string, CategoryDef>;

export type CategoryId = keyof typeof DATA_CATEGORIES;
export const CATEGORY_IDS = Object.keys(DATA_CATEGORIES) as CategoryId[];

type FieldsOf<C extends CategoryId> = (typeof DATA_CATEGORIES)[C]["fields"];
export type FieldId = { [C in CategoryId]: keyof FieldsOf<C> & string }[CategoryId];

type FlaggedIn<C extends CategoryId, Flag extends "sensitive" | "neverTransmitted"> = {
  [F in keyof FieldsOf<C>]: FieldsOf<C>[F] extends Record<Flag, true> ? F : never;
}[keyof FieldsOf<C>];

/** Fields that may never appear in a flow: a flow listing one does not compile (and flows.test.ts fails). */
export type BlockedFieldId = { [C in CategoryId]: FlaggedIn<C, "sensitive"> | FlaggedIn<C, "neverTransmitted"> }[CategoryId];
export type TransmissibleFieldId = Exclude<FieldId, BlockedFieldId>;

export interface FieldInfo extends FieldDef {
  id: FieldId;
  category: CategoryId;
}

/** Every field, with its category, in declaration order. */
export const FIELDS: readonly FieldInfo[] = CATEGORY_IDS.flatMap((category) =>
  Object.entries(DATA_CATEGORIES[category].fields).map(([id, def]) => ({ ...(def as FieldDef), id: id as FieldId, category })),
);

const byId = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldInfo(id: FieldId): FieldInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`unknown data-map field ${id}`);
  return info;
}

export function isBlockedField(id: FieldId): boolean {
  const f = fieldInfo(id);
  return Boolean(f.sensitive || f.neverTransmitted);
}

export function categoryHasSensitiveData(category: CategoryId): boolean {
  return Object.values(DATA_CATEGORIES[category].fields).some((f) => "sensitive" in f);
}

/** The categories the given fields belong to, in declaration order. */
export function categoriesOfFields(fields: readonly FieldId[]): CategoryId[] {
  const set = new Set(fields.map((f) => fieldInfo(f).category));
  return CATEGORY_IDS.filter((c) => set.has(c));
}
