import { describe, expect, it } from "vitest";
import { exportLabel } from "./export-label";

describe("exportLabel", () => {
  it("says the format and the number of rows, with French digit grouping and plural", () => {
    expect(exportLabel("CSV", 1234)).toBe("Exporter en CSV (1\u202f234 lignes)");
    expect(exportLabel("CSV", 1)).toBe("Exporter en CSV (1 ligne)");
    expect(exportLabel("CSV", 0, "Exporter le registre")).toBe("Exporter le registre en CSV (0 ligne)");
  });
});
