import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SETTINGS_SEED } from "@/db/seed/settings";
import type { DatedValue } from "@/lib/settings/rules";
import { proposeSanction, shouldProposeSanction, type Attendance, type SanctionLadder } from "./bareme";

const ladders: DatedValue<SanctionLadder>[] = SETTINGS_SEED.filter((s) => s.key === "cej.sanctions.bareme").map((s) => ({
  effectiveFrom: s.effectiveFrom,
  value: s.value as SanctionLadder,
}));

function propose(factDate: string, previousUnjustifiedFailures: number) {
  const result = proposeSanction({ factDate, ladders, previousUnjustifiedFailures });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("proposeSanction — the ladder in force on the date of the fact (boundary 2025-06-01)", () => {
  it("a failure on 31 May 2025 follows the 2022 CEJ ladder", () => {
    const result = propose("2025-05-31", 0);
    expect(result).toMatchObject({ regime: "cej_2022", ladderEffectiveFrom: "2022-03-01", palier: "reduction_quart_mois", caveat: null });
    expect(result.ruleExplanation).toBe(
      "Manquement du 31 mai 2025 : s'applique le barème du contrat d'engagement jeune de 2022 (décret 2022-199, article R5131-24 du code du travail), en vigueur à cette date. C'est le premier manquement injustifié : palier 1 sur 3.",
    );
  });

  it("a failure on 1 June 2025 follows suspension-remobilisation, with the caveat", () => {
    const result = propose("2025-06-01", 0);
    expect(result).toMatchObject({
      regime: "suspension_remobilisation",
      ladderEffectiveFrom: "2025-06-01",
      palier: "suspension_30_pourcent_1_a_2_mois",
    });
    expect(result.caveat).toContain("n'est pas tranchée");
    expect(result.ruleExplanation).toContain("Manquement du 1er juin 2025 : s'applique la suspension-remobilisation");
  });

  it("before 1 March 2022: no ladder, a clear refusal", () => {
    expect(proposeSanction({ factDate: "2022-02-28", ladders, previousUnjustifiedFailures: 0 })).toEqual({
      ok: false,
      code: "no_ladder",
      message:
        "Aucun barème de sanctions n'est en vigueur au 28 février 2022, date du manquement. Vérifiez cette date ou le paramètre « barème des sanctions ».",
    });
  });
});

describe("proposeSanction — 2022 CEJ ladder", () => {
  it("1st: a quarter of the month's allowance", () => {
    expect(propose("2024-10-10", 0)).toMatchObject({
      failureNumber: 1,
      palierIndex: 0,
      description: "L'allocation du mois est réduite d'un quart.",
      effect: {
        kind: "reduction",
        percent: { min: 25, max: 25 },
        months: { min: 1, max: 1 },
        liftedOnCompliance: false,
        endsContract: false,
      },
    });
  });

  it("2nd: one month withdrawn", () => {
    expect(propose("2024-10-10", 1)).toMatchObject({
      failureNumber: 2,
      palier: "suppression_un_mois",
      description: "L'allocation est supprimée pendant un mois.",
      effect: { kind: "suppression", months: { min: 1, max: 1 }, endsContract: false },
    });
  });

  it("3rd: withdrawn for good and the contract ends", () => {
    const result = propose("2024-10-10", 2);
    expect(result).toMatchObject({
      palier: "suppression_definitive_fin_contrat",
      effect: { kind: "suppression_definitive", months: null, endsContract: true },
    });
    expect(result.ruleExplanation).toContain("C'est le 3e manquement injustifié : palier 3 sur 3.");
  });

  it("beyond the ladder the last rung applies again, and says so", () => {
    const result = propose("2024-10-10", 5);
    expect(result).toMatchObject({ failureNumber: 6, palierIndex: 2, palier: "suppression_definitive_fin_contrat" });
    expect(result.ruleExplanation).toContain("(dernier palier du barème, appliqué à nouveau)");
  });
});

describe("proposeSanction — suspension-remobilisation", () => {
  it("1st: at least 30 % for 1 to 2 months, lifted on compliance", () => {
    expect(propose("2026-11-25", 0)).toMatchObject({
      effect: {
        kind: "suspension",
        percent: { min: 30, max: 100 },
        months: { min: 1, max: 2 },
        liftedOnCompliance: true,
        endsContract: false,
      },
    });
    expect(propose("2026-11-25", 0).description).toMatch(
      /^Au moins 30 % de l'allocation est suspendue pendant 1 à 2 mois\. La suspension est levée/,
    );
  });

  it("repeated: up to 4 months, then partial or total suppression (total = removed from the list)", () => {
    expect(propose("2026-11-25", 1).effect).toMatchObject({ kind: "suspension", months: { min: 1, max: 4 } });
    const third = propose("2026-11-25", 2);
    expect(third.effect).toMatchObject({ kind: "suppression_partielle_ou_totale", months: { min: 1, max: 4 }, liftedOnCompliance: false });
    expect(third.description).toContain("radiation de la liste des demandeurs d'emploi");
  });
});

describe("proposeSanction — configurable ladder", () => {
  it("an unknown rung code is shown as to be specified, not invented", () => {
    const custom: DatedValue<SanctionLadder>[] = [
      { effectiveFrom: "2027-01-01", value: { regime: "cej_2022", paliers: ["avertissement_ecrit"] } },
    ];
    const result = proposeSanction({ factDate: "2027-02-01", ladders: custom, previousUnjustifiedFailures: 0 });
    expect(result).toMatchObject({ ok: true, palier: "avertissement_ecrit", effect: { kind: "a_preciser", percent: null, months: null } });
    expect(result.ok && result.description).toContain("« avertissement_ecrit »");
  });

  it("rejects a negative count (programmer error)", () => {
    expect(() => proposeSanction({ factDate: "2026-01-01", ladders, previousUnjustifiedFailures: -1 })).toThrow(RangeError);
  });

  it("property: the rung never goes down when failures accumulate, and the regime only depends on the date", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2022, 2, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 10 }), (factDate, n) => {
        const a = propose(factDate, n);
        const b = propose(factDate, n + 1);
        expect(b.palierIndex).toBeGreaterThanOrEqual(a.palierIndex);
        expect(a.regime).toBe(factDate < "2025-06-01" ? "cej_2022" : "suspension_remobilisation");
      }),
    );
  });
});

