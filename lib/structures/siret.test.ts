import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidSiren, isValidSiret } from "./siret";

/** Independent Luhn check digit for a string of digits. */
function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) {
    const digits = payload + d;
    const sum = [...digits]
      .reverse()
      .reduce((acc, c, i) => acc + (i % 2 === 1 ? ([0, 2, 4, 6, 8, 1, 3, 5, 7, 9][Number(c)] ?? 0) : Number(c)), 0);
    if (sum % 10 === 0) return String(d);
  }
  throw new Error("unreachable");
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));

describe("isValidSiren", () => {
  it.each(["732829320", "552100554", "356000000", "732 829 320"])("%j is valid", (s) => {
    expect(isValidSiren(s)).toBe(true);
  });
  it.each(["732829321", "552100545", "73282932", "7328293200", "73282932A", ""])("%j is invalid", (s) => {
    expect(isValidSiren(s)).toBe(false);
  });
});

describe("isValidSiret", () => {
  it.each(["73282932000074", "55210055400013", "732 829 320 00074"])("%j is valid", (s) => {
    expect(isValidSiret(s)).toBe(true);
  });
  it.each(["73282932000075", "73282932000047", "7328293200007", "732829320000740", "7328293200007A", ""])("%j is invalid", (s) => {
    expect(isValidSiret(s)).toBe(false);
  });

  it("accepts any 14 digits with a Luhn check digit and catches a single wrong digit", () => {
    fc.assert(
      fc.property(digits(13), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (payload, position, delta) => {
        fc.pre(!payload.startsWith("356000000"));
        const siret = payload + luhnCheckDigit(payload);
        expect(isValidSiret(siret)).toBe(true);
        const changed = siret.slice(0, position) + String((Number(siret[position]) + delta) % 10) + siret.slice(position + 1);
        fc.pre(!changed.startsWith("356000000"));
        expect(isValidSiret(changed)).toBe(false);
      }),
    );
  });

  describe("La Poste (SIREN 356000000)", () => {
    it("accepts the head office, which follows Luhn", () => {
      expect(isValidSiret("35600000000048")).toBe(true);
    });
    it("accepts establishments whose digits add up to a multiple of 5, even without Luhn", () => {
      // 3+5+6 + 4+9+8+5+5 = 45 (multiple of 5); Luhn fails on it.
      expect(isValidSiret("35600000049855")).toBe(true);
      // 3+5+6 + 1+2+3+4+6 = 30 (multiple of 5).
      expect(isValidSiret("35600000012346")).toBe(true);
      // Sums 46 and 29, and no Luhn either.
      expect(isValidSiret("35600000049856")).toBe(false);
      expect(isValidSiret("35600000012345")).toBe(false);
    });
    it("follows the sum rule for any establishment number", () => {
      fc.assert(
        fc.property(digits(5), (nic) => {
          const siret = `356000000${nic}`;
          const sum = [...siret].reduce((acc, c) => acc + Number(c), 0);
          const luhnOk = luhnCheckDigit(siret.slice(0, 13)) === siret[13];
          expect(isValidSiret(siret)).toBe(sum % 5 === 0 || luhnOk);
        }),
      );
    });
  });
});
