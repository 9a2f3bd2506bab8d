import type { CategoryId } from "./categories";
import type { LegalBasisId } from "./legal-bases";
import type { ReferenceId } from "./references";
import { DOSSIER_RETENTION, type RetentionPolicy } from "./retention";
import type { RightsOverrides } from "./rights";

interface FinalityDef {
  /** Administrative name (register, exports). */
  name: string;
  falc: {
    /** Heading of the notice section: plain words, every acronym spelled out in it. */
    title: string;
    why: readonly string[];
  };
  legalBasis: LegalBasisId;
  references: readonly ReferenceId[];
  categories: readonly CategoryId[];
  /** Categories of persons concerned (GDPR art. 30-1-c). */
  persons: readonly string[];
  trigger: { staff: string; falc: string };
  retention: RetentionPolicy;
  rightsOverrides?: RightsOverrides;
  /** A dated start read from settings ("Depuis le 1er juillet 2026"). */
  startSetting?: "c2s.presomption.date_debut";
}

const PERSONS_JEUNES = "Jeunes de 16 à 25 ans révolus accompagnés par la mission locale";
const PERSONS_REPRESENTANTS = "Représentants légaux des jeunes mineurs";

/**
 * The finalities of the processing, from the missions of the missions locales (arrêté du 15 janvier 2026)
 * and décret 2015-59 as modified by décret 2026-11 (C2S). Order = order of the notice and the register.
 */
