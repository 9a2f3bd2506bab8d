/** Confirmation shown on a request's page after a step (`/droits/<id>?etape=…&envoye=1`). */
export const ETAPES = [
  "enregistree",
  "complement_demande",
  "complement_recu",
  "identite_verifiee",
  "prolongee",
  "repondue",
  "close",
  "limitation_appliquee",
  "limitation_levee",
  "rectification_appliquee",
  "transmise_ft",
  "reponse_ft",
] as const;

export type Etape = (typeof ETAPES)[number];

export function parseEtape(value: string | string[] | undefined): Etape | null {
  const v = Array.isArray(value) ? value[0] : value;
  return (ETAPES as readonly string[]).includes(v ?? "") ? (v as Etape) : null;
}

export function etapeMessage(etape: Etape, mailed: boolean, transmissions = 0): string {
  switch (etape) {
    case "enregistree":
      return mailed
        ? "La demande est enregistrée. L'accusé de réception part par e-mail."
        : "La demande est enregistrée. Envoyez l'accusé de réception par courrier.";
    case "complement_demande":
      return "La demande de complément est notée : le délai est suspendu jusqu'à sa réception.";
    case "complement_recu":
      return "Le complément est reçu : le délai d'un mois repart de sa date de réception.";
    case "identite_verifiee":
      return "L'identité est vérifiée : la demande est en cours de traitement.";
    case "prolongee":
      return mailed
        ? "Le délai est prolongé de deux mois. L'avis part par e-mail à la personne."
        : "Le délai est prolongé de deux mois. Prévenez la personne par courrier : aucune adresse e-mail n'est connue.";
    case "repondue":
      return mailed
        ? "La réponse est enregistrée et la lettre part par e-mail."
        : "La réponse est enregistrée. Téléchargez la lettre pour la remettre ou l'envoyer par courrier.";
    case "close":
      return "La demande est close.";
    case "limitation_appliquee":
      return "La limitation est appliquée : aucune transmission ne part pour ce jeune.";
    case "limitation_levee":
      return "La limitation est levée.";
    case "rectification_appliquee":
      return transmissions === 0
        ? "Le dossier est corrigé. Aucun destinataire n'avait reçu l'ancienne valeur : aucune transmission n'est créée."
        : `Le dossier est corrigé. ${transmissions} transmission${transmissions > 1 ? "s" : ""} de rectification ${transmissions > 1 ? "sont créées" : "est créée"} pour les destinataires de l'ancienne valeur (RGPD, article 19).`;
    case "transmise_ft":
      return "La demande est transmise à France Travail. Enregistrez sa réponse quand vous la recevez.";
    case "reponse_ft":
      return "La réponse de France Travail est enregistrée. Vous pouvez maintenant répondre à la personne.";
  }
}
