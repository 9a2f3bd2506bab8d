import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signInWithForm, test } from "./fixtures";

// The first young person of Marseille in the demo seed, whose access request is Marseille's only one.
const MARSEILLE_REQUEST_OF = "BENALI Manon";

async function switchTo(page: Page, structure: string): Promise<void> {
  const banner = page.getByRole("banner");
  await banner.getByLabel("Mission locale de travail").selectOption({ label: structure });
  await banner.getByRole("button", { name: "Changer de mission locale" }).click();
  await expect(banner.getByRole("link", { name: new RegExp(`Sillage\\s*${structure}`) })).toBeVisible();
}

test.describe("a DPO for two missions locales", () => {
  test("the Lyon DPO switches to Marseille: the header says so and the rights queue shows Marseille's requests only", async ({ page }) => {
    // A session of its own: the switch is the session's, and the DPO's shared demo session stays in Lyon.
    await signInWithForm(page, ACCOUNTS.dpo);
    const banner = page.getByRole("banner");
    await expect(page).toHaveURL(/\/droits$/);
    await expect(banner.getByRole("link", { name: /Sillage\s*Mission locale de Lyon/ })).toBeVisible();
    await expect(banner.getByLabel("Mission locale de travail")).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByRole("link", { name: MARSEILLE_REQUEST_OF })).toHaveCount(0);
    await expectAccessible(page);

    await switchTo(page, "Mission locale de Marseille");
    await expect(page).toHaveURL(/\/droits$/);
    await expect(page.getByText("1 demande, les plus urgentes d'abord")).toBeVisible();
    await expect(page.getByRole("table").getByRole("link", { name: MARSEILLE_REQUEST_OF })).toBeVisible();
    await expectAccessible(page);

    await switchTo(page, "Mission locale de Lyon");
    await expect(page.getByRole("link", { name: MARSEILLE_REQUEST_OF })).toHaveCount(0);
  });
});
