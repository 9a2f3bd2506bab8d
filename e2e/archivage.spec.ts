import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("archivage", () => {
  test("a counsellor archives a file with a motive, sees the retention countdown, then restores it @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller2);
    const link = page.getByRole("table").getByRole("rowheader").getByRole("link").last();
    const href = (await link.getAttribute("href"))!;
    await page.goto(`${href}/archivage`);
    await expect(page.getByRole("heading", { level: 1, name: "Archivage et conservation" })).toBeVisible();
    await expect(page.getByText(/Conservé jusqu'au/)).toBeVisible();
    await expect(page.getByText(/Encore .* jours?/)).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Motif de l'archivage").selectOption("autre");
    await page.getByRole("button", { name: "Archiver le dossier" }).click();
    await expect(page.getByRole("link", { name: "Précisez le motif." })).toBeVisible();
    await expect(page.getByLabel("Motif de l'archivage")).toHaveValue("autre");
    await expectAccessible(page);

    await page.getByLabel("Précisions").fill("Parti à l'étranger");
    await page.getByRole("button", { name: "Archiver le dossier" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Dossier archivé" })).toBeVisible();
    await expect(page.getByText("Parti à l'étranger")).toBeVisible();

    await page.getByRole("button", { name: "Restaurer le dossier" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Archiver le dossier" })).toBeVisible();
  });
});
