import { formatDateTime } from "@/lib/format/fr";
import type { MailMessage } from "@/lib/mail/send";

/**
 * The invitation to Mon espace, in plain words (FALC). The minor version (under 18 on the day) uses simpler
 * sentences and says they can ask an adult they trust or their legal representative for help.
 */
export function espaceInvitationMail(input: {
  to: string;
  prenoms: string;
  structure: string;
  link: string;
  expiresAt: Date;
  codePage: string;
  minor: boolean;
}): MailMessage {
  const common = [
    "Pour entrer dans Mon espace, ouvrez ce lien :",
    input.link,
    "",
    `Ce lien marche une seule fois, jusqu'au ${formatDateTime(input.expiresAt)} (3 jours).`,
    "Après, vous pouvez entrer avec un code reçu par e-mail, sur cette page :",
    input.codePage,
    "",
  ];
  const text = input.minor
    ? [
        `Bonjour ${input.prenoms},`,
        "",
        `Votre mission locale, ${input.structure}, vous invite dans Mon espace.`,
        "Mon espace, c'est votre page à vous.",
        "Vous y voyez ce que la mission locale sait de vous.",
        "Vous voyez aussi à qui vos informations sont envoyées, et pourquoi.",
        "",
        ...common,
        "Vous avez moins de 18 ans.",
        "Vous pouvez demander de l'aide à un adulte de confiance.",
        "Par exemple votre représentant légal : un parent, ou la personne qui s'occupe de vous.",
        "Vous pouvez aussi poser vos questions à la personne qui vous accompagne à la mission locale.",
        "",
        "Vous n'attendiez pas ce message ? Ne faites rien. Personne ne peut entrer sans ce lien.",
      ]
    : [
        `Bonjour ${input.prenoms},`,
        "",
        `Votre mission locale, ${input.structure}, vous invite dans Mon espace.`,
        "Mon espace, c'est votre page sur le site de la mission locale.",
        "Vous y voyez ce que la mission locale sait de vous.",
        "Vous y voyez aussi à qui vos informations sont envoyées, et pourquoi.",
        "",
        ...common,
        "Vous n'attendiez pas ce message ? Ne faites rien. Personne ne peut entrer sans ce lien.",
      ];
  return { to: input.to, subject: "Votre mission locale vous invite dans Mon espace", text: text.join("\n") };
}
