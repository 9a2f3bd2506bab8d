import type { MailMessage } from "@/lib/mail/send";

/** The e-mail of a sign-in code, in plain words (FALC): the code, how long it works, the link, what to do if unasked. */
export function codeSignInMail(input: { to: string; code: string; link: string }): MailMessage {
  return {
    to: input.to,
    subject: "Votre code pour entrer dans Mon espace",
    text: [
      "Bonjour,",
      "",
      "Voici votre code pour entrer dans Mon espace :",
      "",
      input.code,
      "",
      "Ce code marche pendant 10 minutes.",
      "Il marche une seule fois.",
      "",
      "Vous pouvez aussi ouvrir ce lien pour entrer, sans taper le code :",
      input.link,
      "",
      "Vous n'avez pas demandé ce code ? Ne faites rien.",
      "Personne ne peut entrer dans votre espace sans ce code.",
      "Ne donnez jamais ce code à quelqu'un, même à la mission locale.",
    ].join("\n"),
  };
}
