/** Texts the data map cites; one place so the notice, the register and the exports quote them alike. */
export const REFERENCES = {
  rgpdArt26: "RGPD, art. 26 (responsables conjoints du traitement)",
  decretImilo: "Décret n° 2015-59 du 26 janvier 2015 (traitement I-Milo), art. 1 bis, modifié par le décret n° 2026-11 du 12 janvier 2026",
  arreteDestinataires: "Arrêté du 3 janvier 2025 relatif au traitement I-Milo (finalités et destinataires)",
  arreteConjoint: "Arrêté du 15 janvier 2026 relatif à l'exercice de la responsabilité conjointe du traitement I-Milo (annexe)",
  codeTravailMissionsLocales: "Code du travail, art. L5314-2 (missions locales)",
  codeTravailAccompagnement: "Code du travail, art. L5131-3 et suivants (droit à l'accompagnement, PACEA)",
  codeTravailCej: "Code du travail, art. L5131-6 (contrat d'engagement jeune) ; décret n° 2022-199 du 18 février 2022",
  loiPleinEmploi: "Loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi (inscription automatique à France Travail)",
  c2s: "Code de la sécurité sociale, art. L861-2, modifié par la loi n° 2023-1250 du 26 décembre 2023 (LFSS pour 2024)",
  decretC2s: "Décret n° 2026-11 du 12 janvier 2026 (finalité C2S ; CNAM et CPAM destinataires)",
  allocationCej: "Code du travail, art. L5131-6 et D5131-19 (allocation CEJ)",
  allocationPacea: "Décret n° 2020-1783 (plafond de l'allocation PACEA)",
  rgpdStatistiques: "RGPD, art. 89 (garanties pour les fins statistiques)",
  rgpdDroits: "RGPD, art. 12 à 22",
  loiInformatiqueLibertes: "Loi n° 78-17 du 6 janvier 1978 (Informatique et Libertés)",
  rgpdRecours: "RGPD, art. 77 (réclamation) et 79 (recours juridictionnel)",
} as const;

export type ReferenceId = keyof typeof REFERENCES;
