/**
 * "Mes informations, expliquées": for each finality that applies to this young person (their contracts
 * and allowance), what is done, why, on which legal basis, who receives it, how long it is kept and which
 * rights apply — generated from the data map (lib/data-map/), never written by hand. Under 18 the texts
 * speak to a minor: their parents are told, and they may ask alone from 15 (loi Informatique et Libertés,
 * art. 45); the CEJ allowance of a minor has its own amount (code du travail D5131-19).
 */
import { compare, type CivilDate } from "@/lib/calendar/civil-date";
import { formatLongCivilDate } from "@/lib/format/fr";
import { DATA_CATEGORIES, type CategoryId } from "@/lib/data-map/categories";
import type { DataMapContext } from "@/lib/data-map/context";
import { FINALITY_LIST, type Finality, type FinalityId } from "@/lib/data-map/finalities";
import { flowsOfFinality, type Flow } from "@/lib/data-map/flows";
import { createAcronymExplainer } from "@/lib/data-map/glossary";
import { LEGAL_BASES } from "@/lib/data-map/legal-bases";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { REFERENCES } from "@/lib/data-map/references";
import { describeRetentionForJeune } from "@/lib/data-map/retention";
import { AVAILABILITY_LABELS, RIGHTS, rightsFor, type Availability, type RightId } from "@/lib/data-map/rights";
import { ageOn } from "@/lib/jeunes/rules";
import { capitalise, sentData } from "./journey";

/** What the finalities of a person are computed from: their pathway, not a URL. */
export interface PathwayFacts {
  dispositif: "aucun" | "PACEA" | "CEJ";
  /** Types of every contract they had, running or ended. */
  contractTypes: readonly ("PACEA" | "CEJ")[];
  /** Months with an allowance decision above zero, by programme. */
  allowance: { cej: boolean; pacea: boolean };
}

/**
 * The finalities that apply: support always; PACEA and CEJ when they had one; the allowance's payment
 * when one was granted; the C2S for a CEJ allowance (CSS L861-2); statistics and rights always.
 */
export function finalitiesOf(facts: PathwayFacts): FinalityId[] {
  const had = (t: "PACEA" | "CEJ") => facts.dispositif === t || facts.contractTypes.includes(t);
  const own = new Set<FinalityId>(["accompagnement", "statistiques", "droits"]);
  if (had("PACEA")) own.add("pacea");
  if (had("CEJ")) own.add("cej");
  if (facts.allowance.cej || facts.allowance.pacea) own.add("allocation");
  if (facts.allowance.cej) own.add("c2s");
  return FINALITY_LIST.filter((f) => own.has(f.id)).map((f) => f.id);
}

/** Under 18 on `today` (born on 29 February: 18 on 1 March of a common year, as lib/jeunes/rules.ts counts). */
export function isMinor(dateNaissance: CivilDate, today: CivilDate): boolean {
  return ageOn(dateNaissance, today) < 18;
}

export interface MyRecipient {
  who: string;
  what: string;
  when: string;
  keep: string;
}

export interface MyRight {
  right: RightId;
  label: string;
  availability: Availability;
  answer: string;
  text: string;
}

export interface MyFinality {
  id: FinalityId;
  title: string;
  /** What is done and why, one idea a sentence. */
  why: string[];
  /** The legal basis, in plain words. */
  basis: string;
  data: string[];
  /** Data that stay at the mission locale (sensitive, the counsellor's notes). */
  dataKept: string[];
  recipients: MyRecipient[];
  retention: string[];
  rights: MyRight[];
  further: string;
}

export interface MyInformation {
  minor: boolean;
  intro: string[];
  finalities: MyFinality[];
  ask: string[];
}

function isKeptInside(category: CategoryId): boolean {
  return Object.values(DATA_CATEGORIES[category].fields).some((f) => "sensitive" in f || "neverTransmitted" in f);
}

