import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("conservation des données", () => {
  // A simulation, two viewports with axe each, two screenshots.
  test.describe.configure({ timeout: 90_000 });

  test("the DPO simulates a purge, follows it to the end and reads what it would do, at 1280 and 375 px", async ({ page }, testInfo) => {
    await signIn(page, ACCOUNTS.dpo);
    await page.goto("/conformite/conservation");
    await expect(page.getByRole("heading", { level: 1, name: "Conservation des données" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Simuler une purge" }).click();
    await expect(page).toHaveURL(/\/conformite\/conservation\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: /^Simulation du / })).toBeVisible();
    // The page follows the run until it is over.
    await expect(page.getByText("Terminé", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Rien n'a été modifié")).toBeVisible();
    const perRule = page.getByRole("table", { name: "Nombres par règle de conservation" });
    await expect(perRule.getByRole("rowheader", { name: "Dossiers des jeunes après la fin de l'accompagnement" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("conservation-1280.png"), fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("conservation-375.png"), fullPage: true });

    await page.getByRole("link", { name: "Retour aux passages" }).click();
    // On a phone, one card per run, nothing scrolling sideways.
    const cards = page.getByRole("list", { name: /Passages de la purge de conservation/ });
    await expect(cards.getByText("Simulation").first()).toBeVisible();
    await expect(cards.getByText("Dossiers des jeunes après la fin de l'accompagnement").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("conservation-list-375.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const runs = page.getByRole("table", { name: /Passages de la purge de conservation/ });
    await expect(runs.getByText("Simulation").first()).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("conservation-list-1280.png"), fullPage: true });
  });

  test("the director reads the runs without the button; a counsellor cannot open the page", async ({ browser }) => {
    const director = await browser.newPage();
    await signIn(director, ACCOUNTS.directeur);
    await director.goto("/conformite/conservation");
    await expect(director.getByRole("heading", { level: 1, name: "Conservation des données" })).toBeVisible();
    await expect(director.getByRole("button", { name: "Simuler une purge" })).toHaveCount(0);
    await director.close();

    const counsellor = await browser.newPage();
    await signIn(counsellor, ACCOUNTS.conseiller);
    await counsellor.goto("/conformite/conservation");
    await expect(counsellor.getByRole("heading", { level: 1, name: "Conservation des données" })).toHaveCount(0);
    await counsellor.close();
  });
});
