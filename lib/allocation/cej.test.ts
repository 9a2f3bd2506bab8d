import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SETTINGS_SEED } from "@/db/seed/settings";
import type { DatedValue } from "@/lib/settings/rules";
import { valueInForce } from "@/lib/settings/rules";
import {
  amountsInForce,
  computeCejAllowance,
  isResourceRuleUsable,
  partialReduction,
  type CejAmounts,
  type CejAllowanceInput,
  type CejResourceRule,
} from "./cej";

const seeded: DatedValue<CejAmounts>[] = SETTINGS_SEED.filter((s) => s.key === "cej.allocation.montants").map((s) => ({
  effectiveFrom: s.effectiveFrom,
  value: s.value as CejAmounts,
}));

// A hypothetical revaluation on 1 April 2027 (explicit dates: never "today").
const withApril2027: DatedValue<CejAmounts>[] = [
  ...seeded,
  { effectiveFrom: "2027-04-01", value: { majeurNonImposable: 57000, premiereTranche: 34200, mineur: 22800 } },
];

// The D5131-23 values (300 €, 80 %) with a round 1 800 € SMIC, so the worked examples read easily.
const rule: CejResourceRule = { abatementCents: 30000, smicSharePercent: 80, smicCents: 180000 };

function allowance(month: string, overrides: Partial<CejAllowanceInput> = {}) {
  return computeCejAllowance({
    month,
    birthDate: "2000-05-10",
    foyer: "non_imposable",
    partlyDeductedCents: 0,
    fullyDeductedCents: 0,
    amounts: amountsInForce(withApril2027, month)?.value ?? null,
    rule,
    ...overrides,
  });
}

describe("amountsInForce", () => {
  it("uses the first day of the month: 1 April switches to the new amounts", () => {
    expect(amountsInForce(seeded, "2025-03")?.value.majeurNonImposable).toBe(55229);
    expect(amountsInForce(seeded, "2025-04")?.value.majeurNonImposable).toBe(56168);
    expect(amountsInForce(seeded, "2022-03")?.effectiveFrom).toBe("2022-03-01");
    expect(amountsInForce(seeded, "2022-02")).toBeNull();
  });

  it("a change effective 2027-04-01 changes April 2027 and not March 2027", () => {
    expect(allowance("2027-03").cents).toBe(56617); // the 2026-04-01 amounts
    expect(allowance("2027-04").cents).toBe(57000);
    expect(amountsInForce(withApril2027, "2027-03")?.effectiveFrom).toBe("2026-04-01");
    expect(amountsInForce(withApril2027, "2027-04")?.effectiveFrom).toBe("2027-04-01");
  });
});

describe("computeCejAllowance — basis", () => {
  it("adult in a non-taxable household", () => {
    expect(allowance("2027-04")).toEqual({
      cents: 57000,
      basis: "majeur_non_imposable",
      baseCents: 57000,
      fullDeductionCents: 0,
      partialReductionCents: 0,
      steps: [{ label: "Montant mensuel (jeune majeur, foyer non imposable)", cents: 57000 }],
      explanation: "Allocation CEJ pour avril 2027 : 570,00\u00a0€ (jeune majeur, foyer non imposable).",
    });
  });

  it("adult, first tax bracket", () => {
    expect(allowance("2027-04", { foyer: "premiere_tranche" })).toMatchObject({ cents: 34200, basis: "premiere_tranche" });
  });

  it("adult, household taxed beyond the first bracket: not eligible, explained", () => {
    const result = allowance("2027-04", { foyer: "autre" });
    expect(result).toMatchObject({ cents: 0, basis: "non_eligible", fullDeductionCents: 0, partialReductionCents: 0, steps: [] });
    expect(result.explanation).toContain("au-delà de la première tranche");
  });

  it("minor: the minor amount whatever the household", () => {
    expect(allowance("2027-04", { birthDate: "2010-01-01", foyer: "autre" })).toMatchObject({ cents: 22800, basis: "mineur" });
    expect(allowance("2027-04", { birthDate: "2010-01-01" }).explanation).toContain("jeune mineur au 1er avril 2027");
  });

  it("no amount in force (before March 2022): nothing, explained", () => {
    const result = computeCejAllowance({
      month: "2022-02",
      birthDate: "2000-01-01",
      foyer: "non_imposable",
      partlyDeductedCents: 0,
      fullyDeductedCents: 0,
      amounts: amountsInForce(seeded, "2022-02")?.value ?? null,
      rule,
    });
    expect(result).toMatchObject({ cents: 0, basis: "non_eligible" });
    expect(result.explanation).toContain("février 2022");
  });
});

