import { z } from "zod";
import { checkbox } from "@/lib/validation/fields";
import { STAFF_ROLE_VALUES } from "./params";

const compteId = z.uuid({ error: "Compte inconnu : rechargez la page." });
/** users has no version column: the form carries the account's updated_at (milliseconds) as its optimistic lock. */
const version = z.coerce.number({ error: "Version manquante : rechargez la page." }).int().min(0);
const optionalUuid = (message: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid({ error: message }).optional());

export const changeRoleSchema = z.object({
  compteId,
  version,
  role: z.enum(STAFF_ROLE_VALUES, { error: "Choisissez un rôle." }),
  /** Required when the account has no structure yet (a former admin becoming a director…). */
  structureId: optionalUuid("Choisissez une mission locale."),
});

export const moveSchema = z.object({
  compteId,
  version,
  structureId: z.uuid({ error: "Choisissez une mission locale." }),
  antenneId: optionalUuid("Choisissez une antenne de la liste."),
});

export const deactivateSchema = z.object({
  compteId,
  version,
  confirmation: checkbox.refine((v) => v, { error: "Cochez la case pour confirmer la désactivation." }),
});

export const reactivateSchema = z.object({ compteId, version });

/** Add or remove one mission locale of an account (memberships); the home one is changed by moving the account. */
export const membershipSchema = z.object({
  compteId,
  version,
  structureId: z.uuid({ error: "Choisissez une mission locale de la liste." }),
});

/** The mission locale the current session works in, among the account's own. */
export const switchStructureSchema = z.object({
  structureId: z.uuid({ error: "Choisissez une de vos missions locales." }),
});
