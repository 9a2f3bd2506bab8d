import type { FieldId, TransmissibleFieldId } from "./categories";
import type { FinalityId } from "./finalities";
import type { LegalBasisId } from "./legal-bases";
import type { RecipientId } from "./recipients";
import type { ReferenceId } from "./references";

interface FlowDef {
  recipient: RecipientId;
  finality: FinalityId;
  legalBasis: LegalBasisId;
  references: readonly ReferenceId[];
  /** Whitelist: the payload sent to this recipient for this finality holds these fields and no other. */
  fields: readonly TransmissibleFieldId[];
  /** Identity replaced by a pseudonym before it leaves. */
  pseudonymised?: true;
  trigger: { staff: string; falc: string };
  frequency: string;
  retentionAtRecipient: { staff: string; falc: string };
  /** What still has to be checked against the texts (shown in the register). */
  toConfirm?: string;
}

const IDENTITE_FT = ["nomNaissance", "nomUsage", "prenoms", "dateNaissance", "sexe"] as const;
const COORDONNEES = ["telephone", "email", "adresse", "codePostal", "commune"] as const;
const CONTRAT = ["dispositif", "contratType", "contratDateDebut", "contratDateFin", "motifSortie"] as const;
const STATISTIQUES = ["anneeNaissance", "sexe", "codePostal", "niveauQualification", ...CONTRAT] as const;

const FT_RETENTION = {
  staff: "Durées du système d'information de France Travail (arrêté du 3 janvier 2025)",
  falc: "France Travail garde ces données le temps prévu pour son propre suivi.",
};