describe("computeCejAllowance — 18th birthday boundaries (age on the 1st of the month)", () => {
  it("18 on 1 April 2027: adult for April, minor for March", () => {
    expect(allowance("2027-03", { birthDate: "2009-04-01" }).basis).toBe("mineur");
    expect(allowance("2027-04", { birthDate: "2009-04-01" }).basis).toBe("majeur_non_imposable");
  });

  it("18 on 2 April 2027: minor for all of April, adult from May", () => {
    expect(allowance("2027-04", { birthDate: "2009-04-02" }).basis).toBe("mineur");
    expect(allowance("2027-05", { birthDate: "2009-04-02" }).basis).toBe("majeur_non_imposable");
  });

  it("born 29 February 2008: 18 on 1 March 2026 (no 29 Feb in 2026)", () => {
    expect(allowance("2026-02", { birthDate: "2008-02-29" }).basis).toBe("mineur");
    expect(allowance("2026-03", { birthDate: "2008-02-29" }).basis).toBe("majeur_non_imposable");
  });

  it("born 29 February 2012: 18 on 29 February 2030 → adult from March 2030 only (1 Feb: still 17)", () => {
    expect(allowance("2030-02", { birthDate: "2012-02-29" }).basis).toBe("mineur");
    expect(allowance("2030-03", { birthDate: "2012-02-29" }).basis).toBe("majeur_non_imposable");
  });
});

