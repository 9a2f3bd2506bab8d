import { isValidSiret } from "../lib/structures/siret";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** A SIRET of this run only (the SIRET is unique): 13 digits from the clock, then the Luhn key. */
function siretOfThisRun(): string {
  const payload = `9${String(Date.now()).slice(-12)}`;
  for (let d = 0; d <= 9; d++) if (isValidSiret(`${payload}${d}`)) return `${payload}${d}`;
  throw new Error("unreachable");
}

test.describe("missions locales administration", () => {
  test("the admin creates a mission locale, adds an antenne and deactivates it", async ({ page }) => {
    const run = Date.now();
    const name = `Mission locale d'essai ${run}`;
    const antenne = `Antenne d'essai ${run}`;
    const siret = siretOfThisRun();
    const wrongKey = siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);

    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Nouvelle mission locale" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nouvelle mission locale" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Nom de la mission locale").fill(name);
    await page.getByLabel("SIRET").fill(wrongKey);
    await page.getByLabel("Département").fill("2A");
    await page.getByLabel("Commune du siège").fill("Ajaccio");
    await page.getByLabel("Adresse e-mail du délégué").fill("dpo@ml-essai.fr");
    await page.getByRole("button", { name: "Créer la mission locale" }).click();

    await expect(page.getByText("Ce SIRET ne correspond pas à sa clé de contrôle").first()).toBeVisible();
    await expect(page.getByLabel("SIRET")).toHaveValue(wrongKey);
    await expect(page.getByLabel("Nom de la mission locale")).toHaveValue(name);
    await expectAccessible(page);

    await page.getByLabel("SIRET").fill(siret);
    await page.getByRole("button", { name: "Créer la mission locale" }).click();
    await page.waitForURL(/\/admin\/structures\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Aucune antenne pour l'instant")).toBeVisible();
    await expectAccessible(page);

    const add = page.getByRole("region", { name: "Ajouter une antenne" });
    await add.getByLabel("Nom de l'antenne").fill(antenne);
    await add.getByLabel("Commune").fill("Ajaccio");
    await add.getByLabel("Code postal").fill("20000");
    await add.getByRole("button", { name: "Ajouter l'antenne" }).click();
    await expect(add.getByText("L'antenne est ajoutée.")).toBeVisible();
    const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: antenne }) });
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await expect(add.getByLabel("Nom de l'antenne")).toHaveValue("");
    await expectAccessible(page);

    await row.getByRole("button", { name: `Désactiver l'antenne ${antenne}` }).click();
    await expect(row.getByText("L'antenne est désactivée")).toBeVisible();
    await expect(row.getByText("Désactivée", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: `Réactiver l'antenne ${antenne}` })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/admin");
    await expect(page.getByRole("link", { name })).toBeVisible();
  });
});
