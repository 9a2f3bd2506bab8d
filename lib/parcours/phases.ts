/**
 * PACEA phases (domain §3): a diagnostic first, then accompaniment phases with objectives, each with a
 * start and an end (inclusive civil dates, same convention as lib/parcours/contrats.ts).
 * Gaps between phases are allowed (a pause in the accompaniment); overlaps are not.
 */
import { compare, type CivilDate } from "@/lib/calendar/civil-date";
import type { Refusal } from "./contrats";
import { formatLongCivilDate } from "@/lib/format/fr";

export type PhaseKind = "diagnostic" | "accompagnement";

export const PHASE_LABELS: Record<PhaseKind, string> = { diagnostic: "diagnostic", accompagnement: "accompagnement" };

export interface Period {
  start: CivilDate;
  /** Last day, inclusive. */
  end: CivilDate;
}

export interface Phase extends Period {
  kind: PhaseKind;
}

export type PhaseRefusalCode = "no_phase" | "end_before_start" | "first_not_diagnostic" | "overlap" | "before_contract" | "after_contract";

/** A refusal names the phase by its 1-based rank in date order, and gives its index in the input list. */
export interface PhaseRefusal extends Refusal<PhaseRefusalCode> {
  phaseIndex: number | null;
}

export type PhasesResult = { ok: true } | { ok: false; refusals: PhaseRefusal[] };

function describe(rank: number, phase: Phase): string {
  return `La phase ${rank} (${PHASE_LABELS[phase.kind]}, du ${formatLongCivilDate(phase.start)} au ${formatLongCivilDate(phase.end)})`;
}

/** Every problem at once; phases may be given in any order (they are checked in date order). */
export function checkPhases(contract: Period, phases: readonly Phase[]): PhasesResult {
  const refusals: PhaseRefusal[] = [];
  if (phases.length === 0) {
    return {
      ok: false,
      refusals: [
        {
          code: "no_phase",
          phaseIndex: null,
          message: "Un PACEA commence par une phase de diagnostic : ajoutez-la avec ses dates de début et de fin.",
        },
      ],
    };
  }
  const ordered = phases
    .map((phase, index) => ({ phase, index }))
    .sort((a, b) => compare(a.phase.start, b.phase.start) || compare(a.phase.end, b.phase.end));

  ordered.forEach(({ phase, index }, i) => {
    const rank = i + 1;
    if (compare(phase.end, phase.start) < 0) {
      refusals.push({
        code: "end_before_start",
        phaseIndex: index,
        message: `La phase ${rank} (${PHASE_LABELS[phase.kind]}) se termine le ${formatLongCivilDate(phase.end)}, avant son début le ${formatLongCivilDate(phase.start)} : corrigez ses dates.`,
      });
      return;
    }
    if (compare(phase.start, contract.start) < 0) {
      refusals.push({
        code: "before_contract",
        phaseIndex: index,
        message: `${describe(rank, phase)} commence avant le contrat, qui débute le ${formatLongCivilDate(contract.start)}.`,
      });
    }
    if (compare(phase.end, contract.end) > 0) {
      refusals.push({
        code: "after_contract",
        phaseIndex: index,
        message: `${describe(rank, phase)} se termine après la fin du contrat, le ${formatLongCivilDate(contract.end)}. Raccourcissez la phase ou prolongez le contrat (24 mois au plus).`,
      });
    }
  });

  const first = ordered[0];
  if (first && first.phase.kind !== "diagnostic") {
    refusals.push({
      code: "first_not_diagnostic",
      phaseIndex: first.index,
      message: `La première phase d'un PACEA est le diagnostic, or la phase qui commence le ${formatLongCivilDate(first.phase.start)} est une phase d'accompagnement. Ajoutez le diagnostic avant elle, ou changez son type.`,
    });
  }

  // Inclusive ends: a phase may start at the earliest the day after every earlier phase has ended.
  let latestEnd: CivilDate | null = null;
  ordered.forEach(({ phase, index }, i) => {
    if (latestEnd !== null && compare(phase.start, latestEnd) <= 0) {
      refusals.push({
        code: "overlap",
        phaseIndex: index,
        message: `${describe(i + 1, phase)} chevauche la phase précédente, qui se termine le ${formatLongCivilDate(latestEnd)}. Une phase commence au plus tôt le lendemain de la fin de la précédente.`,
      });
    }
    if (latestEnd === null || compare(phase.end, latestEnd) > 0) latestEnd = phase.end;
  });

  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}
