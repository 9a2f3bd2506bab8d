import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs without configuration in development (PGlite, dev secret)", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names every missing secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET[\s\S]*NIR_ENCRYPTION_KEY/);
  });

  it("rejects a malformed database URL and a short key with a clear message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL : doit commencer par postgres:\/\//);
    expect(() => parseEnv({ NIR_ENCRYPTION_KEY: "abc" })).toThrow(/NIR_ENCRYPTION_KEY/);
  });

  it("accepts a complete production configuration", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://app@db:5432/sillage",
      AUTH_SECRET: "x".repeat(40),
      NIR_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    expect(env.DATABASE_URL).toBe("postgres://app@db:5432/sillage");
  });
});
