/** What a queued message is; the label names it in the list of messages that could not be sent. */
export const MAIL_KINDS = {
  "droits.accuse": "Accusé de réception d'une demande de droits",
  "droits.prolongation": "Avis de prolongation du délai",
  "droits.reponse": "Lettre de réponse à une demande de droits",
  "compte.invitation": "Invitation à choisir le mot de passe d'un compte",
  "espace.code": "Code de connexion à Mon espace",
  "espace.invitation": "Invitation dans Mon espace",
} as const;

export type MailKind = keyof typeof MAIL_KINDS;

export function mailKindLabel(kind: string): string {
  return (MAIL_KINDS as Record<string, string>)[kind] ?? kind;
}
