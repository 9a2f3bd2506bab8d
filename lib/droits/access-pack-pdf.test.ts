import { describe, expect, it } from "vitest";
import { formatNirGroups } from "./access-pack-pdf";

describe("access pack PDF helpers", () => {
  it("prints the NIR in the groups of the carte Vitale", () => {
    expect(formatNirGroups("206106912304981")).toBe("2 06 10 69 123 049 81");
  });
});
