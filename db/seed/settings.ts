/**
 * Law values with their effective dates (domain.md §3, §4, §7). Amounts in cents.
 * Each row cites its source; values not found in an official text carry `toConfirm`.
 */
export interface SettingSeed {
  key: string;
  effectiveFrom: string;
  value: unknown;
  source: string;
  toConfirm?: string;
}

const cej = (majeurNonImposable: number, premiereTranche: number, mineur: number) => ({
  majeurNonImposable,
  premiereTranche,
  mineur,
});

export const SETTINGS_SEED: SettingSeed[] = [
  {
    key: "cej.allocation.montants",
    effectiveFrom: "2022-03-01",
    value: cej(50000, 30000, 20000),
    source: "Décret 2022-199 (CEJ), art. D5131-19 code du travail",
  },
  {
    key: "cej.allocation.montants",
    effectiveFrom: "2022-07-01",
    value: cej(52000, 31200, 20800),
    source: "Revalorisation anticipée de 4 % (loi 2022-1158)",
  },
  {
    key: "cej.allocation.montants",
    effectiveFrom: "2023-04-01",
    value: cej(52800, 31680, 21120),
    source: "Revalorisation au 1er avril 2023 (CSS L161-25)",
  },
  {
    key: "cej.allocation.montants",
    effectiveFrom: "2024-04-01",
    value: cej(55229, 33137, 22092),
    source: "Revalorisation au 1er avril 2024 (CSS L161-25)",
  },
  {
    key: "cej.allocation.montants",
    effectiveFrom: "2025-04-01",
    value: cej(56168, 33700, 22468),
    source: "Instruction DSS du 7 mars 2025 (CSS L161-25)",
  },
  {
    key: "cej.allocation.montants",
    effectiveFrom: "2026-04-01",
    value: cej(56617, 33970, 22648),
    source: "Estimation : montants 2025 revalorisés de 0,8 %",
    toConfirm: "Montants au 1er avril 2026 non publiés dans nos sources : à confirmer avant tout paiement.",
  },
  {
    key: "cej.allocation.degressivite",
    effectiveFrom: "2022-03-01",
    value: { abattementCents: 30000, partSmicPourcent: 80 },
    source:
      "Code du travail D5131-23 (décret 2022-199) : 300 € d'abattement, allocation nulle à 80 % du SMIC brut (modélisé par OpenFisca-France)",
  },
  // Gross monthly SMIC for 35 h (151,67 h), read by the CEJ reduction; values before 2026 as in OpenFisca-France (smic_b_mensuel).
  ...(
    [
      ["2022-01-01", 160312, "Décret 2021-1741 du 22 décembre 2021"],
      ["2022-05-01", 164558, "Arrêté du 19 mai 2022 (revalorisation automatique)"],
      ["2022-08-01", 167895, "Arrêté du 29 juillet 2022 (revalorisation automatique)"],
      ["2023-01-01", 170928, "Décret 2022-1608 du 22 décembre 2022"],
      ["2023-05-01", 174720, "Arrêté du 26 avril 2023 (revalorisation automatique)"],
      ["2024-01-01", 176692, "Décret du 20 décembre 2023 portant relèvement du SMIC"],
      ["2024-11-01", 180180, "Décret 2024-951 du 23 octobre 2024 (11,88 € de l'heure)"],
    ] as const
  ).map(([effectiveFrom, cents, source]) => ({ key: "smic.brut_mensuel", effectiveFrom, value: { cents }, source })),
  {
    key: "smic.brut_mensuel",
    effectiveFrom: "2026-01-01",
    value: { cents: 182303 },
    source: "Décret 2025-1228 du 17 décembre 2025 (12,02 € de l'heure, + 1,18 %)",
    toConfirm:
      "Montant au 1er janvier 2026 absent de nos sources de référence, relevé dans la presse et sur vie-publique.fr : vérifier au Journal officiel.",
  },
  {
    key: "rsa.montant_personne_seule",
    effectiveFrom: "2026-04-01",
    value: { cents: 65169 },
    source: "Décret 2026-220 (RSA au 1er avril 2026)",
  },
  {
    key: "pacea.allocation.plafond",
    effectiveFrom: "2021-01-01",
    value: { multiplicateurRsa: 6, deduireForfaitLogement: false },
    source: "Décret 2020-1783 (plafond annuel = 6 × RSA)",
    toConfirm: "Déduction préalable du forfait logement non confirmée : laissée désactivée.",
  },
  {
    key: "cej.heures.objectif_hebdo",
    effectiveFrom: "2022-03-01",
    value: { minutes: 900 },
    source: "Code du travail R5131-16 (15 à 20 heures par semaine)",
  },
  {
    key: "cej.heures.ponderation",
    effectiveFrom: "2022-03-01",
    value: { actionEmploiFormation: 180, autreAction: 120, atelier: 240, informationCollective: 180, rendezVousIndividuel: 60 },
    source: "Pratique des outils de suivi (minutes comptées par activité)",
    toConfirm: "Pondérations usuelles, à valider par la direction.",
  },
  {
    key: "cej.sanctions.bareme",
    effectiveFrom: "2022-03-01",
    value: { regime: "cej_2022", paliers: ["reduction_quart_mois", "suppression_un_mois", "suppression_definitive_fin_contrat"] },
    source: "Décret 2022-199, code du travail R5131-24",
  },
  {
    key: "cej.sanctions.bareme",
    effectiveFrom: "2025-06-01",
    value: {
      regime: "suspension_remobilisation",
      paliers: ["suspension_30_pourcent_1_a_2_mois", "suspension_jusqu_a_4_mois", "suppression_partielle_ou_totale"],
    },
    source: "Décret 2025-478 du 30 mai 2025, code du travail R5412-1 et R5412-2",
    toConfirm: "Articulation avec le barème CEJ de 2022 non tranchée dans nos sources.",
  },
  {
    key: "c2s.presomption.date_debut",
    effectiveFrom: "2026-07-01",
    value: { date: "2026-07-01" },
    source: "LFSS 2024 (loi 2023-1250), CSS L861-2 : au plus tard le 1er juillet 2026",
    toConfirm: "Date fixée par décret : vérifier la date exacte.",
  },
  {
    key: "conservation.regles",
    effectiveFrom: "2015-01-28",
    value: {
      dossierAgeMaxAns: 25,
      dossierAnneesApresAgeMax: 2,
      cejAnneesApresFin: 10,
      comptePersonnelAnneesApresFin: 1,
      fseAnneesApresDernierEnregistrement: 19,
      journauxConnexionMois: 7,
    },
    source: "Décret 2015-59, article relatif à la durée de conservation (version consolidée)",
    toConfirm: "Durées à vérifier sur la version consolidée du décret.",
  },
  {
    key: "droits.documents.conservation",
    effectiveFrom: "2018-05-25",
    value: { jours: 90 },
    source: "RGPD art. 5-1-c et 5-1-e (minimisation, durée limitée) ; CNIL, guide des durées de conservation",
    toConfirm: "Durée choisie par la structure : un justificatif d'identité n'est gardé que le temps de traiter la demande.",
  },
  {
    key: "conservation.traces",
    effectiveFrom: "2015-01-28",
    value: { consultationsMois: 7, sessionsJours: 30, codesConnexionJours: 30 },
    source: "Décret 2015-59 (journaux : 7 mois au plus) ; sessions et codes de connexion : durée technique fixée pour la plateforme",
    toConfirm: "Durées des sessions et des codes à confirmer avec le DPO.",
  },
  {
    key: "site.mentions_legales",
    effectiveFrom: "2026-01-01",
    value: {
      editeur: "Association Sillage des missions locales (démonstration)",
      editeurAdresse: "12 rue de la République, 69002 Lyon",
      editeurSiret: "77950697800013",
      directeurPublication: "Nadia Benali, directrice",
      hebergeur: "Hébergeur de démonstration SAS",
      hebergeurAdresse: "1 avenue de l'Hébergement, 75012 Paris",
      hebergeurTelephone: "01 23 45 67 89",
      contact: "contact@sillage.demo",
    },
    source: "Loi 2004-575 pour la confiance dans l'économie numérique, art. 6 III (valeurs de démonstration)",
    toConfirm: "Valeurs de démonstration : à remplacer par celles de l'éditeur et de l'hébergeur réels avant la mise en service.",
  },
  {
    key: "site.accessibilite",
    effectiveFrom: "2026-01-01",
    value: { etat: "non_conforme", date: "2026-12-01", auditLe: null, contact: "accessibilite@sillage.demo" },
    source: "Loi 2005-102, art. 47 ; décret 2019-768 ; RGAA 4.1.2",
  },
];
