import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

// The e2e server starts a local OpenID Connect provider on the next port (scripts/e2e-server.mjs).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const PROVIDER = `http://127.0.0.1:${PORT + 1}`;
// Next hands route handlers 127.0.0.1 as "localhost": Auth.js's callback would compute a redirect URI other than
// the one the sign-in sent. The journeys use the name both sides agree on (as a real host name would be).
const APP = `http://localhost:${PORT}`;
const DEACTIVATED = "directeur.marseille@sillage.demo";

/** The ProConnect button, then the local provider's page (any address, a second factor if asked). */
async function signInWithSso(page: Page, email: string, { mfa = false } = {}): Promise<void> {
  await page.goto(`${APP}/connexion`);
  await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();
  await page.waitForURL((url) => url.origin === PROVIDER);
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  if (mfa) await page.getByLabel("Avec un second facteur").check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.waitForURL((url) => url.origin !== PROVIDER);
}

// One after the other: the last test takes the provider down for a moment.
test.describe.configure({ mode: "serial" });

test.describe("single sign-on (ProConnect)", () => {
  test("a staff member signs in with ProConnect and lands on their home @mobile", async ({ page }) => {
    await page.goto(`${APP}/connexion`);
    await expect(page.getByRole("button", { name: "S’identifier avec ProConnect" })).toBeVisible();
    await expectAccessible(page);
    await signInWithSso(page, ACCOUNTS.conseiller2, { mfa: true });
    await expect(page).toHaveURL(/\/portefeuille$/);
    await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
    await expectAccessible(page);
  });

  test("an address without a Sillage account is refused in French", async ({ page }) => {
    await signInWithSso(page, "agent.inconnu@exemple.fr");
    await expect(page).toHaveURL(/\/connexion\?erreur=sso_inconnu$/);
    await expect(page.getByText("Aucun compte Sillage n'est ouvert pour cette adresse.")).toBeVisible();
    await expect(page.getByText("demandez à votre responsable de vous inviter")).toBeVisible();
    await expectAccessible(page);
  });

  test("a deactivated account is refused", async ({ page, browser }) => {
    // The admin deactivates an account no other journey uses, and gives it back afterwards.
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/comptes?q=haddad");
    await page.getByRole("table").getByRole("link", { name: "Karim Haddad" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Karim Haddad" })).toBeVisible();
    const deactivate = page.getByRole("region", { name: "Désactiver le compte" });
    if (await deactivate.isVisible()) {
      await deactivate.getByLabel("Je confirme la désactivation de ce compte").check();
      await deactivate.getByRole("button", { name: "Désactiver le compte" }).click();
    }
    const reactivate = page.getByRole("region", { name: "Réactiver le compte" });
    await expect(reactivate).toBeVisible();
    try {
      const context = await browser.newContext();
      const sso = await context.newPage();
      await signInWithSso(sso, DEACTIVATED);
      await expect(sso).toHaveURL(/\/connexion\?erreur=sso_desactive$/);
      await expect(sso.getByText("Ce compte est désactivé.")).toBeVisible();
      await expectAccessible(sso);
      await context.close();
    } finally {
      await reactivate.getByRole("button", { name: "Réactiver le compte" }).click();
      await expect(page.getByRole("region", { name: "Désactiver le compte" })).toBeVisible();
    }
  });

  test("a provider out of service gives a French message, not an error page", async ({ page, request }) => {
    await request.post(`${PROVIDER}/__faults`, { form: { down: "1" } });
    try {
      await page.goto(`${APP}/connexion`);
      await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();
      await expect(page.getByText("La connexion avec ProConnect n'a pas abouti.")).toBeVisible();
      await expect(page).toHaveURL(/\/connexion\?/);
      // The password form is still there.
      await expect(page.getByLabel("Mot de passe")).toBeVisible();
      await expectAccessible(page);
    } finally {
      await request.post(`${PROVIDER}/__faults`, { form: { down: "0" } });
    }
  });
});