export const FINALITIES = {
  accompagnement: {
    name: "Accompagnement des jeunes de 16 à 25 ans vers l'emploi et l'autonomie",
    falc: {
      title: "Vous accompagner vers l'emploi et l'autonomie",
      why: [
        "La mission locale vous aide à trouver une formation, un emploi, un logement.",
        "Pour bien vous aider, votre conseiller note ce que vous faites ensemble.",
      ],
    },
    legalBasis: "6-1-e",
    references: ["codeTravailMissionsLocales", "decretImilo", "arreteDestinataires"],
    categories: [
      "identite",
      "coordonnees",
      "nir",
      "identifiants",
      "situation",
      "handicap",
      "sante",
      "justice",
      "commentaire",
      "parcours",
      "accompagnement",
    ],
    persons: [PERSONS_JEUNES, PERSONS_REPRESENTANTS, "Conseillers de la mission locale (auteurs des saisies)"],
    trigger: {
      staff: "Premier accueil du jeune, puis chaque étape de l'accompagnement",
      falc: "Dès votre premier rendez-vous à la mission locale.",
    },
    retention: {
      ...DOSSIER_RETENTION,
      rules: [
        ...DOSSIER_RETENTION.rules,
        {
          kind: "years_after_last_record",
          setting: "fseAnneesApresDernierEnregistrement",
          purpose: {
            staff: "Contrôles du Fonds social européen (FSE), pour les actions qu'il cofinance",
            falc: "Si votre accompagnement est payé en partie par l'Europe (FSE), des informations sont gardées pour les contrôles",
          },
        },
      ],
    },
  },
  pacea: {
    name: "Parcours contractualisé d'accompagnement vers l'emploi et l'autonomie (PACEA)",
    falc: {
      title: "Votre parcours d'accompagnement vers l'emploi et l'autonomie (PACEA)",
      why: [
        "Le PACEA est un parcours avec des étapes et des objectifs, que vous choisissez avec votre conseiller.",
        "La mission locale suit vos étapes. Elle vous inscrit aussi à France Travail, comme la loi le prévoit.",
      ],
    },
    legalBasis: "6-1-e",
    references: ["codeTravailAccompagnement", "loiPleinEmploi", "decretImilo", "arreteDestinataires"],
    categories: ["identite", "coordonnees", "nir", "identifiants", "situation", "parcours", "accompagnement", "allocation"],
    persons: [`${PERSONS_JEUNES} en PACEA`, PERSONS_REPRESENTANTS],
    trigger: {
      staff: "Signature du PACEA, chaque phase, sortie",
      falc: "Quand vous signez votre PACEA, à chaque étape, et quand il se termine.",
    },
    retention: DOSSIER_RETENTION,
  },
  cej: {
    name: "Contrat d'engagement jeune (CEJ)",
    falc: {
      title: "Votre contrat d'engagement jeune (CEJ)",
      why: [
        "Le CEJ vous demande des activités chaque semaine : ateliers, formation, stages. Il peut vous donner droit à une allocation.",
        "La mission locale suit vos activités et vos heures. Elle vous inscrit aussi à France Travail, comme la loi le prévoit.",
      ],
    },
    legalBasis: "6-1-e",
    references: ["codeTravailCej", "loiPleinEmploi", "decretImilo", "arreteDestinataires"],
    categories: ["identite", "coordonnees", "nir", "identifiants", "situation", "handicap", "parcours", "accompagnement", "allocation"],
    persons: ["Jeunes de 16 à 25 ans révolus (29 ans avec une RQTH) en CEJ", PERSONS_REPRESENTANTS],
    trigger: {
      staff: "Orientation vers le CEJ, signature, chaque semaine d'activité, sortie",
      falc: "Quand vous signez votre CEJ, chaque semaine pendant le contrat, et quand il se termine.",
    },
    retention: DOSSIER_RETENTION,
  },
  c2s: {
    name: "Complémentaire santé solidaire (C2S) des bénéficiaires de l'allocation CEJ",
    falc: {
      title: "Votre complémentaire santé solidaire (C2S)",
      why: [
        "Si vous recevez l'allocation du CEJ, vous pouvez avoir la C2S. Elle aide à payer vos soins.",
        "La mission locale prévient l'Assurance maladie que vous recevez l'allocation. Vous n'avez pas de dossier à remplir pour cela.",
      ],
    },
    legalBasis: "6-1-e",
    references: ["c2s", "decretC2s", "decretImilo"],
    categories: ["identite", "nir", "allocation"],
    persons: ["Jeunes bénéficiaires de l'allocation CEJ"],
    trigger: {
      staff: "Attribution, modification ou fin de l'allocation CEJ",
      falc: "Quand l'allocation du CEJ commence, change ou s'arrête.",
    },
    retention: DOSSIER_RETENTION,
    startSetting: "c2s.presomption.date_debut",
  },
  allocation: {
    name: "Paiement de l'allocation PACEA et de l'allocation CEJ",
    falc: {
      title: "Le paiement de votre allocation",
      why: [
        "Pendant votre PACEA ou votre CEJ, vous pouvez recevoir une allocation : de l'argent chaque mois.",
        "La mission locale calcule le montant. L'ASP vous la verse sur votre compte.",
      ],
    },
    legalBasis: "6-1-e",
    references: ["allocationCej", "allocationPacea", "decretImilo", "arreteDestinataires"],
    categories: ["identite", "coordonnees", "parcours", "allocation", "bancaire"],
    persons: [
      "Jeunes bénéficiaires de l'allocation PACEA ou de l'allocation CEJ",
      "Titulaires du compte bancaire, s'ils sont différents du jeune",
    ],
    trigger: { staff: "Chaque mois où une allocation est due", falc: "Chaque mois où vous avez droit à l'allocation." },
    retention: DOSSIER_RETENTION,
  },
  statistiques: {
    name: "Statistiques et pilotage des politiques de l'emploi (données pseudonymisées)",
    falc: {
      title: "Les statistiques sur l'aide aux jeunes",
      why: [
        "L'État compte combien de jeunes sont aidés, et comment. Cela sert à améliorer l'aide aux jeunes.",
        "Pour cela, vos données sont envoyées sans votre nom, sans votre adresse et sans votre numéro de sécurité sociale.",
      ],
    },
    legalBasis: "6-1-e",
    references: ["decretImilo", "arreteDestinataires", "rgpdStatistiques"],
    categories: ["identite", "coordonnees", "situation", "parcours"],
    persons: [`${PERSONS_JEUNES} (données pseudonymisées)`],
    trigger: { staff: "Extractions périodiques", falc: "Plusieurs fois par an." },
    retention: DOSSIER_RETENTION,
    rightsOverrides: {
      effacement: {
        availability: "non",
        reason: "Refusé : l'effacement compromettrait gravement les statistiques (RGPD, art. 17-3-d et 89).",
        falc: "Non, parce que les statistiques seraient fausses. Vos données y sont déjà sans votre nom.",
      },
    },
  },
  droits: {
    name: "Information des personnes et exercice de leurs droits",
    falc: {
      title: "Répondre à vos questions et à vos demandes sur vos données",
      why: [
        "Vous pouvez poser des questions sur vos données, ou demander à les voir, à les corriger.",
        "La mission locale garde votre demande et sa réponse, pour prouver qu'elle a bien répondu.",
      ],
    },
    legalBasis: "6-1-c",
    references: ["rgpdDroits", "loiInformatiqueLibertes", "arreteConjoint"],
    categories: ["identite", "coordonnees", "demandes"],
    persons: ["Jeunes et anciens jeunes accompagnés", "Leurs représentants légaux et mandataires"],
    trigger: { staff: "Réception d'une demande d'exercice de droits", falc: "Quand vous faites une demande sur vos données." },
    retention: DOSSIER_RETENTION,
  },
} as const satisfies Record<string, FinalityDef>;

export type FinalityId = keyof typeof FINALITIES;
export type Finality = FinalityDef & { id: FinalityId };
export const FINALITY_IDS = Object.keys(FINALITIES) as FinalityId[];

/** Every finality with its id, in notice order. */
export const FINALITY_LIST: readonly Finality[] = FINALITY_IDS.map((id) => ({ ...(FINALITIES[id] as FinalityDef), id }));
