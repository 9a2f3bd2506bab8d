/**
 * Every write definition of Sillage, by module: what runAction may run. Tests walk it (each write that
 * targets a young person goes through the dossier gate; the authorisation matrix), and a test fails when
 * a module of lib/ exports a definition that is not listed here.
 */
import * as actionsJeune from "@/lib/actions-jeune/write";
import type { ActionDefinition } from "@/lib/actions/run";
import * as affectations from "@/lib/affectations/reassign";
import * as agendaParticipations from "@/lib/agenda/participations";
import * as agendaSeances from "@/lib/agenda/seances";
import * as allocation from "@/lib/allocation/decisions";
import * as breakGlass from "@/lib/dossier/break-glass";
import * as droitsIntake from "@/lib/droits/intake";
import * as droitsTraitement from "@/lib/droits/traitement";
import * as droitsTransitions from "@/lib/droits/transitions";
import * as jeunesArchive from "@/lib/jeunes/archive";
import * as nirReveal from "@/lib/jeunes/nir-reveal";
import * as jeunesSave from "@/lib/jeunes/save";
import * as contrats from "@/lib/parcours/contrat-writes";
import * as phases from "@/lib/parcours/phase-writes";
import * as sanctions from "@/lib/sanctions/transitions";
import * as settings from "@/lib/settings/create";
import * as transmissionsRetry from "@/lib/transmissions/retry";
import * as transmissionsSendNow from "@/lib/transmissions/send-now";

// biome-ignore lint/suspicious/noExplicitAny: definitions of every input and result type live side by side here.
export type AnyActionDefinition = ActionDefinition<any, any>;

export function isActionDefinition(value: unknown): value is AnyActionDefinition {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && typeof v.handler === "function" && typeof v.capability === "string" && "schema" in v;
}

export const ACTION_MODULES = {
  "actions-jeune/write": actionsJeune,
  "affectations/reassign": affectations,
  "agenda/participations": agendaParticipations,
  "agenda/seances": agendaSeances,
  "allocation/decisions": allocation,
  "dossier/break-glass": breakGlass,
  "droits/intake": droitsIntake,
  "droits/traitement": droitsTraitement,
  "droits/transitions": droitsTransitions,
  "jeunes/archive": jeunesArchive,
  "jeunes/nir-reveal": nirReveal,
  "jeunes/save": jeunesSave,
  "parcours/contrat-writes": contrats,
  "parcours/phase-writes": phases,
  "sanctions/transitions": sanctions,
  "settings/create": settings,
  "transmissions/retry": transmissionsRetry,
  "transmissions/send-now": transmissionsSendNow,
} as const;

/** "module.export" → definition, for every definition the listed modules export. */
export const ACTION_REGISTRY: Readonly<Record<string, AnyActionDefinition>> = Object.fromEntries(
  Object.entries(ACTION_MODULES).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => isActionDefinition(value))
      .map(([name, value]) => [`${module}.${name}`, value as AnyActionDefinition]),
  ),
);
