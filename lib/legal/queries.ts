import "server-only";
import { getDb } from "@/db/client";
import type { CivilDate } from "@/lib/calendar/civil-date";
import type { SettingKey } from "@/lib/settings/definitions";
import { settingInForce } from "@/lib/settings/read";
import { logger } from "@/lib/log/logger";

/** A public page must render even when the setting is missing or malformed: null, and the page says so. */
async function inForce<K extends SettingKey>(key: K, today: CivilDate) {
  try {
    return (await settingInForce(await getDb(), key, today))?.value ?? null;
  } catch (error) {
    logger.error({ setting: key, err: { type: error instanceof Error ? error.name : typeof error } }, "setting unreadable");
    return null;
  }
}

/** The publisher, director of publication and host in force today (null until the setting exists). */
export function loadLegalNotice(today: CivilDate) {
  return inForce("site.mentions_legales", today);
}

/** The accessibility statement's state, date, audit date and contact in force today. */
export function loadAccessibilityStatement(today: CivilDate) {
  return inForce("site.accessibilite", today);
}

export type AccessibilityState = "non_conforme" | "partiellement_conforme" | "totalement_conforme";

/** RGAA wording of the state ("non conforme" until an audit measured otherwise). */
export const ACCESSIBILITY_STATE_LABELS: Record<AccessibilityState, string> = {
  non_conforme: "non conforme",
  partiellement_conforme: "partiellement conforme",
  totalement_conforme: "totalement conforme",
};

/** The state shown in every footer: without a dated audit, the statement can only say "non conforme". */
export async function accessibilityStateLabel(today: CivilDate): Promise<string> {
  const statement = await loadAccessibilityStatement(today);
  return ACCESSIBILITY_STATE_LABELS[statement?.auditLe ? statement.etat : "non_conforme"];
}
