import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

const replacements = (page: Page) => page.getByRole("table", { name: /^Remplacements en cours ou à venir/ });

test.describe("réaffectation", () => {
  test("the director hands a young person over temporarily; the substitute sees them", async ({ browser }) => {
    const directorContext = await browser.newContext();
    const page = await directorContext.newPage();
    await signIn(page, ACCOUNTS.directeur);
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Réaffectation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Réaffectation" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Conseiller dont vous réaffectez les jeunes").selectOption({ label: "Julien Roche" });
    await page.getByRole("button", { name: "Afficher son portefeuille" }).click();
    await expect(page).toHaveURL(/de=/);
    await expect(page.getByRole("group", { name: /Jeunes à réaffecter \(0 sur/ })).toBeVisible();
    await expectAccessible(page);
    // Someone not already replaced (by an earlier attempt of this test, on a reused server): their name
    // then appears once in the replacements table below.
    const replaced = new Set((await replacements(page).getByRole("rowheader").allInnerTexts()).map((n) => n.trim()));
    const labels = page.getByRole("group", { name: /Jeunes à réaffecter/ }).locator("label");
    const names = (await labels.locator("span.font-bold").allInnerTexts()).map((n) => n.trim());
    const index = names.findIndex((n) => !replaced.has(n));
    expect(index, "a young person of Julien Roche's not yet replaced").toBeGreaterThanOrEqual(0);
    const name = names[index]!;
    const first = labels.nth(index).getByRole("checkbox");
    await first.check();

    // Missing end date for a temporary move: explained next to the field, choices kept.
    await page.getByLabel("Conseiller qui reprend le suivi").selectOption({ label: "Camille Martin" });
    await page.getByRole("radio", { name: /Temporaire/ }).check();
    await page.getByLabel("Motif").fill("Congé de Julien");
    await page.getByRole("button", { name: "Réaffecter les jeunes cochés" }).click();
    await expect(page.getByText("Une réaffectation temporaire a une date de fin").first()).toBeVisible();
    await expect(page.getByLabel("Motif")).toHaveValue("Congé de Julien");
    await expect(first).toBeChecked();
    await expectAccessible(page);

    await page.getByLabel("Jusqu'au (inclus)").fill("2099-12-31");
    await page.getByRole("button", { name: "Réaffecter les jeunes cochés" }).click();
    await expect(page.getByText("1 jeune a été réaffecté.")).toBeVisible();
    // The selection is cleared after a move: a second click cannot move anyone by accident.
    await expect(page.getByRole("group", { name: /Jeunes à réaffecter \(0 sur/ })).toBeVisible();
    await expect(replacements(page).getByRole("link", { name })).toBeVisible();
    await expectAccessible(page);
    await directorContext.close();

    const camilleContext = await browser.newContext();
    const camille = await camilleContext.newPage();
    await signIn(camille, ACCOUNTS.conseiller);
    await camille.goto(`/portefeuille?q=${encodeURIComponent(name.split(" ")[0]!)}`);
    await expect(camille.getByRole("link", { name })).toBeVisible();
    await camilleContext.close();
  });

  test("counsellors cannot reassign", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const response = await page.goto("/portefeuille/reaffectation");
    expect(response?.status()).toBe(403);
  });
});
