import { ACCOUNTS, expect, expectAccessible, signInWithForm, test } from "./fixtures";

test.describe("sign-in", () => {
  test("the sign-in page is in French and accessible @mobile", async ({ page }) => {
    await page.goto("/connexion");
    await expect(page.getByRole("heading", { level: 1, name: "Se connecter à Sillage" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expectAccessible(page);
  });

  test("anonymous visitors are sent to the sign-in page from every protected area", async ({ page }) => {
    for (const path of ["/portefeuille", "/admin", "/journal", "/mon-espace", "/jeunes/00000000-0000-0000-0000-000000000000"]) {
      const response = await page.goto(path);
      expect(new URL(page.url()).pathname, path).toBe("/connexion");
      expect(response?.status()).toBe(200);
    }
  });

  const homes = [
    { account: ACCOUNTS.admin, path: "/admin", heading: "Administration" },
    { account: ACCOUNTS.directeur, path: "/portefeuille", heading: "Portefeuille" },
    { account: ACCOUNTS.conseiller, path: "/portefeuille", heading: "Portefeuille" },
    { account: ACCOUNTS.dpo, path: "/droits", heading: "Demandes de droits" },
    { account: ACCOUNTS.jeune, path: "/mon-espace", heading: "Bonjour Léa" },
    { account: ACCOUNTS.jeuneMineur, path: "/mon-espace", heading: "Bonjour Tom" },
  ];
  for (const { account, path, heading } of homes) {
    test(`${account} lands on ${path} @mobile`, async ({ page }) => {
      await signInWithForm(page, account);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page);
    });
  }

  test("a wrong password gets a generic message and keeps the e-mail", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(ACCOUNTS.conseiller2);
    await page.getByLabel("Mot de passe").fill("pas-le-bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(ACCOUNTS.conseiller2);
    await expect(page).toHaveURL(/\/connexion/);
    await expectAccessible(page);
  });

  test("a malformed e-mail is flagged next to the field, value kept", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await page.getByLabel("Mot de passe").fill("x");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez une adresse e-mail valide")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("pas-une-adresse");
    await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });

  test("repeated failures lock the address, with the same answer whether or not it exists", async ({ page }) => {
    const unknown = `inconnu-${Date.now()}@exemple.fr`;
    await page.goto("/connexion");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Adresse e-mail").fill(unknown);
      await page.getByLabel("Mot de passe").fill(`mauvais-${i}`);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByRole("button", { name: "Se connecter" })).toBeEnabled();
    }
    await expect(page.getByText("Trop de tentatives de connexion.")).toBeVisible();
    await expectAccessible(page);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInWithForm(page, ACCOUNTS.conseiller2);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
    await page.goto("/portefeuille");
    await expect(page).toHaveURL(/\/connexion/);
  });
});
