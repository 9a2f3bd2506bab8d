import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("error pages", () => {
  test("a page that fails to render shows the French error page in the area, with a reference and no detail @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/essais/panne");

    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: "Une erreur est survenue" })).toBeVisible();
    await expect(page).toHaveTitle("Une erreur est survenue · Sillage");
    await expect(main.getByText("Ce n'est pas de votre faute.")).toBeVisible();
    await expect(main.getByText("Afficher une page ne modifie aucune donnée.")).toBeVisible();
    // Next's digest, also logged with the request id on the server.
    await expect(main.getByTestId("reference-erreur")).toHaveText(/^[\w-]{4,64}$/);
    // The area's layout stays around the page: its navigation is there to go elsewhere.
    await expect(page.getByRole("banner")).toBeVisible();
    // Neither the error's message nor Next's English page.
    const body = page.locator("body");
    await expect(body).not.toContainText("Panne simulée");
    await expect(body).not.toContainText(/Application error|This page couldn.t load|Something went wrong|server-side exception/i);
    await expectAccessible(page);

    // « Réessayer » renders the page again: it fails again, and says so again.
    await main.getByRole("button", { name: "Réessayer" }).click();
    await expect(main.getByRole("heading", { level: 1, name: "Une erreur est survenue" })).toBeVisible();
    await main.getByRole("link", { name: "Retour à l'accueil" }).click();
    await page.waitForURL("**/portefeuille");
    await expect(page.getByRole("heading", { level: 1, name: "Une erreur est survenue" })).toHaveCount(0);
  });
});
