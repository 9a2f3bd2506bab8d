/**
 * The effect on the allowance a director decided (column `sanctions.effet`), built from the rung the
 * ladder proposed and the director's choices within its bounds. Pure.
 *
 * Choices (to confirm with the direction):
 * - A decided effect is a share of the allowance (`pourcentage`, 1–100) withheld for `mois` consecutive
 *   months from `premierMois`; a definitive withdrawal has `mois = null` (every month from `premierMois`).
 * - Fixed rungs (2022 CEJ ladder) take their value; ranges (suspension-remobilisation) are chosen by the
 *   director inside the range; an unknown rung ("à préciser") accepts 1–100 % for 1–12 months.
 * - A suspension "lifted on compliance" stops at `leveeLe` once recorded: months from the month AFTER it
 *   are no longer affected.
 */
import { z } from "zod";
import { isValidCivilDate } from "@/lib/calendar/civil-date";
import { formatShortDate } from "@/lib/format/fr";
import { addToMonth, monthOf } from "@/lib/calendar/months";
import type { AllowanceEffect, AllowanceEffectKind } from "./bareme";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const decidedEffectSchema = z.strictObject({
  kind: z.enum(["reduction", "suppression", "suspension", "suppression_partielle_ou_totale", "suppression_definitive", "a_preciser"]),
  pourcentage: z.number().int().min(1).max(100),
  /** null: definitive. */
  mois: z.number().int().min(1).max(24).nullable(),
  premierMois: z.string().regex(MONTH),
  leveeSiRemobilisation: z.boolean(),
  finContrat: z.boolean(),
  /** Civil date the suspension was lifted (the young person complied again), if it was. */
  leveeLe: z.string().refine(isValidCivilDate).nullable().optional(),
});

export type DecidedEffect = z.output<typeof decidedEffectSchema>;

/** The stored effect, or null when the row holds none or something unreadable. */
export function readDecidedEffect(value: unknown): DecidedEffect | null {
  const parsed = decidedEffectSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Last month affected, null when definitive (and not lifted). */
export function lastAffectedMonth(effect: DecidedEffect): string | null {
  const planned = effect.mois === null ? null : addToMonth(effect.premierMois, effect.mois - 1);
  if (!effect.leveeLe) return planned;
  const lifted = monthOf(effect.leveeLe);
  return planned === null || lifted < planned ? lifted : planned;
}

/** True when the effect withholds part of the allowance of `month`. */
export function effectCovers(effect: DecidedEffect, month: string): boolean {
  if (month < effect.premierMois) return false;
  const last = lastAffectedMonth(effect);
  return last === null || month <= last;
}

export type EffectChoiceError = { field: "pourcentage" | "mois"; message: string };

export interface EffectChoice {
  /** The director's choices (ignored when the rung fixes them). */
  pourcentage?: number | null;
  mois?: number | null;
  premierMois: string;
}

/** Bounds the director may choose from for a proposed rung. */
export function effectBounds(effect: AllowanceEffect): {
  pourcentage: { min: number; max: number };
  mois: { min: number; max: number } | null;
  fixed: boolean;
} {
  const pourcentage = effect.percent ?? { min: 1, max: 100 };
  const mois = effect.kind === "suppression_definitive" ? null : (effect.months ?? { min: 1, max: 12 });
  const fixed = pourcentage.min === pourcentage.max && (mois === null || mois.min === mois.max);
  return { pourcentage, mois, fixed };
}

/** The decided effect, or the field errors (French) when a choice is outside the rung's bounds. */
export function decideEffect(
  proposed: AllowanceEffect,
  choice: EffectChoice,
): { ok: true; effect: DecidedEffect } | { ok: false; errors: EffectChoiceError[] } {
  const bounds = effectBounds(proposed);
  const errors: EffectChoiceError[] = [];
  let pourcentage = bounds.pourcentage.min;
  if (bounds.pourcentage.min !== bounds.pourcentage.max) {
    const p = choice.pourcentage;
    if (p === null || p === undefined || !Number.isInteger(p) || p < bounds.pourcentage.min || p > bounds.pourcentage.max) {
      errors.push({
        field: "pourcentage",
        message: `Indiquez un pourcentage entier entre ${bounds.pourcentage.min} et ${bounds.pourcentage.max}.`,
      });
    } else pourcentage = p;
  }
  let mois: number | null = bounds.mois?.min ?? null;
  if (bounds.mois && bounds.mois.min !== bounds.mois.max) {
    const m = choice.mois;
    if (m === null || m === undefined || !Number.isInteger(m) || m < bounds.mois.min || m > bounds.mois.max) {
      errors.push({ field: "mois", message: `Indiquez une durée entière entre ${bounds.mois.min} et ${bounds.mois.max} mois.` });
    } else mois = m;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    effect: {
      kind: proposed.kind satisfies AllowanceEffectKind,
      pourcentage,
      mois,
      premierMois: choice.premierMois,
      leveeSiRemobilisation: proposed.liftedOnCompliance,
      finContrat: proposed.endsContract,
      leveeLe: null,
    },
  };
}

/** "25 % de l'allocation retenus en avril 2026", "allocation supprimée à partir de mai 2026". */
export function describeDecidedEffect(effect: DecidedEffect, formatMonth: (m: string) => string): string {
  const share = effect.pourcentage === 100 ? "la totalité de l'allocation" : `${effect.pourcentage}\u00a0% de l'allocation`;
  const last = lastAffectedMonth(effect);
  let period: string;
  if (last === null) period = `à partir de ${formatMonth(effect.premierMois)}, définitivement`;
  else if (last === effect.premierMois) period = `pour ${formatMonth(effect.premierMois)}`;
  else period = `de ${formatMonth(effect.premierMois)} à ${formatMonth(last)}`;
  const verb = effect.kind === "suspension" ? "suspendue" : effect.kind === "reduction" ? "retenue" : "supprimée";
  const lifted = effect.leveeLe
    ? ` Suspension levée le ${formatShortDate(effect.leveeLe)}.`
    : effect.leveeSiRemobilisation
      ? " Levée dès que le jeune respecte à nouveau ses engagements."
      : "";
  const ends = effect.finContrat ? " Le contrat prend fin." : "";
  return `${capitalise(share)} ${verb} ${period}.${lifted}${ends}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
