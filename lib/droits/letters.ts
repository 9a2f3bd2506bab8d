/**
 * What the letters and messages of a rights request say — pure, so their wording is tested.
 * Plain French, vouvoiement, one idea per sentence; the legal references go in "Pour aller plus loin".
 * GDPR art. 12-1 (clear language), 12-3 (extension with reasons), 12-4 (a refusal states its reasons
 * and the right to complain to a supervisory authority and to seek a judicial remedy).
 */
import type { CivilDate } from "@/lib/calendar/civil-date";
import { formatDate } from "@/lib/format/fr";
import { finaliteLabel, rightAssessment } from "./finalites";
import { ISSUE_LABELS, TYPE_ARTICLE, TYPE_PLAIN, type DemandeIssue, type DemandeType } from "./labels";

export interface LetterContext {
  structure: { name: string; commune: string; dpoEmail: string };
  /** null when the person is not (or no longer) known: no dossier, or a dossier erased at their request. */
  jeune: {
    prenoms: string;
    nomNaissance: string;
    nomUsage: string | null;
    adresse: string | null;
    codePostal: string | null;
    commune: string | null;
  } | null;
  demande: { numero: string; type: DemandeType; recueLe: CivilDate; finalite: string | null };
}

export interface LetterSection {
  heading?: string;
  paragraphs: string[];
}

export interface Letter {
  /** File name without extension, e.g. "accuse-reception-2026-0042". */
  slug: string;
  /** E-mail subject and PDF title. */
  title: string;
  sender: string[];
  recipient: string[];
  placeAndDate: string;
  subject: string;
  salutation: string;
  sections: LetterSection[];
  closing: string;
  signature: string[];
}

export const CNIL_COMPLAINT =
  "Vous pouvez faire une réclamation auprès de la CNIL (Commission nationale de l'informatique et des libertés), l'autorité qui protège les données personnelles en France : sur www.cnil.fr/plaintes, ou par courrier à CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.";
export const COURT_REMEDY = "Vous pouvez aussi saisir la justice : le tribunal judiciaire du lieu où vous habitez.";

function fullName(j: NonNullable<LetterContext["jeune"]>): string {
  return `${j.prenoms} ${(j.nomUsage ?? j.nomNaissance).toUpperCase()}`;
}

function recipientLines(ctx: LetterContext): string[] {
  const { jeune } = ctx;
  // After an erasure the name and address are gone: the letter names the request, not the person.
  if (!jeune) return [`La personne à l'origine de la demande n° ${ctx.demande.numero}`];
  const cityLine = [jeune.codePostal, jeune.commune].filter(Boolean).join(" ");
  return [fullName(jeune), ...(jeune.adresse ? [jeune.adresse] : []), ...(cityLine ? [cityLine] : [])];
}

function frame(ctx: LetterContext, today: CivilDate) {
  const { structure, jeune } = ctx;
  return {
    sender: [structure.name, "Délégué à la protection des données", structure.dpoEmail],
    recipient: recipientLines(ctx),
    placeAndDate: `${structure.commune}, le ${formatDate(today)}`,
    salutation: jeune ? `Bonjour ${jeune.prenoms},` : "Madame, Monsieur,",
    closing: "Nous restons à votre disposition pour toute question.",
    signature: ["Le délégué à la protection des données", structure.name],
  };
}

