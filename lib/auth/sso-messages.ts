/**
 * What the sign-in page says when single sign-on did not let the person in: `erreur` is Sillage's own refusal
 * (lib/auth/oidc.ts, lib/auth/actions.ts), `error` the code Auth.js adds when the exchange with the provider
 * failed (provider unreachable, sign-in cancelled there, invalid answer). null: nothing to say.
 */
export function ssoErrorMessage(
  params: { erreur?: string | string[]; error?: string | string[] },
  providerName: string,
): { title: string; text: string } | null {
  const erreur = typeof params.erreur === "string" ? params.erreur : undefined;
  if (erreur === "sso_inconnu") {
    return {
      title: "Aucun compte Sillage n'est ouvert pour cette adresse.",
      text: `Vous vous êtes bien identifié avec ${providerName}, mais votre adresse ne correspond à aucun compte des équipes. Si vous travaillez dans une mission locale, demandez à votre responsable de vous inviter.`,
    };
  }
  if (erreur === "sso_desactive") {
    return {
      title: "Ce compte est désactivé.",
      text: "Vous ne pouvez plus vous connecter à Sillage avec ce compte. Si vous pensez qu'il s'agit d'une erreur, contactez votre responsable.",
    };
  }
  if (erreur === "sso_indisponible" || typeof params.error === "string") {
    return {
      title: `La connexion avec ${providerName} n'a pas abouti.`,
      text: "Le service est peut-être momentanément indisponible. Réessayez dans quelques minutes, ou connectez-vous avec votre adresse e-mail et votre mot de passe.",
    };
  }
  return null;
}
