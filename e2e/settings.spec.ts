import { formatDate } from "../lib/format/fr";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * A future effective date of its own: one value per parameter and date is allowed, so a retry (or a second
 * run on the same server) with a fixed date would be refused as already there.
 */
function futureDate(): string {
  const year = 2040 + Math.floor(Math.random() * 50);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

test.describe("dated settings", () => {
  test("bad input is flagged per field and kept; a valid value is saved and listed", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/parametres");
    await expectAccessible(page);
    const effective = futureDate();

    await page.getByLabel("Paramètre").selectOption("rsa.montant_personne_seule");
    await page.getByLabel("Date d'effet").fill(effective);
    await page.getByLabel("Valeur (JSON)").fill('{"cents": 651,69}');
    await page.getByLabel("Texte de référence").fill("Décret à paraître");
    await page.getByRole("button", { name: "Enregistrer la nouvelle valeur" }).click();

    await expect(page.getByText("Le formulaire contient 1 erreur")).toBeVisible();
    await expect(page.getByLabel("Valeur (JSON)")).toHaveValue('{"cents": 651,69}');
    await expect(page.getByLabel("Date d'effet")).toHaveValue(effective);
    await expect(page.getByLabel("Paramètre")).toHaveValue("rsa.montant_personne_seule");
    await expectAccessible(page);

    await page.getByLabel("Valeur (JSON)").fill('{"cents": 65690}');
    await page.getByRole("button", { name: "Enregistrer la nouvelle valeur" }).click();
    await expect(page.getByText("La nouvelle valeur est enregistrée.")).toBeVisible();
    await expect(page.getByText(`À partir du ${formatDate(effective)}`)).toBeVisible();
  });
});
