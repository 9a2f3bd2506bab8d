import type { LegalBasisId } from "./legal-bases";

/** Rights of GDPR arts. 15–21 a person may ask for, in the order a notice lists them. */
export const RIGHTS = {
  acces: { label: "Droit d'accès", article: "RGPD, art. 15", falc: "Voir vos données" },
  rectification: { label: "Droit de rectification", article: "RGPD, art. 16", falc: "Faire corriger vos données" },
  effacement: { label: "Droit à l'effacement", article: "RGPD, art. 17", falc: "Faire effacer vos données" },
  limitation: { label: "Droit à la limitation", article: "RGPD, art. 18", falc: "Faire bloquer vos données pour un temps" },
  opposition: { label: "Droit d'opposition", article: "RGPD, art. 21", falc: "Vous opposer à l'utilisation de vos données" },
  portabilite: {
    label: "Droit à la portabilité",
    article: "RGPD, art. 20",
    falc: "Recevoir vos données dans un fichier pour les donner à un autre organisme",
  },
} as const satisfies Record<string, { label: string; article: string; falc: string }>;

export type RightId = keyof typeof RIGHTS;
export const RIGHT_IDS = Object.keys(RIGHTS) as RightId[];

export type Availability = "oui" | "sous_conditions" | "non";

export const AVAILABILITY_LABELS: Record<Availability, { staff: string; falc: string }> = {
  oui: { staff: "Applicable", falc: "Oui" },
  sous_conditions: { staff: "Sous conditions", falc: "Dans certains cas" },
  non: { staff: "Non applicable", falc: "Non" },
};

export interface RightAssessment {
  availability: Availability;
  /** For staff and the register: why, with the article. */
  reason: string;
  /** For the young person: one or two plain sentences. */
  falc: string;
}

export type RightsOverrides = Partial<Record<RightId, RightAssessment>>;

export interface RightOffer extends RightAssessment {
  right: RightId;
}

const always = {
  acces: {
    availability: "oui",
    reason: "Toujours applicable (RGPD, art. 15).",
    falc: "Vous pouvez demander quelles données la mission locale a sur vous, et en recevoir une copie.",
  },
  rectification: {
    availability: "oui",
    reason: "Toujours applicable (RGPD, art. 16).",
    falc: "Si une information est fausse ou incomplète, vous pouvez la faire corriger.",
  },
  limitation: {
    availability: "sous_conditions",
    reason:
      "Pendant la vérification d'une contestation ou d'une opposition, ou si les données sont nécessaires à la personne pour un recours (RGPD, art. 18-1). Aucune transmission pendant la limitation.",
    falc: "Pendant qu'on vérifie votre demande, vos données peuvent être bloquées. Elles ne sont alors envoyées à personne.",
  },
} as const satisfies Partial<Record<RightId, RightAssessment>>;

/**
 * The rights that follow from a legal basis (domain.md §6). Portability exists only for consent and
 * contract (art. 20-1, and 20-3 excludes public-interest tasks); objection only for public interest or
 * legitimate interest (art. 21-1); erasure yields to a legal obligation or a public-interest task while
 * the data is needed (art. 17-3-b).
 */
export function rightsForBasis(basis: LegalBasisId): Record<RightId, RightAssessment> {
  switch (basis) {
    case "6-1-a":
      return {
        ...always,
        effacement: {
          availability: "oui",
          reason: "Retrait du consentement (RGPD, art. 17-1-b).",
          falc: "Si vous retirez votre accord, vos données sont effacées.",
        },
        opposition: {
          availability: "non",
          reason: "Remplacé par le retrait du consentement à tout moment (RGPD, art. 7-3).",
          falc: "Vous pouvez retirer votre accord à tout moment.",
        },
        portabilite: {
          availability: "oui",
          reason: "Traitement fondé sur le consentement (RGPD, art. 20-1-a).",
          falc: "Vous pouvez recevoir vos données dans un fichier.",
        },
      };
    case "6-1-b":
      return {
        ...always,
        effacement: {
          availability: "sous_conditions",
          reason: "Quand les données ne sont plus nécessaires au contrat (RGPD, art. 17-1-a).",
          falc: "Quand elles ne sont plus utiles pour le contrat.",
        },
        opposition: {
          availability: "non",
          reason: "L'article 21 ne vise pas l'exécution d'un contrat.",
          falc: "Ce droit ne s'applique pas ici.",
        },
        portabilite: {
          availability: "oui",
          reason: "Traitement fondé sur un contrat (RGPD, art. 20-1-a).",
          falc: "Vous pouvez recevoir vos données dans un fichier.",
        },
      };
    case "6-1-c":
      return {
        ...always,
        effacement: {
          availability: "non",
          reason: "Refusé : données nécessaires au respect d'une obligation légale (RGPD, art. 17-3-b).",
          falc: "Non, parce que la loi oblige la mission locale à garder ces données pendant la durée prévue.",
        },
        opposition: {
          availability: "non",
          reason: "Non applicable à un traitement fondé sur une obligation légale (RGPD, art. 21-1).",
          falc: "Non, parce que la loi oblige la mission locale à le faire.",
        },
        portabilite: {
          availability: "non",
          reason: "Réservé au consentement et au contrat (RGPD, art. 20-1).",
          falc: "Non, parce que la loi oblige la mission locale à utiliser ces données.",
        },
      };
    case "6-1-e":
      return {
        ...always,
        effacement: {
          availability: "sous_conditions",
          reason:
            "En général refusé tant que les données sont nécessaires à la mission d'intérêt public (RGPD, art. 17-3-b) ; accordé si elles ne sont plus nécessaires ou ont été traitées de façon illicite (art. 17-1-a et d). Tout refus est motivé.",
          falc: "En général non, tant que la mission locale en a besoin pour vous accompagner. Si elle refuse, elle vous explique pourquoi.",
        },
        opposition: {
          availability: "sous_conditions",
          reason:
            "Examinée au cas par cas, pour des raisons tenant à la situation particulière de la personne ; refusée si le responsable démontre des motifs impérieux (RGPD, art. 21-1).",
          falc: "Vous pouvez expliquer pourquoi vous n'êtes pas d'accord. La mission locale étudie votre demande et vous répond.",
        },
        portabilite: {
          availability: "non",
          reason: "Non applicable à une mission d'intérêt public (RGPD, art. 20-1 et 20-3).",
          falc: "Non, parce que la mission locale utilise vos données pour une mission de service public.",
        },
      };
  }
}

/** The rights offered for a finality: those of its legal basis, then its own overrides, in notice order. */
export function rightsFor(finality: { legalBasis: LegalBasisId; rightsOverrides?: RightsOverrides }): RightOffer[] {
  const derived = rightsForBasis(finality.legalBasis);
  return RIGHT_IDS.map((right) => ({ right, ...(finality.rightsOverrides?.[right] ?? derived[right]) }));
}
