import { compare } from "@/lib/calendar/civil-date";
import { formatDate } from "@/lib/format/fr";
import { DATA_CATEGORIES, categoriesOfFields, type CategoryId } from "./categories";
import type { DataMapContext } from "./context";
import { CONTROLLER_REFERENCES, JOINT_CONTROLLERS } from "./controllers";
import { FINALITY_LIST, type Finality, type FinalityId } from "./finalities";
import { flowsOfFinality, type Flow } from "./flows";
import { createAcronymExplainer } from "./glossary";
import { LEGAL_BASES } from "./legal-bases";
import { RECIPIENTS } from "./recipients";
import { REFERENCES } from "./references";
import { describeRetentionForJeune } from "./retention";
import { AVAILABILITY_LABELS, RIGHTS, rightsFor, type Availability, type RightId } from "./rights";

export interface NoticeRecipient {
  who: string;
  what: string;
  when: string;
  keep: string;
}

export interface NoticeRight {
  right: RightId;
  label: string;
  availability: Availability;
  /** "Oui", "Dans certains cas", "Non". */
  answer: string;
  text: string;
}

export interface NoticeFinality {
  id: FinalityId;
  title: string;
  why: string[];
  data: string[];
  /** Empty when the finality uses no sensitive data nor the counsellor's notes. */
  dataNeverSentIntro: string;
  /** Sensitive data and the counsellor's notes: used at the mission locale only. */
  dataNeverSent: string[];
  internal: string;
  recipients: NoticeRecipient[];
  retention: string[];
  rights: NoticeRight[];
  further: string;
}

/** The public notice, every text in reading order (acronyms are explained at their first use in that order). */
export interface NoticeModel {
  title: string;
  intro: string[];
  controllers: { heading: string; intro: string; list: string[]; after: string[]; further: string };
  finalitiesHeading: string;
  finalitiesIntro: string;
  finalities: NoticeFinality[];
  rights: { heading: string; ask: string[]; free: string[]; delays: string[]; minors: string; further: string };
  complaint: { heading: string; cnil: string; online: string; postal: string; court: string; further: string };
}

/** Short phrases for what a flow carries ("votre identité"); the register lists the exact fields. */
const CATEGORY_SHORT: Record<CategoryId, string> = {
  identite: "votre nom, vos prénoms, votre date de naissance",
  coordonnees: "vos coordonnées",
  nir: "votre numéro de sécurité sociale",
  identifiants: "votre identifiant France Travail",
  situation: "votre niveau d'études",
  handicap: "votre RQTH",
  sante: "votre santé",
  justice: "votre situation judiciaire",
  commentaire: "les notes de votre conseiller",
  parcours: "votre parcours (PACEA ou CEJ, dates, sortie)",
  accompagnement: "vos activités",
  allocation: "des informations sur votre allocation",
  bancaire: "vos coordonnées bancaires",
  demandes: "votre demande",
};

const NEVER_SENT_INTRO = "Ces informations restent à la mission locale. Elles ne sont jamais envoyées à un autre organisme :";

function joinFr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function flowWhat(flow: Flow): string {
  if (flow.pseudonymised)
    return "Des informations sans votre nom, sans votre adresse et sans votre numéro de sécurité sociale : année de naissance, sexe, code postal, niveau d'études, parcours.";
  return `${capitalise(joinFr(categoriesOfFields(flow.fields).map((c) => CATEGORY_SHORT[c])))}.`;
}

function isNeverSent(category: CategoryId): boolean {
  return Object.values(DATA_CATEGORIES[category].fields).some((f) => "sensitive" in f || "neverTransmitted" in f);
}

function categoryLine(category: CategoryId): string {
  return `${DATA_CATEGORIES[category].falc}.`;
}

function startLine(finality: Finality, ctx: DataMapContext): string[] {
  if (finality.startSetting !== "c2s.presomption.date_debut" || !ctx.c2sStartDate) return [];
  const date = formatDate(ctx.c2sStartDate);
  return [
    compare(ctx.c2sStartDate, ctx.today) <= 0
      ? `La mission locale le fait depuis le ${date}.`
      : `La mission locale le fera à partir du ${date}.`,
  ];
}

