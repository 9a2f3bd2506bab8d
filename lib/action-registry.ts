/**
 * Every write definition of Sillage, by module: what runAction may run. Tests walk it (each write that
 * targets a young person goes through the dossier gate; the authorisation matrix), and a test fails when
 * a module of lib/ exports a definition that is not listed here.
 */
import * as actionsJeune from "@/lib/actions-jeune/writes";
import type { ActionDefinition } from "@/lib/actions/run";
import * as affectations from "@/lib/affectations/writes";
import * as agendaParticipations from "@/lib/agenda/participation-writes";
import * as agendaSeances from "@/lib/agenda/seance-writes";
import * as allocation from "@/lib/allocation/decision-writes";
import * as comptesMemberships from "@/lib/comptes/membership-writes";
import * as comptesStructureSwitch from "@/lib/comptes/structure-switch-writes";
import * as invitations from "@/lib/comptes/invitation-writes";
import * as comptes from "@/lib/comptes/writes";
import * as breakGlass from "@/lib/dossier/break-glass-writes";
import * as espaceInvitation from "@/lib/espace/invitation-writes";
import * as droitsDocuments from "@/lib/droits/document-writes";
import * as droitsIntake from "@/lib/droits/intake-writes";
import * as droitsPack from "@/lib/droits/pack-writes";
import * as droitsTraitement from "@/lib/droits/traitement-writes";
import * as droitsTransitions from "@/lib/droits/transition-writes";
import * as jeunesArchive from "@/lib/jeunes/archive-writes";
import * as nirReveal from "@/lib/jeunes/nir-reveal-writes";
import * as jeunesSave from "@/lib/jeunes/writes";
import * as mail from "@/lib/mail/writes";
import * as mfa from "@/lib/mfa/writes";
import * as contrats from "@/lib/parcours/contrat-writes";
import * as phases from "@/lib/parcours/phase-writes";
import * as retention from "@/lib/retention/writes";
import * as sanctions from "@/lib/sanctions/writes";
import * as sessions from "@/lib/sessions/writes";
import * as settings from "@/lib/settings/writes";
import * as structuresAdmin from "@/lib/structures/writes";
import * as transmissionsRetry from "@/lib/transmissions/retry-writes";
import * as transmissionsSendNow from "@/lib/transmissions/send-now-writes";

// biome-ignore lint/suspicious/noExplicitAny: definitions of every input and result type live side by side here.
export type AnyActionDefinition = ActionDefinition<any, any>;

export function isActionDefinition(value: unknown): value is AnyActionDefinition {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && typeof v.handler === "function" && typeof v.capability === "string" && "schema" in v;
}

export const ACTION_MODULES = {
  "actions-jeune/writes": actionsJeune,
  "affectations/writes": affectations,
  "agenda/participation-writes": agendaParticipations,
  "agenda/seance-writes": agendaSeances,
  "allocation/decision-writes": allocation,
  "comptes/invitation-writes": invitations,
  "comptes/writes": comptes,
  "comptes/membership-writes": comptesMemberships,
  "comptes/structure-switch-writes": comptesStructureSwitch,
  "dossier/break-glass-writes": breakGlass,
  "droits/document-writes": droitsDocuments,
  "droits/intake-writes": droitsIntake,
  "espace/invitation-writes": espaceInvitation,
  "droits/pack-writes": droitsPack,
  "droits/traitement-writes": droitsTraitement,
  "droits/transition-writes": droitsTransitions,
  "jeunes/archive-writes": jeunesArchive,
  "jeunes/nir-reveal-writes": nirReveal,
  "jeunes/writes": jeunesSave,
  "mail/writes": mail,
  "mfa/writes": mfa,
  "parcours/contrat-writes": contrats,
  "parcours/phase-writes": phases,
  "retention/writes": retention,
  "sanctions/writes": sanctions,
  "sessions/writes": sessions,
  "settings/writes": settings,
  "structures/writes": structuresAdmin,
  "transmissions/retry-writes": transmissionsRetry,
  "transmissions/send-now-writes": transmissionsSendNow,
} as const;

/** "module.export" → definition, for every definition the listed modules export. */
export const ACTION_REGISTRY: Readonly<Record<string, AnyActionDefinition>> = Object.fromEntries(
  Object.entries(ACTION_MODULES).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => isActionDefinition(value))
      .map(([name, value]) => [`${module}.${name}`, value as AnyActionDefinition]),
  ),
);
