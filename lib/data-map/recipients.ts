/** Bodies that receive data from the mission locale (arrêté du 3 janvier 2025; décret 2026-11 for CNAM/CPAM). */
export const RECIPIENTS = {
  franceTravail: {
    name: "France Travail",
    falc: "France Travail, l'organisme qui aide à trouver un emploi",
  },
  cnamCpam: {
    name: "Assurance maladie (CNAM et CPAM)",
    falc: "L'Assurance maladie : la CNAM et la CPAM de votre département, qui remboursent vos soins",
  },
  asp: {
    name: "Agence de services et de paiement (ASP)",
    falc: "L'ASP, l'organisme public qui verse votre allocation",
  },
  conseilDepartemental: {
    name: "Conseil départemental",
    falc: "Le conseil départemental, qui s'occupe du RSA et de la protection des enfants",
  },
  etat: {
    name: "État (DGEFP et DREETS)",
    falc: "L'État : la DGEFP et les DREETS, les services du ministère du Travail",
  },
  cte: {
    name: "Comités territoriaux pour l'emploi (CTE)",
    falc: "Les CTE, qui réunissent les organismes de l'emploi de votre territoire",
  },
} as const satisfies Record<string, { name: string; falc: string }>;

export type RecipientId = keyof typeof RECIPIENTS;
export const RECIPIENT_IDS = Object.keys(RECIPIENTS) as RecipientId[];
