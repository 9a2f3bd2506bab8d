// Starts the production build for end-to-end tests on a fresh PGlite database (migrated + seeded).
import { execSync, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";

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
  // app/(staff)/essais/panne: a page that fails to render, for e2e/erreurs.spec.ts (a 404 without it).
  SILLAGE_E2E_FAULTS: "1",
  // /dev/courriels lists the outbox, so journeys read an invitation link as a tester does.
  SILLAGE_DEV_OUTBOX: "1",
  // Every request's line too: e2e/log-scan.teardown.ts scans all of it for personal data.
  LOG_LEVEL: "info",
  // Every browser of the suite signs in from 127.0.0.1: the per-address sign-in limit would stop the suite, not an attacker.
  SIGN_IN_LIMIT_PER_IP: "10000",
};
delete env.DATABASE_URL;
// Single sign-on against a local OpenID Connect provider on the next port (scripts/oidc-dev-provider.mjs).
const oidcPort = String(Number(port) + 1);
Object.assign(env, {
  OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
  OIDC_CLIENT_ID: "sillage-e2e",
  OIDC_CLIENT_SECRET: "sillage-e2e-secret",
});

// Everything this script and its children print goes to reports/e2e-server.log (scanned at the end of the
// run); the server's stderr is also passed on, so Playwright still shows errors.
mkdirSync("reports", { recursive: true });
const LOG_FILE = "reports/e2e-server.log";
// Emptied, then opened in append mode: every writer (setup, build, servers) adds at the end, none overwrites.
writeFileSync(LOG_FILE, "");
const logFd = openSync(LOG_FILE, "a");
const log = createWriteStream(LOG_FILE, { fd: logFd, flags: "a" });
const quiet = { stdio: ["ignore", logFd, logFd], env };
const step = (title, command, options) => {
  try {
    execSync(command, options);
  } catch (error) {
    console.error(`${title} a échoué : voir ${LOG_FILE}.`);
    throw error;
  }
};

rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
rmSync(`${env.PGLITE_DATA_DIR}.lock`, { force: true });
rmSync(env.MAIL_OUTBOX_DIR, { recursive: true, force: true });
step("La préparation de la base", "npx tsx db/setup.ts", quiet);
if (!process.env.E2E_SKIP_BUILD) step("La construction", "npx next build", { ...quiet, env: { ...env, NODE_ENV: "production" } });
const tee = (child) => {
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.stderr.pipe(process.stderr, { end: false });
};
const oidcProvider = spawn(process.execPath, ["scripts/oidc-dev-provider.mjs"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...env, OIDC_DEV_PORT: oidcPort, OIDC_DEV_APP_URLS: `http://localhost:${port}`, OIDC_DEV_FAULTS: "1" },
});
tee(oidcProvider);
process.on("exit", () => oidcProvider.kill("SIGTERM"));
// Next's own entry point, not npx: a signal sent to this script reaches the server itself.
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...env, NODE_ENV: "production" },
});
tee(server);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
process.on("exit", () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