describe("shouldProposeSanction", () => {
  const absent = (date: string): Attendance => ({ date, statut: "absent_non_excuse" });

  it("three unexcused absences → propose; two → not yet", () => {
    expect(shouldProposeSanction([absent("2026-11-02"), absent("2026-11-09")])).toBe(false);
    expect(shouldProposeSanction([absent("2026-11-02"), absent("2026-11-09"), absent("2026-11-16")])).toBe(true);
  });

  it("excused absences, cancelled and done activities do not count", () => {
    const others: Attendance[] = [
      { date: "2026-11-02", statut: "absent_excuse" },
      { date: "2026-11-03", statut: "annulee" },
      { date: "2026-11-04", statut: "realisee" },
      { date: "2026-11-05", statut: "prevue" },
    ];
    expect(shouldProposeSanction([...others, absent("2026-11-09"), absent("2026-11-16")])).toBe(false);
  });

  it("counts only from `since` (e.g. after the last sanction), inclusive", () => {
    const list = [absent("2026-10-01"), absent("2026-11-02"), absent("2026-11-09")];
    expect(shouldProposeSanction(list, { since: "2026-10-02" })).toBe(false);
    expect(shouldProposeSanction(list, { since: "2026-10-01" })).toBe(true);
  });

  it("the threshold is a parameter", () => {
    expect(shouldProposeSanction([absent("2026-11-02")], { threshold: 1 })).toBe(true);
  });
});
