import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("comptes des équipes", () => {
  test("the director filters the accounts; a counsellor who still follows young people cannot be deactivated", async ({ page }) => {
    await signIn(page, ACCOUNTS.directeur);
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Comptes", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Comptes des équipes" })).toBeVisible();
    // A director sees their own structure only, and has no structure filter.
    await expect(page.getByLabel("Mission locale")).toHaveCount(0);
    await expect(page.getByText("Inès Faure")).toHaveCount(0);
    await expectAccessible(page);

    const search = page.getByRole("search", { name: "Rechercher et filtrer les comptes" });
    await search.getByLabel("Rôle").selectOption({ label: "Conseiller" });
    await search.getByLabel("État du compte").selectOption({ label: "Actifs" });
    await search.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/role=conseiller/);
    await expect(page).toHaveURL(/statut=actif/);
    const table = page.getByRole("table", { name: /^Comptes des équipes/ });
    await expect(table.getByRole("link", { name: "Julien Roche" })).toBeVisible();
    await expect(table.getByRole("link", { name: "Nadia Benali" })).toHaveCount(0);
    await expectAccessible(page);

    // The search joins the filters in the URL; a reload gives the same view.
    await search.getByLabel("Rechercher un compte").fill("roche");
    await expect(page).toHaveURL(/q=roche/);
    await expect(table.getByRole("link", { name: "Camille Martin" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel("Rôle")).toHaveValue("conseiller");
    await expect(page.getByLabel("Rechercher un compte")).toHaveValue("roche");
    await expect(page.getByRole("status").filter({ hasText: "1 compte pour « roche »" })).toBeVisible();
    await expectAccessible(page);

    await table.getByRole("link", { name: "Julien Roche" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Julien Roche" })).toBeVisible();
    // A director changes no role.
    await expect(page.getByRole("heading", { name: "Changer le rôle" })).toHaveCount(0);
    await expectAccessible(page);
    const followed = (await page.locator("dt", { hasText: "Jeunes suivis" }).locator("+ dd").textContent()) ?? "";
    const count = Number(/(\d+)\s+jeunes?/.exec(followed)?.[1] ?? 0);
    expect(count, "Julien Roche follows young people in the demo").toBeGreaterThan(0);

    // The confirmation is required, and said next to its box.
    const form = page.getByRole("region", { name: "Désactiver le compte" });
    await form.getByRole("button", { name: "Désactiver le compte" }).click();
    await expect(form.getByText("Cochez la case pour confirmer la désactivation.").last()).toBeVisible();
    await expectAccessible(page);

    // Confirmed: refused with the count, and the way to hand them over. Nothing changes, so a retry passes.
    await form.getByLabel("Je confirme la désactivation de ce compte").check();
    await form.getByRole("button", { name: "Désactiver le compte" }).click();
    const refusal = form.getByRole("alert");
    await expect(refusal).toContainText(count === 1 ? "référent de 1 jeune" : `référent de ${count} jeunes`);
    await expect(form.getByRole("link", { name: /^Réaffecter/ })).toHaveAttribute("href", "/portefeuille/reaffectation");
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByText("Actif", { exact: true }).first()).toBeVisible();
  });
});
