import { describe, expect, it } from "vitest";
import { frenchSpacing } from "./french-spacing";

describe("frenchSpacing", () => {
  it("glues ?, !, : and ; to the previous word with a no-break space", () => {
    expect(frenchSpacing("Qui les reçoit ?")).toBe("Qui les reçoit\u00a0?");
    expect(frenchSpacing("Quand : demain ; ou jamais !")).toBe("Quand\u00a0: demain\u00a0; ou jamais\u00a0!");
    expect(frenchSpacing("https://cnil.fr")).toBe("https://cnil.fr");
  });

  it("keeps a reference with its number", () => {
    expect(frenchSpacing("décret n° 2015-59, art. 1 bis")).toBe("décret n°\u00a02015-59, art.\u00a01 bis");
  });
});
