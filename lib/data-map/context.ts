import type { z } from "zod";
import type { CivilDate } from "@/lib/calendar/civil-date";
import type { SETTING_DEFINITIONS } from "@/lib/settings/definitions";

export type RetentionSettings = z.output<(typeof SETTING_DEFINITIONS)["conservation.regles"]["schema"]>;

/** The dated values the generated notice and register quote, read from `settings` (see queries.ts). */
export interface DataMapContext {
  today: CivilDate;
  /** `conservation.regles` in force today; null when the setting has no value yet. */
  retention: RetentionSettings | null;
  /** `c2s.presomption.date_debut`: in force today, else the next announced one; null when unknown. */
  c2sStartDate: CivilDate | null;
}
