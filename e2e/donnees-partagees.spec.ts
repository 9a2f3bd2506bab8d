import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("données partagées", () => {
  test("a counsellor sees what was sent where, on which legal basis, and what comes next @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/portefeuille?q=dupont");
    await page.getByRole("link", { name: "DUPONT Léa" }).click();
    await page.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Données partagées" }).click();
    await expect(page).toHaveURL(/onglet=donnees-partagees/);

    const history = page.getByRole("table", { name: /Transmissions de ce jeune/ });
    await expect(history.getByText("Accusé n° FT-88231")).toBeVisible();
    await expect(history.getByText("Refusée par le destinataire")).toBeVisible();
    await expect(history.getByText("Motif : Refusé : coordonnées bancaires invalides")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Prochaines transmissions" })).toBeVisible();
    await expect(page.getByText(/Nouvelle tentative le/)).toBeVisible();
    // Field names, never values.
    await expect(history.getByText(/Nom de naissance/).first()).toBeVisible();
    await expect(history.getByText("DUPONT")).toHaveCount(0);
    await expectAccessible(page);
  });
});
