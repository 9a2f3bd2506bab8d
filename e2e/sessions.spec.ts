import { ACCOUNTS, expect, expectAccessible, signIn, signInWithForm, test } from "./fixtures";

// A second browser of the same person, told apart on the list by its device label.
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
// Signing out everywhere ends every session of the account: one that no other spec signs in with.
const EVERYWHERE_ACCOUNT = "directeur.marseille@sillage.demo";

test.describe("sessions", () => {
  test("a counsellor closes another browser's session from Mon compte; that browser is sent back to sign-in", async ({ page, browser }) => {
    await signInWithForm(page, ACCOUNTS.conseillerMarseille);
    const otherContext = await browser.newContext({ userAgent: FIREFOX_WINDOWS });
    const other = await otherContext.newPage();
    await signInWithForm(other, ACCOUNTS.conseillerMarseille);

    await page.getByRole("link", { name: "Mon compte" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Sessions ouvertes" })).toBeVisible();
    const rows = page.getByRole("listitem");
    await expect(rows.filter({ has: page.getByText("Cette session", { exact: true }) })).toHaveCount(1);
    const firefox = rows.filter({ has: page.getByRole("heading", { name: "Firefox sur Windows" }) }).first();
    await expect(firefox).toContainText("Mot de passe");
    await expect(firefox).toContainText("à l'instant");
    await expectAccessible(page);

    await firefox.getByRole("button", { name: "Fermer cette session" }).click();
    await expect(page.getByText("La session a été fermée.")).toBeVisible();
    await expectAccessible(page);

    await other.goto("/portefeuille");
    await expect(other).toHaveURL(/\/connexion/);
    await expect(other.getByText("Votre session a été fermée.")).toBeVisible();
    await expectAccessible(other);
    await otherContext.close();
    // This browser is still signed in.
    await page.goto("/portefeuille");
    await expect(page).toHaveURL(/\/portefeuille$/);
  });

  test("signing out everywhere ends every browser's session, a replayed cookie included", async ({ page, browser }) => {
    await signInWithForm(page, EVERYWHERE_ACCOUNT);
    const otherContext = await browser.newContext({ userAgent: FIREFOX_WINDOWS });
    const other = await otherContext.newPage();
    await signInWithForm(other, EVERYWHERE_ACCOUNT);
    const cookies = await page.context().cookies();

    await page.goto("/compte");
    await page.getByRole("button", { name: "Se déconnecter partout" }).click();
    await expect(page).toHaveURL(/\/connexion\?session=partout/);
    await expect(page.getByText("Vous êtes déconnecté de tous vos appareils.")).toBeVisible();
    await expectAccessible(page);

    await other.goto("/portefeuille");
    await expect(other).toHaveURL(/\/connexion/);
    await otherContext.close();

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const replayed = await replay.newPage();
    await replayed.goto("/portefeuille");
    await expect(replayed).toHaveURL(/\/connexion/);
    await replay.close();
  });

  test("the young person sees where they are connected, in plain words @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.jeune);
    await page.getByRole("link", { name: "Mes connexions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mes connexions" })).toBeVisible();
    await expect(page.getByText(/Vous êtes connecté sur (ces appareils|cet appareil)\./)).toBeVisible();
    await expect(page.getByRole("listitem").filter({ has: page.getByText("Cet appareil", { exact: true }) })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Se déconnecter partout" })).toBeVisible();
    await expectAccessible(page);
  });
});
