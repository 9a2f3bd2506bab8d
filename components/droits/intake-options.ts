import { addMonths, type CivilDate } from "@/lib/calendar/civil-date";
import { FINALITES } from "@/lib/droits/finalites";
import { IDENTITE_METHODES, TYPE_HINTS, TYPE_LABELS } from "@/lib/droits/labels";
import { OFFERED_TYPES } from "@/lib/droits/schema";
import type { IntakeOptions } from "./intake-form";

/** Choices of the intake forms, built on the server (the client form gets plain options). */
export function intakeOptions(today: CivilDate): IntakeOptions {
  return {
    types: OFFERED_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t], hint: TYPE_HINTS[t] })),
    finalites: FINALITES.map((f) => ({ value: f.id, label: f.label })),
    today,
    earliest: addMonths(today, -12),
  };
}

/** How the DPO may confirm identity (signing in to the space is the young person's own door). */
export const METHODE_OPTIONS = Object.entries(IDENTITE_METHODES)
  .filter(([value]) => value !== "espace")
  .map(([value, label]) => ({ value, label }));
