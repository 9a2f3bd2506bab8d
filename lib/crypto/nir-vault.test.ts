import { describe, expect, it } from "vitest";
import { decryptNir, encryptNir, nirIndex } from "./nir-vault";

const NIR = "299057512345677";

describe("nir vault", () => {
  it("round-trips and never stores the number in clear", () => {
    const stored = encryptNir(NIR);
    expect(stored).not.toContain(NIR);
    expect(decryptNir(stored)).toBe(NIR);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptNir(NIR)).not.toBe(encryptNir(NIR));
  });

  it("refuses a tampered value", () => {
    const stored = encryptNir(NIR);
    const parts = stored.split(".");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString("base64url");
    expect(() => decryptNir(parts.join("."))).toThrow();
  });

  it("indexes the same NIR to the same hash, different NIRs apart", () => {
    expect(nirIndex(NIR)).toBe(nirIndex(NIR));
    expect(nirIndex(NIR)).not.toBe(nirIndex("199057512345612"));
    expect(nirIndex(NIR)).not.toContain(NIR);
  });
});