/** Outbound flows: recipient × finality × legal basis × fields × trigger × frequency × retention (domain.md §5). */
export const FLOWS = {
  "franceTravail.pacea": {
    recipient: "franceTravail",
    finality: "pacea",
    legalBasis: "6-1-e",
    references: ["loiPleinEmploi", "arreteDestinataires"],
    fields: [...IDENTITE_FT, ...COORDONNEES, "nirEncrypted", "ftIdentifiant", "niveauQualification", ...CONTRAT],
    trigger: {
      staff: "Signature du PACEA (inscription automatique et orientation concertée), modification du contrat, sortie",
      falc: "Quand vous signez votre PACEA, quand il change et quand il se termine.",
    },
    frequency: "À chaque événement",
    retentionAtRecipient: FT_RETENTION,
  },
  "franceTravail.cej": {
    recipient: "franceTravail",
    finality: "cej",
    legalBasis: "6-1-e",
    references: ["loiPleinEmploi", "arreteDestinataires"],
    fields: [...IDENTITE_FT, ...COORDONNEES, "nirEncrypted", "ftIdentifiant", "niveauQualification", ...CONTRAT],
    trigger: {
      staff: "Signature du CEJ (inscription automatique, suivi partagé du contrat), modification du contrat, sortie",
      falc: "Quand vous signez votre CEJ, quand il change et quand il se termine.",
    },
    frequency: "À chaque événement",
    retentionAtRecipient: FT_RETENTION,
  },
  "cnamCpam.c2s": {
    recipient: "cnamCpam",
    finality: "c2s",
    legalBasis: "6-1-e",
    references: ["c2s", "decretC2s"],
    fields: ["nomNaissance", "nomUsage", "prenoms", "dateNaissance", "sexe", "nirEncrypted", "allocationPeriode", "foyerImposable"],
    trigger: {
      staff: "Attribution, modification ou fin de l'allocation CEJ",
      falc: "Quand l'allocation du CEJ commence, change ou s'arrête.",
    },
    frequency: "À chaque événement",
    retentionAtRecipient: {
      staff: "Règles de conservation de l'Assurance maladie pour la C2S",
      falc: "L'Assurance maladie garde ces données le temps de votre droit à la C2S, selon ses propres règles.",
    },
  },
  "asp.allocation": {
    recipient: "asp",
    finality: "allocation",
    legalBasis: "6-1-e",
    references: ["allocationCej", "arreteDestinataires"],
    fields: [
      "nomNaissance",
      "nomUsage",
      "prenoms",
      "dateNaissance",
      "adresse",
      "codePostal",
      "commune",
      "dispositif",
      "allocationMontant",
      "allocationPeriode",
      "iban",
      "bic",
      "titulaireCompte",
    ],
    trigger: {
      staff: "Chaque mois où une allocation est due",
      falc: "Chaque mois où vous avez droit à l'allocation.",
    },
    frequency: "Mensuelle",
    retentionAtRecipient: {
      staff: "Règles de conservation des pièces de paiement de l'ASP",
      falc: "L'ASP garde ces données le temps prévu pour les paiements publics.",
    },
  },
  "conseilDepartemental.accompagnement": {
    recipient: "conseilDepartemental",
    finality: "accompagnement",
    legalBasis: "6-1-e",
    references: ["arreteDestinataires"],
    fields: ["nomNaissance", "nomUsage", "prenoms", "dateNaissance", "commune", "dispositif"],
    trigger: {
      staff: "Au cas par cas : coordination du RSA, protection des mineurs",
      falc: "Seulement si c'est utile : par exemple pour le RSA ou pour protéger un mineur.",
    },
    frequency: "Au cas par cas",
    retentionAtRecipient: {
      staff: "Règles du conseil départemental pour le RSA et la protection de l'enfance",
      falc: "Le conseil départemental garde ces données selon ses propres règles.",
    },
    toConfirm: "Liste des données à vérifier dans l'arrêté du 3 janvier 2025.",
  },
  "etat.statistiques": {
    recipient: "etat",
    finality: "statistiques",
    legalBasis: "6-1-e",
    references: ["arreteDestinataires", "rgpdStatistiques"],
    fields: [...STATISTIQUES],
    pseudonymised: true,
    trigger: {
      staff: "Extractions périodiques pour la statistique et le pilotage",
      falc: "Plusieurs fois par an, sans votre nom.",
    },
    frequency: "Périodique",
    retentionAtRecipient: {
      staff: "Données pseudonymisées conservées pour la statistique publique",
      falc: "L'État garde ces chiffres pour ses statistiques, sans votre nom.",
    },
  },
  "cte.statistiques": {
    recipient: "cte",
    finality: "statistiques",
    legalBasis: "6-1-e",
    references: ["arreteDestinataires"],
    fields: [...STATISTIQUES],
    pseudonymised: true,
    trigger: {
      staff: "Pilotage local du réseau pour l'emploi",
      falc: "Quand ils organisent l'aide à l'emploi sur votre territoire, sans votre nom.",
    },
    frequency: "Périodique",
    retentionAtRecipient: {
      staff: "Durée du pilotage local",
      falc: "Ils gardent ces chiffres le temps de leur travail, sans votre nom.",
    },
    toConfirm: "Nature exacte des données reçues par les CTE à vérifier dans l'arrêté du 3 janvier 2025.",
  },
  "franceTravail.droits": {
    recipient: "franceTravail",
    finality: "droits",
    legalBasis: "6-1-c",
    references: ["arreteConjoint", "rgpdArt26"],
    fields: ["nomNaissance", "nomUsage", "prenoms", "dateNaissance", "email", "demandeType", "demandeDateReception"],
    trigger: {
      staff: "Demande reçue par la mission locale portant sur des données que France Travail détient (transmise et suivie)",
      falc: "Si votre demande concerne des données que France Travail a sur vous, la mission locale la lui transmet.",
    },
    frequency: "Au cas par cas",
    retentionAtRecipient: {
      staff: "Durée de traitement de la demande par France Travail",
      falc: "France Travail garde votre demande le temps d'y répondre.",
    },
  },
} as const satisfies Record<string, FlowDef>;

export type FlowId = keyof typeof FLOWS;
export type Flow = FlowDef & { id: FlowId };
export const FLOW_LIST: readonly Flow[] = (Object.keys(FLOWS) as FlowId[]).map((id) => ({ ...(FLOWS[id] as FlowDef), id }));

/**
 * The fields a payload for this recipient and finality may carry (empty: nothing may be sent).
 * Transfer payload builders are tested against it.
 */
export function allowedFields(recipientId: RecipientId, finalityId: FinalityId): ReadonlySet<FieldId> {
  return new Set(FLOW_LIST.filter((f) => f.recipient === recipientId && f.finality === finalityId).flatMap((f) => f.fields));
}

export function flowsOfFinality(finalityId: FinalityId): Flow[] {
  return FLOW_LIST.filter((f) => f.finality === finalityId);
}
