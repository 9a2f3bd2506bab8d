/** Every expected failure, with the French message the user reads. One place, so wording stays consistent. */
export const ERROR_MESSAGES = {
  unauthenticated: "Votre session a expiré. Reconnectez-vous pour continuer.",
  forbidden: "Vous n'avez pas les droits nécessaires pour cette action.",
  not_found: "Ce dossier est introuvable ou vous n'y avez pas accès.",
  reason_required:
    "Ce dossier ne fait pas partie de votre portefeuille : ouvrez-le et indiquez pourquoi vous le consultez avant de le modifier. Rien n'a été enregistré.",
  invalid_input: "Le formulaire contient des erreurs. Corrigez les champs signalés puis réessayez.",
  conflict: "Ce dossier a été modifié par quelqu'un d'autre pendant que vous le modifiiez. Rien n'a été écrasé.",
  duplicate: "Cette valeur existe déjà.",
  in_use: "Cet élément est encore utilisé : il ne peut pas être désactivé pour l'instant. Rien n'a été enregistré.",
  connection_lost: "La connexion à la base de données a été interrompue : rien n'a été enregistré. Réessayez dans un instant.",
  unexpected: "Une erreur inattendue est survenue. Rien n'a été enregistré. Réessayez dans un instant.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function messageFor(code: ErrorCode): string {
  return ERROR_MESSAGES[code];
}
