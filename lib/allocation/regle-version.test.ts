import { describe, expect, it } from "vitest";
import { describeRegleVersion, formatRegleVersion, parseRegleVersion } from "./regle-version";

describe("regle_version", () => {
  it("key@date joined by ';', duplicates dropped, order kept", () => {
    expect(
      formatRegleVersion([
        { key: "cej.allocation.montants", effectiveFrom: "2025-04-01" },
        { key: "cej.sanctions.bareme", effectiveFrom: "2025-06-01" },
        { key: "cej.allocation.montants", effectiveFrom: "2025-04-01" },
      ]),
    ).toBe("cej.allocation.montants@2025-04-01;cej.sanctions.bareme@2025-06-01");
    expect(formatRegleVersion([])).toBe("");
  });

  it("round-trips and skips malformed parts", () => {
    const value = "cej.allocation.montants@2025-04-01;cej.sanctions.bareme@2025-06-01";
    expect(formatRegleVersion(parseRegleVersion(value))).toBe(value);
    expect(parseRegleVersion("aucun-parametre;x@2025-02-30;pacea.allocation.plafond@2021-01-01")).toEqual([
      { key: "pacea.allocation.plafond", effectiveFrom: "2021-01-01" },
    ]);
  });

  it("rejects bad keys or dates (programmer errors)", () => {
    expect(() => formatRegleVersion([{ key: "a;b", effectiveFrom: "2025-04-01" }])).toThrow(RangeError);
    expect(() => formatRegleVersion([{ key: "a.b", effectiveFrom: "2025-04-31" }])).toThrow(RangeError);
  });

  it("in plain words", () => {
    expect(describeRegleVersion("cej.allocation.montants@2025-04-01;cej.sanctions.bareme@2025-06-01")).toEqual([
      "montants de l'allocation CEJ en vigueur depuis le 1er avril 2025",
      "barème des sanctions en vigueur depuis le 1er juin 2025",
    ]);
    expect(describeRegleVersion("cej.allocation.degressivite@2022-03-01;smic.brut_mensuel@2026-01-01")).toEqual([
      "réduction pour autres ressources en vigueur depuis le 1er mars 2022",
      "SMIC brut mensuel en vigueur depuis le 1er janvier 2026",
    ]);
  });
});
