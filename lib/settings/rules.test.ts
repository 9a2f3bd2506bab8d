import { describe, expect, it } from "vitest";
import { valueInForce } from "./rules";

const amounts = [
  { effectiveFrom: "2025-04-01", value: 56168 },
  { effectiveFrom: "2024-04-01", value: 55229 },
  { effectiveFrom: "2026-04-01", value: 56617 },
];

describe("valueInForce", () => {
  it("takes the latest value whose effective date is not after the day", () => {
    expect(valueInForce(amounts, "2026-03-31")?.value).toBe(56168);
    expect(valueInForce(amounts, "2026-04-01")?.value).toBe(56617);
    expect(valueInForce(amounts, "2024-04-01")?.value).toBe(55229);
  });

  it("is null before the first effective date", () => {
    expect(valueInForce(amounts, "2024-03-31")).toBeNull();
  });
});