/** Builds the notice for young people from the data map and today's dated settings. */
export function buildNotice(ctx: DataMapContext): NoticeModel {
  const x = createAcronymExplainer();
  const xs = (texts: readonly string[]) => texts.map(x);
  return {
    title: x("Vos données personnelles à la mission locale"),
    intro: xs([
      "Cette page explique ce que la mission locale fait de vos informations personnelles : pourquoi, qui les reçoit, combien de temps elle les garde.",
      "Vous avez des droits sur vos données. Ils sont expliqués pour chaque usage, et à la fin de la page.",
      "Vous pouvez lire cette page seul ou avec votre conseiller.",
    ]),
    controllers: {
      heading: x("Qui est responsable de vos données ?"),
      intro: x("Trois organismes sont responsables ensemble de vos données. On dit qu'ils sont « responsables conjoints » :"),
      list: xs(JOINT_CONTROLLERS.map((c) => c.falc)),
      after: xs([
        "Vous pouvez vous adresser à l'un ou à l'autre. Ils se transmettent votre demande.",
        "France Travail publie aussi ces informations sur son site internet.",
      ]),
      further: x(`Pour aller plus loin : ${CONTROLLER_REFERENCES.join(" ; ")}.`),
    },
    finalitiesHeading: x("Ce que la mission locale fait avec vos données"),
    finalitiesIntro: x("La mission locale utilise vos données seulement pour les raisons ci-dessous."),
    finalities: FINALITY_LIST.map((finality) => ({
      id: finality.id,
      title: x(finality.falc.title),
      why: xs([...finality.falc.why, ...startLine(finality, ctx), LEGAL_BASES[finality.legalBasis].falc]),
      data: xs(finality.categories.filter((c) => !isNeverSent(c)).map(categoryLine)),
      dataNeverSentIntro: finality.categories.some(isNeverSent) ? x(NEVER_SENT_INTRO) : "",
      dataNeverSent: xs(finality.categories.filter(isNeverSent).map(categoryLine)),
      internal: x("À la mission locale, seules les personnes qui vous accompagnent voient votre dossier."),
      recipients: flowsOfFinality(finality.id).map((flow) => ({
        who: x(`${RECIPIENTS[flow.recipient].falc}.`),
        what: x(flowWhat(flow)),
        when: x(flow.trigger.falc),
        keep: x(flow.retentionAtRecipient.falc),
      })),
      retention: xs(describeRetentionForJeune(finality.retention, ctx)),
      rights: rightsFor(finality).map((offer) => ({
        right: offer.right,
        label: x(RIGHTS[offer.right].falc),
        availability: offer.availability,
        answer: AVAILABILITY_LABELS[offer.availability].falc,
        text: x(offer.falc),
      })),
      further: x(
        `Pour aller plus loin : base légale, ${LEGAL_BASES[finality.legalBasis].label.toLowerCase()} (${LEGAL_BASES[finality.legalBasis].article}) ; ${finality.references.map((r) => REFERENCES[r]).join(" ; ")}.`,
      ),
    })),
    rights: {
      heading: x("Comment faire une demande sur vos données ?"),
      ask: xs([
        "Parlez-en à votre conseiller. Il enregistre votre demande.",
        "Ou écrivez au délégué à la protection des données (DPO) de votre mission locale. C'est la personne chargée de protéger vos données.",
        "Vous pouvez aussi vous adresser à France Travail.",
      ]),
      free: xs([
        "C'est gratuit.",
        "Si on a un doute sur qui vous êtes, on peut vous demander une information en plus. Si on vous connaît déjà, on ne vous demande pas de copie de votre pièce d'identité.",
        "Si vous faites corriger, effacer ou bloquer vos données, la mission locale prévient aussi les organismes qui les ont reçues.",
      ]),
      delays: xs([
        "La mission locale vous répond dans un délai d'un mois.",
        "Si votre demande est compliquée, ou s'il y a beaucoup de demandes, ce délai peut être prolongé de deux mois. Dans ce cas, elle vous prévient avant la fin du premier mois et vous explique pourquoi.",
      ]),
      minors: x(
        "Vous avez moins de 18 ans ? Vous pouvez faire vos demandes vous-même. Vos parents ou votre représentant légal peuvent aussi vous aider.",
      ),
      further: x(
        `Pour aller plus loin : ${REFERENCES.rgpdDroits} (délai de réponse : art. 12-3 ; information des destinataires : art. 19) ; ${REFERENCES.loiInformatiqueLibertes} ; ${REFERENCES.arreteConjoint}.`,
      ),
    },
    complaint: {
      heading: x("Vous n'êtes pas d'accord avec la réponse ?"),
      cnil: x("Vous pouvez faire une réclamation à la CNIL. C'est l'autorité qui protège les données personnelles en France."),
      online: x("Sur internet : cnil.fr"),
      postal: x("Par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07"),
      court: x("Vous pouvez aussi aller devant un juge, au tribunal."),
      further: x(`Pour aller plus loin : ${REFERENCES.rgpdRecours}.`),
    },
  };
}
