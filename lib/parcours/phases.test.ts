import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/calendar/civil-date";
import { checkPhases, type Phase } from "./phases";

const contract = { start: "2026-01-05", end: "2028-01-04" };
const diagnostic: Phase = { kind: "diagnostic", start: "2026-01-05", end: "2026-02-04" };
const phase2: Phase = { kind: "accompagnement", start: "2026-02-05", end: "2026-08-04" };
const phase3: Phase = { kind: "accompagnement", start: "2026-09-01", end: "2027-03-31" };

function codes(result: ReturnType<typeof checkPhases>): string[] {
  return result.ok ? [] : result.refusals.map((r) => r.code);
}

describe("checkPhases", () => {
  it("accepts a diagnostic then contiguous or spaced phases inside the contract", () => {
    expect(checkPhases(contract, [diagnostic, phase2, phase3])).toEqual({ ok: true });
  });

  it("accepts phases given in any order", () => {
    expect(checkPhases(contract, [phase3, diagnostic, phase2])).toEqual({ ok: true });
  });

  it("accepts phases exactly on the contract's first and last days", () => {
    expect(checkPhases(contract, [diagnostic, { kind: "accompagnement", start: "2026-02-05", end: "2028-01-04" }])).toEqual({ ok: true });
  });

  it("refuses an empty list: the diagnostic is needed", () => {
    const result = checkPhases(contract, []);
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: "no_phase",
          phaseIndex: null,
          message: "Un PACEA commence par une phase de diagnostic : ajoutez-la avec ses dates de début et de fin.",
        },
      ],
    });
  });

  it("refuses a first phase that is not the diagnostic", () => {
    const result = checkPhases(contract, [phase2, { ...diagnostic, start: "2026-08-05", end: "2026-08-20" }]);
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: "first_not_diagnostic",
          phaseIndex: 0,
          message:
            "La première phase d'un PACEA est le diagnostic, or la phase qui commence le 5 février 2026 est une phase d'accompagnement. Ajoutez le diagnostic avant elle, ou changez son type.",
        },
      ],
    });
  });

  it("refuses overlapping phases, even by one day (inclusive ends)", () => {
    const result = checkPhases(contract, [diagnostic, { ...phase2, start: "2026-02-04" }]);
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: "overlap",
          phaseIndex: 1,
          message:
            "La phase 2 (accompagnement, du 4 février 2026 au 4 août 2026) chevauche la phase précédente, qui se termine le 4 février 2026. Une phase commence au plus tôt le lendemain de la fin de la précédente.",
        },
      ],
    });
  });

  it("detects a phase nested in a long earlier phase", () => {
    const long: Phase = { kind: "accompagnement", start: "2026-02-05", end: "2027-12-31" };
    const nested: Phase = { kind: "accompagnement", start: "2026-03-01", end: "2026-03-31" };
    const after: Phase = { kind: "accompagnement", start: "2026-04-01", end: "2026-04-30" };
    expect(codes(checkPhases(contract, [diagnostic, long, nested, after]))).toEqual(["overlap", "overlap"]);
  });

  it("refuses phases outside the contract", () => {
    const result = checkPhases(contract, [
      { ...diagnostic, start: "2026-01-04" },
      { ...phase2, end: "2028-01-05" },
    ]);
    expect(codes(result)).toEqual(["before_contract", "after_contract"]);
    expect(result.ok === false && result.refusals[1]?.message).toBe(
      "La phase 2 (accompagnement, du 5 février 2026 au 5 janvier 2028) se termine après la fin du contrat, le 4 janvier 2028. Raccourcissez la phase ou prolongez le contrat (24 mois au plus).",
    );
  });

  it("refuses a phase ending before it starts", () => {
    const result = checkPhases(contract, [diagnostic, { ...phase2, end: "2026-02-01" }]);
    expect(codes(result)).toContain("end_before_start");
    expect(result.ok === false && result.refusals.find((r) => r.code === "end_before_start")?.phaseIndex).toBe(1);
  });

  it("property: back-to-back phases cut from the contract are accepted; the order of the input does not matter", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 1000 }),
        (lengths, seed) => {
          let start = contract.start;
          const phases: Phase[] = lengths.map((length, i) => {
            const phase: Phase = { kind: i === 0 ? "diagnostic" : "accompagnement", start, end: addDays(start, length - 1) };
            start = addDays(start, length);
            return phase;
          });
          const shuffled = [...phases].sort(
            (a, b) => ((a.start.charCodeAt(9) * 31 + seed) % 7) - ((b.start.charCodeAt(9) * 31 + seed) % 7),
          );
          expect(checkPhases(contract, shuffled)).toEqual({ ok: true });
        },
      ),
    );
  });
});