function whatWasAsked(ctx: LetterContext, withDate = true): string {
  const finalite = finaliteLabel(ctx.demande.finalite);
  const what = `vous nous avez demandé de ${TYPE_PLAIN[ctx.demande.type]}${finalite ? `, pour l'utilisation suivante : ${finalite}` : ""}.`;
  return withDate ? `Le ${formatDate(ctx.demande.recueLe)}, ${what}` : `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
}

/** Dated receipt handed or e-mailed at intake. */
export function buildReceipt(ctx: LetterContext, input: { echeance: CivilDate; today: CivilDate }): Letter {
  const { numero, recueLe } = ctx.demande;
  return {
    ...frame(ctx, input.today),
    slug: `accuse-reception-${numero}`,
    title: `Accusé de réception de votre demande n° ${numero}`,
    subject: `Accusé de réception de votre demande n° ${numero} reçue le ${formatDate(recueLe)}, réponse au plus tard le ${formatDate(input.echeance)}`,
    sections: [
      {
        paragraphs: [
          `Nous avons bien reçu votre demande n° ${numero} le ${formatDate(recueLe)}.`,
          whatWasAsked(ctx, false),
          `Nous vous répondrons au plus tard le ${formatDate(input.echeance)}.`,
          "Si votre demande est complexe, ce délai peut être prolongé de deux mois. Dans ce cas, nous vous préviendrons avant cette date et nous vous dirons pourquoi.",
          "Si nous avons besoin d'une information pour être sûrs que la demande vient bien de vous, nous vous la demanderons. Le délai repartira du jour où nous la recevrons.",
          "Cette démarche est gratuite.",
        ],
      },
      {
        heading: "Pour aller plus loin",
        paragraphs: [
          `Règlement général sur la protection des données (RGPD) : article 12 (délai de réponse) et ${TYPE_ARTICLE[ctx.demande.type].replace(/ du RGPD$/, "")}.`,
        ],
      },
    ],
  };
}

const DECISION_SENTENCE: Record<DemandeIssue, string> = {
  acceptee: "Nous acceptons votre demande.",
  partielle: "Nous acceptons une partie de votre demande.",
  refusee: "Nous ne pouvons pas accepter votre demande.",
};

/** Answer to the request, with the decision, its reasons and the remedies (art. 12-4). */
export function buildResponseLetter(ctx: LetterContext, input: { issue: DemandeIssue; motif: string; reponduLe: CivilDate }): Letter {
  const { numero } = ctx.demande;
  const disagree =
    input.issue === "acceptee" ? "Si vous avez une question ou un désaccord" : "Si vous n'êtes pas d'accord avec cette décision";
  // An objection is decided per finality, by the rule the data map gives for its legal basis (GDPR art. 21-1).
  const rule = ctx.demande.type === "opposition" ? rightAssessment("opposition", ctx.demande.finalite) : null;
  return {
    ...frame(ctx, input.reponduLe),
    slug: `reponse-${numero}`,
    title: `Réponse à votre demande n° ${numero}`,
    subject: `Réponse à votre demande n° ${numero} : ${ISSUE_LABELS[input.issue].toLowerCase()}`,
    sections: [
      { paragraphs: [whatWasAsked(ctx), DECISION_SENTENCE[input.issue]] },
      {
        heading: input.issue === "acceptee" ? "Ce que nous avons fait" : "Pourquoi",
        paragraphs: input.motif
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean),
      },
      ...(rule ? [{ heading: "La règle pour cette utilisation de vos données", paragraphs: [rule.falc] }] : []),
      {
        heading: disagree,
        paragraphs: [`Vous pouvez d'abord nous écrire : ${ctx.structure.dpoEmail}.`, CNIL_COMPLAINT, COURT_REMEDY],
      },
      {
        heading: "Pour aller plus loin",
        paragraphs: [
          "Règlement général sur la protection des données (RGPD) : article 12 (délais et réponse), article 77 (réclamation auprès de la CNIL), article 79 (recours devant un tribunal).",
          ...(rule ? [`Opposition : ${rule.reason}`] : []),
        ],
      },
    ],
  };
}

/** Notice of the two-month extension, sent within the first month with its reasons (art. 12-3). */
export function buildExtensionNotice(ctx: LetterContext, input: { motif: string; echeance: CivilDate; today: CivilDate }): Letter {
  const { numero } = ctx.demande;
  return {
    ...frame(ctx, input.today),
    slug: `prolongation-${numero}`,
    title: `Votre demande n° ${numero} : délai prolongé`,
    subject: `Votre demande n° ${numero} : nous vous répondrons au plus tard le ${formatDate(input.echeance)}`,
    sections: [
      {
        paragraphs: [
          whatWasAsked(ctx),
          "Nous avons besoin de plus de temps pour vous répondre.",
          `Pourquoi : ${input.motif}`,
          `Nous vous répondrons au plus tard le ${formatDate(input.echeance)}.`,
        ],
      },
      { heading: "Si vous n'êtes pas d'accord", paragraphs: [CNIL_COMPLAINT, COURT_REMEDY] },
      {
        heading: "Pour aller plus loin",
        paragraphs: [
          "RGPD, article 12, paragraphe 3 : le délai d'un mois peut être prolongé de deux mois, si la personne est prévenue dans le premier mois.",
        ],
      },
    ],
  };
}

