import { describe, expect, it } from "vitest";
import { formatMonth } from "@/lib/format/fr";
import { RUNGS } from "./bareme";
import { decideEffect, describeDecidedEffect, effectBounds, effectCovers, readDecidedEffect } from "./effet";

const rung = (code: string) => RUNGS[code]!.effect;

describe("decideEffect", () => {
  it("fixed rungs take their values whatever is typed", () => {
    expect(decideEffect(rung("reduction_quart_mois"), { pourcentage: 90, mois: 5, premierMois: "2026-03" })).toEqual({
      ok: true,
      effect: {
        kind: "reduction",
        pourcentage: 25,
        mois: 1,
        premierMois: "2026-03",
        leveeSiRemobilisation: false,
        finContrat: false,
        leveeLe: null,
      },
    });
    const definitive = decideEffect(rung("suppression_definitive_fin_contrat"), { premierMois: "2026-03" });
    expect(definitive).toMatchObject({ ok: true, effect: { pourcentage: 100, mois: null, finContrat: true } });
    expect(effectBounds(rung("suppression_un_mois")).fixed).toBe(true);
  });

  it("ranges are chosen inside their bounds", () => {
    const suspension = rung("suspension_30_pourcent_1_a_2_mois");
    expect(decideEffect(suspension, { pourcentage: 29, mois: 3, premierMois: "2026-03" })).toEqual({
      ok: false,
      errors: [
        { field: "pourcentage", message: "Indiquez un pourcentage entier entre 30 et 100." },
        { field: "mois", message: "Indiquez une durée entière entre 1 et 2 mois." },
      ],
    });
    expect(decideEffect(suspension, { pourcentage: null, mois: 2, premierMois: "2026-03" })).toMatchObject({ ok: false });
    expect(decideEffect(suspension, { pourcentage: 30, mois: 2, premierMois: "2026-03" })).toMatchObject({
      ok: true,
      effect: { pourcentage: 30, mois: 2, leveeSiRemobilisation: true },
    });
    expect(effectBounds(suspension).fixed).toBe(false);
  });

  it("an unknown rung accepts 1–100 % for 1–12 months", () => {
    const unknown = { kind: "a_preciser" as const, percent: null, months: null, liftedOnCompliance: false, endsContract: false };
    expect(decideEffect(unknown, { pourcentage: 10, mois: 12, premierMois: "2026-03" })).toMatchObject({ ok: true });
    expect(decideEffect(unknown, { pourcentage: 10, mois: 13, premierMois: "2026-03" })).toMatchObject({ ok: false });
  });
});

describe("stored effect", () => {
  it("reads only well-formed effects", () => {
    expect(readDecidedEffect(null)).toBeNull();
    expect(readDecidedEffect({ kind: "reduction", pourcentage: 250 })).toBeNull();
    expect(
      readDecidedEffect({
        kind: "reduction",
        pourcentage: 25,
        mois: 1,
        premierMois: "2026-03",
        leveeSiRemobilisation: false,
        finContrat: false,
      }),
    ).not.toBeNull();
  });

  it("covers its months only", () => {
    const e = {
      kind: "suspension" as const,
      pourcentage: 30,
      mois: 2,
      premierMois: "2026-12",
      leveeSiRemobilisation: true,
      finContrat: false,
      leveeLe: null,
    };
    expect([effectCovers(e, "2026-11"), effectCovers(e, "2026-12"), effectCovers(e, "2027-01"), effectCovers(e, "2027-02")]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it("described in plain French", () => {
    const quarter = decideEffect(rung("reduction_quart_mois"), { premierMois: "2026-03" });
    expect(quarter.ok && describeDecidedEffect(quarter.effect, formatMonth)).toBe("25\u00a0% de l'allocation retenue pour mars 2026.");
    const forever = decideEffect(rung("suppression_definitive_fin_contrat"), { premierMois: "2026-03" });
    expect(forever.ok && describeDecidedEffect(forever.effect, formatMonth)).toBe(
      "La totalité de l'allocation supprimée à partir de mars 2026, définitivement. Le contrat prend fin.",
    );
  });
});
