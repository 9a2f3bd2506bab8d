import { REFERENCES } from "./references";

/**
 * Joint controllers of the processing (GDPR art. 26; décret 2015-59 art. 1 bis as modified by décret
 * 2026-11). The arrêté of 15 January 2026 splits their obligations; France Travail publishes the GDPR
 * information on I-Milo on its website.
 */
export const JOINT_CONTROLLERS = [
  {
    id: "missionLocale",
    name: "Chaque mission locale",
    role: "Responsable conjoint : accompagne le jeune, saisit et utilise les données, reçoit les demandes de droits",
    falc: "Votre mission locale, l'association qui vous accompagne. C'est elle que vous voyez.",
  },
  {
    id: "franceTravail",
    name: "France Travail (directeur général)",
    role: "Responsable conjoint, gestionnaire : gestion technique et opérationnelle du système d'information ; publie l'information RGPD sur son site",
    falc: "France Travail, l'organisme qui aide à trouver un emploi. Il fait fonctionner l'outil informatique des missions locales.",
  },
  {
    id: "dsiml",
    name: "DSIML (président)",
    role: "Responsable conjoint, cogestionnaire : définit et priorise les évolutions du traitement, appuie les missions locales",
    falc: "La DSIML, le service informatique du réseau des missions locales. Elle décide comment l'outil évolue.",
  },
] as const;

export const CONTROLLER_REFERENCES = [REFERENCES.rgpdArt26, REFERENCES.decretImilo, REFERENCES.arreteConjoint] as const;
