import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("authorisation", () => {
  test("a counsellor gets the French 403 page on /admin", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a young person cannot enter the staff areas", async ({ page }) => {
    await signIn(page, ACCOUNTS.jeune);
    for (const path of ["/portefeuille", "/journal", "/admin/parametres"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });

  test("a dossier of another mission locale answers 404 with no data", async ({ browser }) => {
    const marseilleContext = await browser.newContext();
    const marseille = await marseilleContext.newPage();
    await signIn(marseille, ACCOUNTS.conseillerMarseille);
    const link = marseille.getByRole("table").getByRole("rowheader").getByRole("link").first();
    const name = (await link.textContent())?.trim() ?? "";
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/jeunes\//);
    await marseilleContext.close();

    const lyonContext = await browser.newContext();
    const lyon = await lyonContext.newPage();
    await signIn(lyon, ACCOUNTS.conseiller);
    const response = await lyon.goto(href!);
    expect(response?.status()).toBe(404);
    await expect(lyon.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    expect(await lyon.content()).not.toContain(name);
    await expectAccessible(lyon);
    await lyonContext.close();
  });

  test("a counsellor opens a dossier of their own portfolio", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const link = page.getByRole("table").getByRole("rowheader").getByRole("link").first();
    const name = (await link.textContent())?.trim() ?? "";
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectAccessible(page);
  });

  test("an unknown page answers the French 404", async ({ page }) => {
    await signIn(page, ACCOUNTS.dpo);
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expectAccessible(page);
  });
});
