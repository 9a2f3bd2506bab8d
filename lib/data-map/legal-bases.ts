/**
 * Legal bases of GDPR art. 6-1 that the data map may use. Consent and contract are listed so that the
 * rights derivation (rights.ts) is complete, although every finality of the mission locale rests on a
 * public-interest task (décret 2015-59 art. 1 bis) or a legal obligation.
 */
export const LEGAL_BASES = {
  "6-1-a": {
    label: "Consentement",
    article: "RGPD, art. 6-1-a",
    falc: "Vous avez donné votre accord.",
  },
  "6-1-b": {
    label: "Exécution d'un contrat",
    article: "RGPD, art. 6-1-b",
    falc: "C'est nécessaire pour un contrat que vous avez signé.",
  },
  "6-1-c": {
    label: "Obligation légale",
    article: "RGPD, art. 6-1-c",
    falc: "La loi oblige la mission locale à le faire.",
  },
  "6-1-e": {
    label: "Mission d'intérêt public",
    article: "RGPD, art. 6-1-e",
    falc: "C'est une mission de service public que la loi confie à la mission locale.",
  },
} as const satisfies Record<string, { label: string; article: string; falc: string }>;

export type LegalBasisId = keyof typeof LEGAL_BASES;

/** "Mission d'intérêt public (RGPD, art. 6-1-e)". */
export function legalBasisLabel(id: LegalBasisId): string {
  const basis = LEGAL_BASES[id];
  return `${basis.label} (${basis.article})`;
}
