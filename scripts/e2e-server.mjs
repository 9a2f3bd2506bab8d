// Starts the production build for end-to-end tests on a fresh PGlite database (migrated + seeded).
import { execSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  PGLITE_DATA_DIR: `.data/e2e-${port}`,
  MAIL_OUTBOX_DIR: `.data/e2e-${port}-outbox`,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  NIR_ENCRYPTION_KEY: process.env.NIR_ENCRYPTION_KEY ?? Buffer.alloc(32, 7).toString("base64"),
  AUTH_TRUST_HOST: "true",
  // The in-process worker would deliver the seeded transfers while tests look at them.
  SILLAGE_WORKER: "off",
  // /dev/courriels lists the outbox, so journeys read an invitation link as a tester does.
  SILLAGE_DEV_OUTBOX: "1",
  LOG_LEVEL: "warn",
};
delete env.DATABASE_URL;

rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
rmSync(`${env.PGLITE_DATA_DIR}.lock`, { force: true });
rmSync(env.MAIL_OUTBOX_DIR, { recursive: true, force: true });
execSync("npx tsx db/setup.ts", { stdio: "inherit", env });
if (!process.env.E2E_SKIP_BUILD) execSync("npx next build", { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
// Next's own entry point, not npx: a signal sent to this script reaches the server itself.
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
process.on("exit", () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
