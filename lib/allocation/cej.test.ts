import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SETTINGS_SEED } from "@/db/seed/settings";
import type { DatedValue } from "@/lib/settings/rules";
import {
  amountsInForce,
  computeCejAllowance,
  DEFAULT_CEJ_REDUCTION,
  firstDayOfMonth,
  formatMonth,
  type CejAmounts,
  type CejAllowanceInput,
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

const noReduction = { thresholdCents: 30000, ratePercent: 0 };

function allowance(month: string, overrides: Partial<CejAllowanceInput> = {}) {
  return computeCejAllowance({
    month,
    birthDate: "2000-05-10",
    foyer: "non_imposable",
    activityIncomeCents: 0,
    amounts: amountsInForce(withApril2027, month)?.value ?? null,
    reduction: DEFAULT_CEJ_REDUCTION,
    ...overrides,
  });
}

describe("month helpers", () => {
  it("first day and French label", () => {
    expect(firstDayOfMonth("2027-04")).toBe("2027-04-01");
    expect(formatMonth("2027-04")).toBe("avril 2027");
    expect(() => firstDayOfMonth("2027-13")).toThrow(RangeError);
    expect(() => firstDayOfMonth("2027-4")).toThrow(RangeError);
  });
});

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
      reductionCents: 0,
      explanation: "Allocation CEJ pour avril 2027 : 570,00\u00a0€ (jeune majeur, foyer non imposable).",
    });
  });

  it("adult, first tax bracket", () => {
    expect(allowance("2027-04", { foyer: "premiere_tranche" })).toMatchObject({ cents: 34200, basis: "premiere_tranche" });
  });

  it("adult, household taxed beyond the first bracket: not eligible, explained", () => {
    const result = allowance("2027-04", { foyer: "autre" });
    expect(result).toMatchObject({ cents: 0, basis: "non_eligible", reductionCents: 0 });
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
      activityIncomeCents: 0,
      amounts: amountsInForce(seeded, "2022-02")?.value ?? null,
      reduction: noReduction,
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

describe("computeCejAllowance — reduction for activity income (formula to confirm)", () => {
  it("no reduction at or below the threshold", () => {
    expect(allowance("2027-04", { activityIncomeCents: 30000 }).reductionCents).toBe(0);
  });

  it("takes the rate of the excess, rounded down in the young person's favour", () => {
    const result = allowance("2027-04", { activityIncomeCents: 40001 }); // excess 100.01 € × 50 % = 50.005 € → 50.00 €
    expect(result).toMatchObject({ reductionCents: 5000, cents: 52000, baseCents: 57000 });
    expect(result.explanation).toBe(
      "Allocation CEJ pour avril 2027 : 570,00\u00a0€ (jeune majeur, foyer non imposable), réduite de 50,00\u00a0€ pour des revenus d'activité de 400,01\u00a0€ (50\u00a0% de la part au-delà de 300,00\u00a0€) : 520,00\u00a0€ à verser.",
    );
  });

  it("never below zero", () => {
    expect(allowance("2027-04", { activityIncomeCents: 500000 })).toMatchObject({ cents: 0, reductionCents: 57000 });
  });

  it("threshold and rate are parameters", () => {
    expect(
      allowance("2027-04", { activityIncomeCents: 50000, reduction: { thresholdCents: 40000, ratePercent: 12.5 } }).reductionCents,
    ).toBe(1250);
  });

  it("rejects malformed inputs (programmer errors)", () => {
    expect(() => allowance("2027-04", { activityIncomeCents: 10.5 })).toThrow(RangeError);
    expect(() => allowance("2027-04", { reduction: { thresholdCents: 0, ratePercent: 101 } })).toThrow(RangeError);
  });

  it("property: 0 ≤ cents ≤ base, cents + reduction = base, non-increasing with income", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400000 }),
        fc.integer({ min: 0, max: 400000 }),
        fc.integer({ min: 0, max: 100 }),
        (a, b, rate) => {
          const reduction = { thresholdCents: 30000, ratePercent: rate };
          const low = allowance("2027-04", { activityIncomeCents: Math.min(a, b), reduction });
          const high = allowance("2027-04", { activityIncomeCents: Math.max(a, b), reduction });
          for (const r of [low, high]) {
            expect(r.cents).toBeGreaterThanOrEqual(0);
            expect(r.cents + r.reductionCents).toBe(r.baseCents);
            expect(Number.isSafeInteger(r.cents)).toBe(true);
          }
          expect(high.cents).toBeLessThanOrEqual(low.cents);
        },
      ),
    );
  });
});
