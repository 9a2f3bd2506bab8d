import fs from "node:fs";
import { describeLeaks, scanLog } from "../lib/log/scan";
import { DEMO_PASSWORD } from "./fixtures";

const LOG_FILE = "reports/e2e-server.log";

/**
 * After the whole run: the output of the production server and its setup (scripts/e2e-server.mjs) must
 * hold no NIR, e-mail address, phone number, one-time code or password. Fails with the line numbers and
 * the kinds found, each match masked.
 */
export default async function scanServerLog(): Promise<void> {
  if (!fs.existsSync(LOG_FILE)) {
    const message = `${LOG_FILE} est absent : le serveur de test n'a pas été lancé par cette exécution.`;
    if (process.env.CI) throw new Error(message);
    console.warn(message);
    return;
  }
  // The server is still running (Playwright stops it after this): let its last lines reach the file.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const secrets = [DEMO_PASSWORD, process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret", "sillage-e2e-secret"];
  const leaks = scanLog(fs.readFileSync(LOG_FILE, "utf8"), { secrets });
  if (leaks.length > 0) throw new Error(describeLeaks(LOG_FILE, leaks));
}
