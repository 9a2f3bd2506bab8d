import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
};

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker less than the cores: one worker on a two-core machine, while the
    // integration tests often wait on PostgreSQL. Two at least.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    reporters: process.env.VITEST_JSON ? ["default", ["json", { outputFile: "reports/vitest.json" }]] : ["default"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "pglite",
          globalSetup: ["test/global-setup.ts"],
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.ts", "test/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { SILLAGE_TEST_DB: "pglite" },
        },
      },
      ...(onPostgres
        ? [
            {
              resolve: { alias },
              test: {
                name: "postgres",
                include: ["lib/**/*.integration.test.ts", "db/**/*.integration.test.ts", "test/**/*.integration.test.ts"],
                environment: "node",
                testTimeout: 30_000,
                hookTimeout: 60_000,
                env: { SILLAGE_TEST_DB: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
