import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, MFA_PATH, completeMfa, enrolTotp, expect, expectAccessible, signIn, test, totpCode } from "./fixtures";

/** A DPO of the demo who has never signed in (db/seed/demo.ts). */
const DPO_MARSEILLE = { email: "dpo.marseille@sillage.demo", name: "Malik Ferrand" };

async function signInWithPassword(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(DPO_MARSEILLE.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(MFA_PATH);
  return page;
}

async function openAccount(admin: Page): Promise<void> {
  await admin.goto("/admin/comptes");
  await admin
    .getByRole("table", { name: /^Comptes des équipes/ })
    .getByRole("link", { name: DPO_MARSEILLE.name })
    .click();
  await expect(admin.getByRole("heading", { level: 1, name: DPO_MARSEILLE.name })).toBeVisible();
}

test.describe("double authentification", () => {
  test("a DPO enrols at first sign-in before any page opens; a code and a recovery code work once; the admin resets it", async ({
    browser,
    page: admin,
  }) => {
    test.setTimeout(180_000);
    await signIn(admin, ACCOUNTS.admin);
    // A retry starts from a DPO without a second factor.
    await openAccount(admin);
    const section = admin.getByRole("region", { name: "Double authentification", exact: true });
    if (await section.getByRole("button", { name: "Réinitialiser" }).isVisible()) {
      await section.getByLabel(/je confirme la réinitialisation/).check();
      await section.getByRole("button", { name: "Réinitialiser" }).click();
      await expect(section.getByText("a été réinitialisée")).toBeVisible();
    }

    // First sign-in: the enrolment page, and no other page until it is done.
    const page = await signInWithPassword(browser);
    await expect(page.getByRole("heading", { level: 1, name: "Activez la double authentification" })).toBeVisible();
    await expect(page.getByRole("img", { name: /QR code à scanner/ })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/droits");
    await expect(page).toHaveURL(MFA_PATH);

    await page.getByLabel(/^Code à 6 chiffres/).fill("12345");
    await page.getByRole("button", { name: "Activer la double authentification" }).click();
    await expect(page.getByText("Le code compte 6 chiffres").first()).toBeVisible();
    await expect(page.getByLabel(/^Code à 6 chiffres/)).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    const { secret, step, codes } = await enrolTotp(page);
    expect(codes).toHaveLength(10);
    await expectAccessible(page);
    await page.getByRole("link", { name: /continuer vers Sillage/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Demandes de droits" })).toBeVisible();

    // Next sign-in: the code just used is refused (replay); a recovery code opens the session.
    const second = await signInWithPassword(browser);
    await expect(second.getByRole("heading", { level: 1, name: "Double authentification" })).toBeVisible();
    await expectAccessible(second);
    await second.getByLabel(/^Code à 6 chiffres/).fill(totpCode(secret, step));
    await second.getByRole("button", { name: "Valider le code" }).click();
    await expect(second.getByText("Ce code a déjà été utilisé.").first()).toBeVisible();
    await expect(second).toHaveURL(MFA_PATH);
    await expectAccessible(second);
    await second.getByText("Vous n'avez pas votre téléphone ?").click();
    await second.getByLabel(/^Code de secours/).fill(codes[0]!);
    await second.getByRole("button", { name: "Utiliser ce code de secours" }).click();
    await expect(second.getByRole("heading", { level: 1, name: "Demandes de droits" })).toBeVisible();

    // The same recovery code does not work twice; the app's next code does.
    const third = await signInWithPassword(browser);
    await third.getByText("Vous n'avez pas votre téléphone ?").click();
    await third.getByLabel(/^Code de secours/).fill(codes[0]!);
    await third.getByRole("button", { name: "Utiliser ce code de secours" }).click();
    await expect(third.getByText("Ce code de secours n'est pas valable ou a déjà servi.").first()).toBeVisible();
    await expectAccessible(third);
    await completeMfa(third, secret);
    await expect(third.getByRole("heading", { level: 1, name: "Demandes de droits" })).toBeVisible();

    // The admin sees the factor and resets it: the DPO's sessions close, the next sign-in enrols again.
    await openAccount(admin);
    await expect(section.getByText(/^Activée le/)).toBeVisible();
    await expect(section.getByText("9 sur 10")).toBeVisible();
    await section.getByRole("button", { name: "Réinitialiser" }).click();
    await expect(section.getByText("Cochez la case pour confirmer la réinitialisation.").first()).toBeVisible();
    await expectAccessible(admin);
    await section.getByLabel(/je confirme la réinitialisation/).check();
    await section.getByRole("button", { name: "Réinitialiser" }).click();
    await expect(section.getByText("a été réinitialisée")).toBeVisible();
    await expectAccessible(admin);
    await third.goto("/droits");
    await expect(third).toHaveURL(/\/connexion/);
    const again = await signInWithPassword(browser);
    await expect(again.getByRole("heading", { level: 1, name: "Activez la double authentification" })).toBeVisible();
  });

  test("the second-factor page is not for anonymous visitors", async ({ page }) => {
    await page.goto(MFA_PATH);
    await expect(page).toHaveURL(/\/connexion$/);
  });
});
