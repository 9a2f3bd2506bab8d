/**
 * Puts checkPhases' refusals next to the fields of the phase being written (add or edit), so the
 * counsellor sees each problem where it can be fixed. Pure; unit-tested.
 */
import { compare } from "@/lib/calendar/civil-date";
import type { Phase, PhaseRefusal } from "./phases";

export type PhaseField = "type" | "debut" | "fin";

/**
 * `phases` is the full set checked, `edited` the index of the phase from the form. A refusal about
 * another phase is caused by the edited one (the others were valid before): it goes to the edited
 * phase's field that created the clash.
 */
export function phaseFieldErrors(
  refusals: readonly PhaseRefusal[],
  phases: readonly Phase[],
  edited: number,
): Partial<Record<PhaseField, string[]>> {
  const out: Partial<Record<PhaseField, string[]>> = {};
  const add = (field: PhaseField, message: string) => {
    (out[field] ??= []).push(message);
  };
  const mine = phases[edited]!;
  for (const r of refusals) {
    const own = r.phaseIndex === edited;
    switch (r.code) {
      case "no_phase":
      case "first_not_diagnostic":
        add(own ? "type" : "debut", r.message);
        break;
      case "before_contract":
        add("debut", r.message);
        break;
      case "after_contract":
      case "end_before_start":
        add("fin", r.message);
        break;
      case "overlap": {
        // Own phase overlaps an earlier one: move its start. Another phase overlaps ours: our end runs into it.
        const other = r.phaseIndex === null ? null : phases[r.phaseIndex];
        add(own || (other && compare(other.start, mine.start) < 0) ? "debut" : "fin", r.message);
        break;
      }
    }
  }
  return out;
}
