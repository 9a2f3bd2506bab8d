import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** On the phone project the page is looked at 375 px wide, the narrowest phone Mon espace is made for. */
async function narrowOnPhone(page: Page, projectName: string): Promise<void> {
  if (projectName === "mobile") await page.setViewportSize({ width: 375, height: 780 });
}

/** Axe-clean, and nothing wider than the screen (no horizontal scroll). */
async function checkPage(page: Page): Promise<void> {
  await expectAccessible(page);
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

test.describe("mon espace: the journey of my data, my information, my pathway", () => {
  test("Léa follows her CEJ transfer to France Travail and asks a question about that line @mobile", async ({ page }, testInfo) => {
    await narrowOnPhone(page, testInfo.project.name);
    await signIn(page, ACCOUNTS.jeune);
    await page.getByRole("link", { name: /Le parcours de mes données/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Le parcours de mes données" })).toBeVisible();
    await checkPage(page);

    const filters = page.getByRole("navigation", { name: "Choisir ce que vous voulez voir" });
    await filters.getByRole("link", { name: "Envois" }).click();
    await expect(page).toHaveURL(/[?&]type=envois/);
    await expect(filters.getByRole("link", { name: "Envois" })).toHaveAttribute("aria-current", "page");
    const line = page.getByRole("article").filter({ hasText: "Pourquoi : vous inscrire." }).filter({ hasText: "à France Travail" });
    await expect(line).toHaveCount(1);
    await expect(line.getByRole("heading", { name: "Envoyé à France Travail" })).toBeVisible();
    await expect(line).toContainText("Votre mission locale a envoyé à France Travail : votre nom");
    await expect(line).toContainText("votre contrat CEJ");
    await expect(line).toContainText("La règle : loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi.");
    await expect(line).toContainText("France Travail a bien reçu vos données");
    // Only transfers under this filter.
    await expect(page.getByRole("article").filter({ hasText: "Votre dossier a été ouvert" })).toHaveCount(0);
    await checkPage(page);

    await line.getByRole("link", { name: /J'ai une question sur cette ligne/ }).click();
    await expect(page).toHaveURL(/\/mon-espace\/demande\?ligne=envoi%3A[0-9a-f-]{36}/);
    await expect(page.getByText(/Votre question porte sur l'envoi du .*Envoyé à France Travail/)).toBeVisible();
    await expect(page.getByRole("radio", { name: /Poser une question sur un envoi/ })).toBeChecked();
    await expect(page.getByLabel("Votre demande, avec vos mots")).toHaveValue(
      /^Ma question sur l'envoi du .*« Envoyé à France Travail »\) : $/,
    );
    await checkPage(page);
  });

  test("Tom, 17, reads his information written for a minor, and his pathway @mobile", async ({ page }, testInfo) => {
    await narrowOnPhone(page, testInfo.project.name);
    await signIn(page, ACCOUNTS.jeuneMineur);
    await page.goto("/mon-espace/mes-informations");
    await expect(page.getByRole("heading", { level: 1, name: "Mes informations, expliquées" })).toBeVisible();
    await expect(page.getByText("Vous avez moins de 18 ans. Cette page est écrite pour vous.")).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: /Votre parcours d'accompagnement vers l'emploi et l'autonomie/ }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /contrat d'engagement jeune/ })).toHaveCount(0);
    await expect(page.getByText(/Vous pouvez faire cette demande vous-même, dès 15 ans/).first()).toBeVisible();
    await checkPage(page);

    await page.goto("/mon-espace/mon-parcours");
    await expect(page.getByRole("heading", { level: 1, name: "Mon parcours" })).toBeVisible();
    await expect(page.getByText("Parcours d'accompagnement vers l'emploi et l'autonomie (PACEA)")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Mes heures cette semaine" })).toHaveCount(0);
    await checkPage(page);
  });
});
