import fs from "node:fs";
import { test as setup } from "@playwright/test";
import { ACCOUNTS, SESSIONS_DIR, sessionFile, signInWithForm } from "./fixtures";

// Opens one session per demo account through the sign-in form and keeps its cookies for the specs' signIn.
setup("open a session for each demo account", async ({ browser }) => {
  setup.setTimeout(240_000);
  fs.rmSync(SESSIONS_DIR, { recursive: true, force: true });
  fs.mkdirSync(SESSIONS_DIR, { recursive: true });
  for (const email of Object.values(ACCOUNTS)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithForm(page, email);
    await context.storageState({ path: sessionFile(email) });
    await context.close();
  }
});
