import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask";

describe("maskEmail", () => {
  it("keeps the first letter and the domain only", () => {
    expect(maskEmail("lea.martin@exemple.fr")).toBe("l***@exemple.fr");
    expect(maskEmail("a@b.fr")).toBe("a***@b.fr");
  });

  it("hides an address it cannot read", () => {
    expect(maskEmail("sans-arobase")).toBe("***");
    expect(maskEmail("@exemple.fr")).toBe("***");
  });
});
