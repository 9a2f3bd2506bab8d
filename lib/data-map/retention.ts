import type { DataMapContext, RetentionSettings } from "./context";

type RetentionKey = keyof RetentionSettings;

/**
 * A retention rule as data: the numbers come from the `conservation.regles` setting (décret 2015-59,
 * retention article), never from code, so an admin can follow the law when it moves.
 */
export type RetentionRule =
  /** Until the maximum age of L5314-2 (`ageSetting` révolus) plus `setting` years; longer while a programme runs. */
  | { kind: "age_plus_years"; ageSetting: "dossierAgeMaxAns"; setting: "dossierAnneesApresAgeMax" }
  /** `setting` years after the end of an event (the CEJ contract). */
  | {
      kind: "years_after_end";
      setting: "cejAnneesApresFin";
      end: { staff: string; falc: string };
      appliesTo: { staff: string; falc: string };
    }
  /** `setting` years after the last record, for one purpose only (ESF audits). */
  | { kind: "years_after_last_record"; setting: "fseAnneesApresDernierEnregistrement"; purpose: { staff: string; falc: string } };

export interface RetentionPolicy {
  rules: readonly RetentionRule[];
  /** What happens at the end: identity erased, statistics kept (domain.md §7). */
  then: "anonymisation";
}

export const DOSSIER_RETENTION = {
  rules: [
    { kind: "age_plus_years", ageSetting: "dossierAgeMaxAns", setting: "dossierAnneesApresAgeMax" },
    {
      kind: "years_after_end",
      setting: "cejAnneesApresFin",
      end: { staff: "la fin du contrat", falc: "la fin de votre contrat" },
      appliesTo: { staff: "Bénéficiaires du CEJ", falc: "Si vous avez eu un contrat d'engagement jeune (CEJ)" },
    },
  ],
  then: "anonymisation",
} as const satisfies RetentionPolicy;

const MISSING = {
  staff: "durée fixée par le décret n° 2015-59 (paramètre « Durées de conservation » à renseigner)",
  falc: "la durée prévue par la loi",
};

function value(ctx: DataMapContext, key: RetentionKey): number | null {
  return ctx.retention ? ctx.retention[key] : null;
}

function years(n: number): string {
  return n > 1 ? `${n} ans` : `${n} an`;
}

/** One sentence per rule, then the end-of-retention step; for the register and the exports. */
export function describeRetentionForStaff(policy: RetentionPolicy, ctx: DataMapContext): string[] {
  const lines = policy.rules.map((rule) => {
    switch (rule.kind) {
      case "age_plus_years": {
        const age = value(ctx, rule.ageSetting);
        const after = value(ctx, rule.setting);
        if (age === null || after === null) return `Dossier : ${MISSING.staff}.`;
        return `Dossier : jusqu'à la veille des ${age + 1 + after} ans (${age} ans révolus, âge maximal de l'art. L5314-2 du code du travail, + ${years(after)}) ; prolongé jusqu'à la fin d'un programme en cours.`;
      }
      case "years_after_end": {
        const n = value(ctx, rule.setting);
        return `${rule.appliesTo.staff} : ${n === null ? MISSING.staff : `${years(n)} après ${rule.end.staff}`}.`;
      }
      case "years_after_last_record": {
        const n = value(ctx, rule.setting);
        return `${rule.purpose.staff} : ${n === null ? MISSING.staff : `${years(n)} après le dernier enregistrement`}, pour ce seul usage.`;
      }
    }
  });
  if (policy.rules.length > 1) lines.push("La date la plus tardive s'applique.");
  lines.push("Puis anonymisation : identité effacée, statistiques conservées.");
  return lines;
}

/** The same, in plain words for the young person. */
export function describeRetentionForJeune(policy: RetentionPolicy, ctx: DataMapContext): string[] {
  const lines = policy.rules.map((rule) => {
    switch (rule.kind) {
      case "age_plus_years": {
        const age = value(ctx, rule.ageSetting);
        const after = value(ctx, rule.setting);
        if (age === null || after === null) return `La mission locale garde votre dossier pendant ${MISSING.falc}.`;
        return `La mission locale garde votre dossier jusqu'à vos ${age + 1 + after} ans. Si vous êtes encore accompagné à ce moment-là, elle le garde jusqu'à la fin de votre accompagnement.`;
      }
      case "years_after_end": {
        const n = value(ctx, rule.setting);
        return `${rule.appliesTo.falc} : ${n === null ? MISSING.falc : `${years(n)} après ${rule.end.falc}`}.`;
      }
      case "years_after_last_record": {
        const n = value(ctx, rule.setting);
        return `${rule.purpose.falc} : ${n === null ? MISSING.falc : `${years(n)}`}.`;
      }
    }
  });
  lines.push("Ensuite, votre nom et vos informations sont effacés. On garde seulement des chiffres, sans votre nom.");
  return lines;
}
