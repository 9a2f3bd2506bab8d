import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// Debian's Chromium where present (browsers cannot be downloaded here), else Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Generous: on a loaded two-core machine a long journey with axe on every page takes minutes.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  // The server's output of the whole run (reports/e2e-server.log) is scanned for personal data at the end.
  globalTeardown: "./e2e/log-scan.teardown.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // Recording a trace costs every action a DOM snapshot: only on the retry of a failed test.
    trace: "on-first-retry",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Signs each demo account in once through the form; the specs' signIn reuses those sessions.
    { name: "sessions", testMatch: /auth\.setup\.ts/ },
    // The authorisation matrix first: a reason given by another journey (break-glass, valid 8 hours) would turn
    // its « reason asked » cases into « allowed » for the rest of the run.
    {
      name: "matrix",
      testMatch: /matrix\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
      dependencies: ["sessions"],
    },
    {
      name: "desktop",
      testIgnore: /matrix\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
      dependencies: ["matrix"],
    },
    { name: "mobile", testIgnore: /matrix\.spec\.ts/, use: { ...devices["Pixel 7"] }, grep: /@mobile/, dependencies: ["matrix"] },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/connexion`,
    timeout: 480_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
