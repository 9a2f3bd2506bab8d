import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("dated settings", () => {
  test("bad input is flagged per field and kept; a valid value is saved and listed", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/parametres");
    await expectAccessible(page);

    await page.getByLabel("Paramètre").selectOption("rsa.montant_personne_seule");
    await page.getByLabel("Date d'effet").fill("2027-04-01");
    await page.getByLabel("Valeur (JSON)").fill('{"cents": 651,69}');
    await page.getByLabel("Texte de référence").fill("Décret à paraître");
    await page.getByRole("button", { name: "Enregistrer la nouvelle valeur" }).click();

    await expect(page.getByText("Le formulaire contient 1 erreur")).toBeVisible();
    await expect(page.getByLabel("Valeur (JSON)")).toHaveValue('{"cents": 651,69}');
    await expect(page.getByLabel("Date d'effet")).toHaveValue("2027-04-01");
    await expect(page.getByLabel("Paramètre")).toHaveValue("rsa.montant_personne_seule");
    await expectAccessible(page);

    await page.getByLabel("Valeur (JSON)").fill('{"cents": 65690}');
    await page.getByRole("button", { name: "Enregistrer la nouvelle valeur" }).click();
    await expect(page.getByText("La nouvelle valeur est enregistrée.")).toBeVisible();
    await expect(page.getByText("À partir du jeudi 1er avril 2027")).toBeVisible();
  });
});
