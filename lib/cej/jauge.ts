/**
 * CEJ weekly gauge (domain §4: 15 to 20 hours of activities a week). Pure: the weights and the target
 * come from the dated settings `cej.heures.ponderation` and `cej.heures.objectif_hebdo`.
 *
 * Choices (documented for the counsellor-facing help):
 * - Each activity counts its weight from the settings, never its own `durationMinutes`: the weights are
 *   the agreed accounting unit (a workshop counts 4 h however long it ran), they are data the direction
 *   can change, and two counsellors get the same gauge for the same week. `durationMinutes` is kept for
 *   display only.
 * - "Declared" = every activity that was planned and not cancelled: planned, done, and absences (excused
 *   or not, the young person had committed to them). "Validated" = done only.
 * - `reached` and `manque` are about validated time (what the young person actually did);
 *   `manqueDeclarees` tells whether what is planned can still reach the target.
 */
import type { CivilDate } from "@/lib/calendar/civil-date";
import { isInWeek, type IsoWeek } from "@/lib/calendar/iso-week";

export type ActivityKind = "action_emploi_formation" | "autre_action" | "atelier" | "information_collective" | "rendez_vous_individuel";

export type ActivityStatus = "prevue" | "realisee" | "annulee" | "absent_excuse" | "absent_non_excuse";

export interface CejActivity {
  kind: ActivityKind;
  date: CivilDate;
  statut: ActivityStatus;
  /** Informative only: the gauge counts the weight of the kind (see above). */
  durationMinutes?: number | null;
}

/** The value of the setting `cej.heures.ponderation` (minutes counted per activity kind). */
export interface ActivityWeights {
  actionEmploiFormation: number;
  autreAction: number;
  atelier: number;
  informationCollective: number;
  rendezVousIndividuel: number;
}

export const WEIGHT_KEY: Readonly<Record<ActivityKind, keyof ActivityWeights>> = Object.freeze({
  action_emploi_formation: "actionEmploiFormation",
  autre_action: "autreAction",
  atelier: "atelier",
  information_collective: "informationCollective",
  rendez_vous_individuel: "rendezVousIndividuel",
});

const DECLARED: ReadonlySet<ActivityStatus> = new Set(["prevue", "realisee", "absent_excuse", "absent_non_excuse"]);

export interface WeeklyGauge {
  declareesMinutes: number;
  valideesMinutes: number;
  targetMinutes: number;
  /** Validated minutes reach the target. */
  reached: boolean;
  /** Minutes still to validate to reach the target (0 when reached). */
  manque: number;
  /** Minutes still to plan so that the declared activities reach the target (0 when they do). */
  manqueDeclarees: number;
}

/** Whether the activity counts in the declared hours (planned, done or missed; not cancelled). */
export function isDeclared(statut: ActivityStatus): boolean {
  return DECLARED.has(statut);
}

export function activityMinutes(activity: CejActivity, weights: ActivityWeights): number {
  return weights[WEIGHT_KEY[activity.kind]];
}

export function weeklyGauge(
  activities: readonly CejActivity[],
  weights: ActivityWeights,
  targetMinutes: number,
  week: Pick<IsoWeek, "start" | "end">,
): WeeklyGauge {
  let declareesMinutes = 0;
  let valideesMinutes = 0;
  for (const activity of activities) {
    if (!isInWeek(activity.date, week) || !DECLARED.has(activity.statut)) continue;
    const minutes = activityMinutes(activity, weights);
    declareesMinutes += minutes;
    if (activity.statut === "realisee") valideesMinutes += minutes;
  }
  return {
    declareesMinutes,
    valideesMinutes,
    targetMinutes,
    reached: valideesMinutes >= targetMinutes,
    manque: Math.max(0, targetMinutes - valideesMinutes),
    manqueDeclarees: Math.max(0, targetMinutes - declareesMinutes),
  };
}