describe("computeCejAllowance — reduction for other resources (code du travail D5131-23)", () => {
  // April 2025 amounts: 561,68 € for an adult in a non-taxable household.
  const june2025 = (overrides: Partial<CejAllowanceInput> = {}) => allowance("2025-06", overrides);

  it("worked example: 600 € of salary, 1 800 € SMIC → 561,68 − 300 × 561,68 ÷ 1 140 = 413,87 € (reduction rounded down)", () => {
    const result = june2025({ partlyDeductedCents: 60000 });
    // 300 × 561,68 ÷ 1 140 = 147,8105… → 147,81 €
    expect(result).toMatchObject({ baseCents: 56168, partialReductionCents: 14781, fullDeductionCents: 0, cents: 41387 });
    expect(result.steps).toEqual([
      { label: "Montant mensuel (jeune majeur, foyer non imposable)", cents: 56168 },
      {
        label:
          "Ressources déduites en partie : 600,00\u00a0€ par mois, réduction (600,00\u00a0€ − 300,00\u00a0€) × 561,68\u00a0€ ÷ (80\u00a0% du SMIC brut de 1\u202f800,00\u00a0€ − 300,00\u00a0€)",
        cents: -14781,
      },
    ]);
    expect(result.explanation).toBe(
      "Allocation CEJ pour juin 2025 : 561,68\u00a0€ (jeune majeur, foyer non imposable), moins 147,81\u00a0€ de réduction pour 600,00\u00a0€ de ressources déduites en partie ((600,00\u00a0€ − 300,00\u00a0€) × 561,68\u00a0€ ÷ (80\u00a0% du SMIC brut de 1\u202f800,00\u00a0€ − 300,00\u00a0€)) : 413,87\u00a0€ à verser.",
    );
  });

  it("the slope follows the amount of the young person's situation (first tax bracket)", () => {
    // 300 × 337,00 ÷ 1 140 = 88,684… → 88,68 €
    expect(june2025({ foyer: "premiere_tranche", partlyDeductedCents: 60000 })).toMatchObject({
      partialReductionCents: 8868,
      cents: 24832,
    });
  });

  it("R ≤ 300 €: no reduction", () => {
    for (const r of [1, 29999, 30000])
      expect(june2025({ partlyDeductedCents: r })).toMatchObject({ partialReductionCents: 0, cents: 56168 });
    expect(june2025({ partlyDeductedCents: 25000 }).steps[1]).toEqual({
      label: "Ressources déduites en partie : 250,00\u00a0€ par mois, pas au-delà de 300,00\u00a0€ : aucune réduction",
      cents: 0,
    });
    expect(june2025({ partlyDeductedCents: 25000 }).explanation).toBe(
      "Allocation CEJ pour juin 2025 : 561,68\u00a0€ (jeune majeur, foyer non imposable).",
    );
  });

  it("R ≥ 80 % of the SMIC (1 440 €): nothing left; one cent below, one cent left", () => {
    expect(june2025({ partlyDeductedCents: 144000 })).toMatchObject({ partialReductionCents: 56168, cents: 0 });
    expect(june2025({ partlyDeductedCents: 900000 })).toMatchObject({ partialReductionCents: 56168, cents: 0 });
    // 1 139,99 × 561,68 ÷ 1 140 = 561,675… → 561,67 € taken off
    expect(june2025({ partlyDeductedCents: 143999 })).toMatchObject({ partialReductionCents: 56167, cents: 1 });
  });

  it("fully deducted resources are subtracted euro for euro, floor 0", () => {
    expect(june2025({ fullyDeductedCents: 20000 })).toMatchObject({ fullDeductionCents: 20000, cents: 36168 });
    expect(june2025({ fullyDeductedCents: 56168 })).toMatchObject({ fullDeductionCents: 56168, cents: 0 });
    const over = june2025({ fullyDeductedCents: 70000 });
    expect(over).toMatchObject({ fullDeductionCents: 56168, cents: 0 });
    expect(over.steps[1]).toEqual({ label: "Ressources déduites en totalité : 700,00\u00a0€ par mois", cents: -56168 });
    // No 300 € abatement for them.
    expect(june2025({ fullyDeductedCents: 100 }).cents).toBe(56068);
  });

  it("both kinds: full deductions first, then the linear reduction computed on the whole amount (as OpenFisca-France)", () => {
    const both = june2025({ partlyDeductedCents: 60000, fullyDeductedCents: 20000 });
    // 561,68 − 200,00 − 147,81 (not 300 × 361,68 ÷ 1 140)
    expect(both).toMatchObject({ fullDeductionCents: 20000, partialReductionCents: 14781, cents: 21387 });
    expect(both.steps.map((s) => s.cents)).toEqual([56168, -20000, -14781]);
    expect(both.explanation).toContain(
      ", moins 200,00\u00a0€ de ressources déduites en totalité, moins 147,81\u00a0€ de réduction pour 600,00\u00a0€ de ressources déduites en partie (",
    );
    expect(both.explanation).toMatch(/ : 213,87\u00a0€ à verser\.$/);
    // When the two together exceed the amount: 0, the reduction shown is what was left.
    expect(june2025({ partlyDeductedCents: 60000, fullyDeductedCents: 50000 })).toMatchObject({
      fullDeductionCents: 50000,
      partialReductionCents: 6168,
      cents: 0,
    });
  });

  it("with the seeded settings: December 2026, 450 € of salary → 566,17 − 73,31 = 492,86 €", () => {
    const degressivite = valueInForce(
      SETTINGS_SEED.filter((s) => s.key === "cej.allocation.degressivite") as DatedValue<{
        abattementCents: number;
        partSmicPourcent: number;
      }>[],
      "2026-12-01",
    )!.value;
    const smic = valueInForce(SETTINGS_SEED.filter((s) => s.key === "smic.brut_mensuel") as DatedValue<{ cents: number }>[], "2026-12-01")!;
    expect(smic).toMatchObject({ effectiveFrom: "2026-01-01", value: { cents: 182303 } });
    const seededRule = {
      abatementCents: degressivite.abattementCents,
      smicSharePercent: degressivite.partSmicPourcent,
      smicCents: smic.value.cents,
    };
    expect(seededRule).toEqual({ abatementCents: 30000, smicSharePercent: 80, smicCents: 182303 });
    // 150 × 566,17 ÷ (0,8 × 1 823,03 − 300 = 1 158,424) = 73,312… → 73,31 €
    expect(allowance("2026-12", { partlyDeductedCents: 45000, rule: seededRule })).toMatchObject({
      baseCents: 56617,
      partialReductionCents: 7331,
      cents: 49286,
    });
  });

  it("the SMIC and the D5131-23 values are read on the month's first day", () => {
    const smicRows = SETTINGS_SEED.filter((s) => s.key === "smic.brut_mensuel") as DatedValue<{ cents: number }>[];
    expect(valueInForce(smicRows, "2025-12-01")?.value.cents).toBe(180180);
    expect(valueInForce(smicRows, "2026-01-01")?.value.cents).toBe(182303);
    // Every month of the CEJ (from March 2022) has a SMIC and a reduction rule.
    expect(valueInForce(smicRows, "2022-03-01")?.value.cents).toBe(160312);
    expect(
      valueInForce(
        SETTINGS_SEED.filter((s) => s.key === "cej.allocation.degressivite"),
        "2022-03-01",
      ),
    ).not.toBeNull();
    expect(SETTINGS_SEED.find((s) => s.key === "cej.allocation.degressivite")?.toConfirm).toBeUndefined();
  });

  it("rejects malformed inputs and unusable settings (programmer errors)", () => {
    expect(() => june2025({ partlyDeductedCents: 10.5 })).toThrow(RangeError);
    expect(() => june2025({ fullyDeductedCents: -1 })).toThrow(RangeError);
    expect(() => june2025({ rule: { ...rule, smicSharePercent: 0 } })).toThrow(RangeError);
    expect(() => june2025({ rule: { ...rule, smicSharePercent: 80.5 } })).toThrow(RangeError);
    const unusable = { abatementCents: 30000, smicSharePercent: 10, smicCents: 180000 };
    expect(isResourceRuleUsable(unusable)).toBe(false);
    expect(isResourceRuleUsable(rule)).toBe(true);
    expect(() => partialReduction(56168, 60000, unusable)).toThrow(RangeError);
  });

  it("property: 0 ≤ cents, parts add up to the base, non-increasing in each resource, same result in either order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400000 }),
        fc.integer({ min: 0, max: 400000 }),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 150000, max: 250000 }),
        (a, b, t1, t2, smicCents) => {
          const r = { ...rule, smicCents };
          const at = (partly: number, fully: number) =>
            allowance("2027-04", { partlyDeductedCents: partly, fullyDeductedCents: fully, rule: r });
          const low = at(Math.min(a, b), Math.min(t1, t2));
          const high = at(Math.max(a, b), Math.min(t1, t2));
          const higher = at(Math.max(a, b), Math.max(t1, t2));
          for (const x of [low, high, higher]) {
            expect(x.cents).toBeGreaterThanOrEqual(0);
            expect(x.cents + x.fullDeductionCents + x.partialReductionCents).toBe(x.baseCents);
            expect(x.steps.reduce((sum, s) => sum + s.cents, 0)).toBe(x.cents);
            expect(Number.isSafeInteger(x.cents)).toBe(true);
          }
          expect(high.cents).toBeLessThanOrEqual(low.cents);
          expect(higher.cents).toBeLessThanOrEqual(high.cents);
          // Linear reduction first, then the full deductions: the same amount to pay.
          const p = partialReduction(57000, Math.max(a, b), r);
          expect(Math.max(0, Math.max(0, 57000 - p) - Math.max(t1, t2))).toBe(higher.cents);
        },
      ),
    );
  });
});
