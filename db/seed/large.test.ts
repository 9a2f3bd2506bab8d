import { describe, expect, it } from "vitest";
import { mulberry32, siret, structureSizes } from "./large";

const luhn = (digits: string) =>
  [...digits].reverse().reduce((sum, d, i) => {
    let v = Number(d);
    if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    return sum + v;
  }, 0) %
    10 ===
  0;

describe("the national seed's helpers", () => {
  it("draws the same values from the same seed, others from another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it("spreads the young people over the structures: exact total, none below 30, a realistic spread", () => {
    const sizes = structureSizes(439, 180_000, mulberry32(20_260_101));
    expect(sizes).toHaveLength(439);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(180_000);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(5);
    expect(structureSizes(439, 180_000, mulberry32(20_260_101))).toEqual(sizes);
  });

  it("builds SIRETs with a valid Luhn key", () => {
    for (const prefix of ["4000100000000", "4043912345678", "1234567890123"]) {
      const value = siret(prefix);
      expect(value).toMatch(/^\d{14}$/);
      expect(value.startsWith(prefix)).toBe(true);
      expect(luhn(value)).toBe(true);
    }
  });
});
