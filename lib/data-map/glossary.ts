/** Acronyms the notice may use, with the words they stand for (explained at first use, ui.md "Words"). */
export const ACRONYMS = {
  RGPD: "règlement général sur la protection des données",
  CNIL: "Commission nationale de l'informatique et des libertés",
  DSIML: "direction des systèmes d'information des missions locales",
  PACEA: "parcours contractualisé d'accompagnement vers l'emploi et l'autonomie",
  CEJ: "contrat d'engagement jeune",
  C2S: "complémentaire santé solidaire",
  CNAM: "Caisse nationale de l'Assurance maladie",
  CPAM: "caisse primaire d'assurance maladie",
  ASP: "Agence de services et de paiement",
  RSA: "revenu de solidarité active",
  DGEFP: "délégation générale à l'emploi et à la formation professionnelle",
  DREETS: "directions régionales de l'économie, de l'emploi, du travail et des solidarités",
  CTE: "comités territoriaux pour l'emploi",
  RQTH: "reconnaissance de la qualité de travailleur handicapé",
  FSE: "Fonds social européen",
  IBAN: "numéro de compte bancaire international",
  NIR: "numéro de sécurité sociale",
  LFSS: "loi de financement de la sécurité sociale",
  DPO: "délégué à la protection des données",
} as const;

export type Acronym = keyof typeof ACRONYMS;
const NAMES = Object.keys(ACRONYMS) as Acronym[];

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replaceAll("’", "'")
    .toLowerCase();
}

function occurrence(acronym: Acronym): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, "u");
}

/**
 * True when `text` uses the acronym and says, in the same string, what it stands for: either its
 * meaning in full, or words followed by the acronym in brackets ("… vers l'emploi et l'autonomie (PACEA)").
 */
export function explainsAcronym(text: string, acronym: Acronym): boolean {
  if (!occurrence(acronym).test(text)) return false;
  return fold(text).includes(fold(ACRONYMS[acronym])) || new RegExp(`\\p{L}{3,} \\(${acronym}\\)`, "u").test(text);
}

export function usesAcronym(text: string, acronym: Acronym): boolean {
  return occurrence(acronym).test(text);
}

/**
 * Returns a function to pass every text of a page through, in reading order: the first use of each
 * acronym gets its meaning in brackets ("ASP (Agence de services et de paiement)") unless the same text
 * already spells it out; later uses stay short.
 */
export function createAcronymExplainer(): (text: string) => string {
  const explained = new Set<Acronym>();
  return (text) => {
    let out = text;
    for (const acronym of NAMES) {
      if (explained.has(acronym) || !usesAcronym(out, acronym)) continue;
      explained.add(acronym);
      if (explainsAcronym(out, acronym)) continue;
      out = out.replace(occurrence(acronym), `${acronym} (${ACRONYMS[acronym]})`);
    }
    return out;
  };
}