/** The letter as plain text, for the body of an e-mail. */
export function letterToText(letter: Letter): string {
  const blocks = [
    letter.salutation,
    ...letter.sections.map((s) => [...(s.heading ? [s.heading] : []), ...s.paragraphs].join("\n\n")),
    letter.closing,
    letter.signature.join("\n"),
  ];
  return `${blocks.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// The steps the young person sees (demande_evenements.message)
// ---------------------------------------------------------------------------------------------

export const EVENT_MESSAGES = {
  recue: (numero: string, type: DemandeType, echeance: CivilDate) =>
    `Nous avons reçu votre demande n° ${numero} : ${TYPE_PLAIN[type]}. Nous vous répondrons au plus tard le ${formatDate(echeance)}.`,
  identite_demandee: (objet: string) =>
    `Nous avons besoin d'une information pour être sûrs que la demande vient bien de vous : ${objet}. Le délai de réponse est en pause jusqu'à ce que nous la recevions.`,
  identite_recue: (recuLe: CivilDate, echeance: CivilDate) =>
    `Nous avons reçu l'information demandée le ${formatDate(recuLe)}. Le délai repart de ce jour : nous vous répondrons au plus tard le ${formatDate(echeance)}.`,
  identite_verifiee: () => "Nous avons vérifié que la demande vient bien de vous. Nous traitons votre demande.",
  prolongee: (motif: string, echeance: CivilDate) =>
    `Nous avons besoin de plus de temps. Nous vous répondrons au plus tard le ${formatDate(echeance)}. Pourquoi : ${motif}`,
  repondue: (issue: DemandeIssue, mailed: boolean) =>
    `Nous avons répondu à votre demande : ${ISSUE_LABELS[issue].toLowerCase()}. ${mailed ? "La lettre de réponse vous est envoyée par e-mail." : "Votre mission locale vous remet la lettre de réponse."}`,
  close: () => "Votre demande est terminée.",
  limitation_appliquee: (destinataires: readonly string[]) =>
    `Vos données sont gelées : nous ne les envoyons plus à personne et nous ne les supprimons pas, le temps de traiter votre demande.${
      destinataires.length
        ? ` Nous prévenons ${destinataires.join(" et ")}, qui avai${destinataires.length > 1 ? "en" : ""}t reçu vos données : ${destinataires.length > 1 ? "ils ne doivent" : "il ne doit"} plus les utiliser.`
        : ""
    }`,
  limitation_levee: (destinataires: readonly string[]) =>
    `Le gel de vos données est levé : elles sont de nouveau utilisées normalement pour votre accompagnement.${
      destinataires.length ? ` Nous prévenons aussi ${destinataires.join(" et ")}.` : ""
    }`,
  rectification_appliquee: (champ: string, destinataires: readonly string[]) =>
    `Nous avons corrigé votre dossier : ${champ.toLowerCase()}.${destinataires.length ? ` Nous prévenons aussi ${destinataires.join(" et ")}, qui avai${destinataires.length > 1 ? "en" : ""}t reçu l'ancienne information.` : ""}`,
  transmise_ft: () =>
    "Votre demande concerne aussi des données que France Travail a sur vous. Nous l'avons transmise à France Travail. Nous attendons sa réponse.",
  reponse_ft: (le: CivilDate, resume: string) => `France Travail a répondu le ${formatDate(le)} : ${resume}`,
  question_transmission: (reference: string) => `Votre question porte sur cet envoi : ${reference}.`,
  question_ligne: (reference: string) => `Votre question porte sur cette ligne du parcours de vos données : ${reference}.`,
} as const;