function flowWhat(flow: Flow): string {
  if (flow.pseudonymised) return "Des chiffres sans votre nom, sans votre adresse et sans votre numéro de sécurité sociale.";
  return `${capitalise(sentData(flow.fields, flow.finality))}.`;
}

function startLine(finality: Finality, ctx: DataMapContext): string[] {
  if (finality.startSetting !== "c2s.presomption.date_debut" || !ctx.c2sStartDate) return [];
  const date = formatLongCivilDate(ctx.c2sStartDate);
  return [
    compare(ctx.c2sStartDate, ctx.today) <= 0
      ? `La mission locale le fait depuis le ${date}.`
      : `La mission locale le fera à partir du ${date}.`,
  ];
}

/** Lines a minor reads in addition, per finality. */
const MINOR_WHY: Partial<Record<FinalityId, string>> = {
  accompagnement:
    "Vous avez moins de 18 ans : vos parents, ou la personne responsable de vous, sont prévenus de votre accompagnement. La mission locale peut noter leurs coordonnées.",
  allocation: "Vous avez moins de 18 ans : le montant de l'allocation du CEJ est plus petit que pour un adulte.",
};

const MINOR_RIGHTS = "Vous pouvez faire cette demande vous-même, dès 15 ans. Vos parents peuvent aussi vous aider, si vous le voulez.";

/** The explanations for one person: their finalities, in the data map's order, in their words. */
export function buildMyInformation(input: { finalities: readonly FinalityId[]; minor: boolean; ctx: DataMapContext }): MyInformation {
  const x = createAcronymExplainer();
  const xs = (texts: readonly string[]) => texts.map(x);
  const { minor, ctx } = input;
  const intro = xs([
    "Cette page explique ce que la mission locale fait avec vos informations.",
    "Il y a une partie pour chaque usage de vos données qui vous concerne.",
    ...(minor
      ? [
          "Vous avez moins de 18 ans. Cette page est écrite pour vous.",
          "Vous avez les mêmes droits qu'un adulte sur vos données. Vous pouvez les utiliser seul, dès 15 ans.",
        ]
      : []),
  ]);
  const finalities = FINALITY_LIST.filter((f) => input.finalities.includes(f.id)).map((finality) => {
    const basis = LEGAL_BASES[finality.legalBasis];
    return {
      id: finality.id,
      title: x(finality.falc.title),
      why: xs([...finality.falc.why, ...startLine(finality, ctx), ...(minor && MINOR_WHY[finality.id] ? [MINOR_WHY[finality.id]!] : [])]),
      basis: x(basis.falc),
      data: xs(finality.categories.filter((c) => !isKeptInside(c)).map((c) => `${DATA_CATEGORIES[c].falc}.`)),
      dataKept: xs(finality.categories.filter(isKeptInside).map((c) => `${DATA_CATEGORIES[c].falc}.`)),
      recipients: flowsOfFinality(finality.id).map((flow) => ({
        who: x(RECIPIENTS[flow.recipient].falc),
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
        text: x(minor && offer.availability !== "non" ? `${offer.falc} ${MINOR_RIGHTS}` : offer.falc),
      })),
      further: x(
        `Pour aller plus loin : ${basis.label.toLowerCase()} (${basis.article}) ; ${finality.references.map((r) => REFERENCES[r]).join(" ; ")}.`,
      ),
    } satisfies MyFinality;
  });
  const ask = xs(
    minor
      ? [
          "Vous avez une question ? Vous voulez voir, corriger ou bloquer vos données ?",
          "Faites une demande depuis votre espace. C'est gratuit. Vous n'avez pas besoin de l'accord de vos parents.",
          "Vous pouvez aussi en parler à votre conseiller, ou demander à un adulte de confiance de vous aider.",
        ]
      : [
          "Vous avez une question ? Vous voulez voir, corriger ou bloquer vos données ?",
          "Faites une demande depuis votre espace. C'est gratuit.",
          "Vous pouvez aussi en parler à votre conseiller.",
        ],
  );
  return { minor, intro, finalities, ask };
}
