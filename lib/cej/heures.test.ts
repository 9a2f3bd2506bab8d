import { describe, expect, it } from "vitest";
import { formatHeures } from "./heures";

describe("formatHeures", () => {
  it("writes hours the French way", () => {
    expect(formatHeures(180)).toBe("3 h");
    expect(formatHeures(90)).toBe("1 h 30");
    expect(formatHeures(65)).toBe("1 h 05");
    expect(formatHeures(900)).toBe("15 h");
    expect(formatHeures(45)).toBe("45 min");
    expect(formatHeures(0)).toBe("0 h");
  });
  it("refuses negative or fractional minutes", () => {
    expect(() => formatHeures(-1)).toThrow(RangeError);
    expect(() => formatHeures(1.5)).toThrow(RangeError);
  });
});
