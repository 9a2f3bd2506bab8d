import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** Mon espace is made for a 375 px phone: every check here runs at that width, whatever the project. */
const PHONE = { width: 375, height: 780 };

/** Axe-clean, and nothing wider than the screen (no horizontal scroll). */
async function checkPage(page: Page): Promise<void> {
  await expectAccessible(page);
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll, `horizontal scroll on ${new URL(page.url()).pathname}`).toBeLessThanOrEqual(width);
}

/** Presses Tab from the top of the page until the element named takes the focus (at most `max` presses). */
async function reachByKeyboard(page: Page, name: RegExp, max = 80): Promise<void> {
  await page.locator("body").focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.getAttribute("aria-label") ?? ""} ${el.innerText ?? ""}`.replace(/\s+/g, " ").trim() : "";
    });
    if (name.test(label)) return;
  }
  throw new Error(`${name} not reached with the keyboard on ${new URL(page.url()).pathname}`);
}

test.describe("Mon espace: the way in", () => {
  // Every test here sets the 375 px screen itself: the phone project runs them, the desktop one would only repeat them.
  test.skip(({ isMobile }) => !isMobile, "checked on the phone project");
  test("the counsellor invites Léa, she enters by the e-mailed link, asks about her CEJ transfer, the DPO sees it @mobile", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(PHONE);
    // 1. The counsellor invites Léa from her dossier: the address is the dossier's own.
    const staffContext = await browser.newContext({ viewport: PHONE });
    const staff = await staffContext.newPage();
    await signIn(staff, ACCOUNTS.conseiller);
    await staff.goto("/portefeuille?q=dupont");
    await staff.getByRole("link", { name: "DUPONT Léa" }).click();
    await expect(staff).toHaveURL(/\/jeunes\/[0-9a-f-]{36}$/);
    const espace = staff.getByRole("region", { name: "Mon espace" });
    await expect(espace.getByText("lea.dupont@exemple.fr")).toBeVisible();
    await espace.getByRole("button", { name: /Inviter dans Mon espace|Renvoyer l'invitation dans Mon espace/ }).click();
    await expect(espace.getByRole("status").filter({ hasText: "L'invitation part vers lea.dupont@exemple.fr" })).toBeVisible();
    await expectAccessible(staff);
    // It is in the dossier's history.
    await staff.getByRole("link", { name: "Historique" }).click();
    await expect(staff.getByText("Invitation dans Mon espace envoyée à l'adresse e-mail du dossier").first()).toBeVisible();
    await staffContext.close();

    // 2. On Léa's phone: the message, read in the development outbox as a tester reads it.
    await page.goto("/dev/courriels");
    const message = page
      .getByRole("article")
      .filter({ hasText: "Votre mission locale vous invite dans Mon espace" })
      .filter({ hasText: "lea.dupont@exemple.fr" })
      .first();
    const link = message.getByRole("link", { name: /\/connexion\/lien\// });
    const href = (await link.getAttribute("href")) ?? "";
    await page.goto(new URL(href).pathname);
    await expect(page.getByRole("heading", { level: 1, name: "Bienvenue dans Mon espace" })).toBeVisible();
    await checkPage(page);
    await page.getByRole("button", { name: "Entrer dans Mon espace" }).click();
    await expect(page).toHaveURL(/\/mon-espace\?bienvenue=1$/);
    await expect(page.getByRole("heading", { level: 2, name: "Bienvenue dans Mon espace" })).toBeVisible();
    await checkPage(page);

    // 3. Her timeline shows the CEJ transfer to France Travail; she asks a question about that line.
    await page.getByRole("link", { name: /Le parcours de mes données/ }).click();
    await page.getByRole("navigation", { name: "Choisir ce que vous voulez voir" }).getByRole("link", { name: "Envois" }).click();
    await expect(page).toHaveURL(/[?&]type=envois/);
    const line = page.getByRole("article").filter({ hasText: "Pourquoi : vous inscrire." }).filter({ hasText: "à France Travail" });
    await expect(line).toContainText("votre contrat CEJ");
    await checkPage(page);
    await line.getByRole("link", { name: /J'ai une question sur cette ligne/ }).click();
    await expect(page.getByRole("radio", { name: /Poser une question sur un envoi/ })).toBeChecked();
    const words = page.getByLabel("Votre demande, avec vos mots");
    await words.fill(`${await words.inputValue()}pourquoi mon contrat a-t-il été envoyé ?`);
    await checkPage(page);
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    const receipt = page.getByRole("status").filter({ hasText: "est envoyée" });
    await expect(receipt).toBeVisible();
    const numero = (await receipt.textContent())?.match(/n° (\d{4}-\d{4,})/)?.[1] ?? "";
    expect(numero).not.toBe("");
    await checkPage(page);

    // 4. The DPO finds the request in /droits, with the line it is about.
    const dpoContext = await browser.newContext();
    const dpo = await dpoContext.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    await dpo.goto("/droits");
    await dpo
      .getByRole("link", { name: new RegExp(numero) })
      .first()
      .click();
    await expect(dpo.getByRole("heading", { level: 1, name: `Demande n° ${numero}` })).toBeVisible();
    // The line travels with the request: quoted in its words, and as the transfer it is about.
    await expect(dpo.getByText(/Ma question sur l'envoi du .*« Envoyé à France Travail »\) : pourquoi mon contrat/)).toBeVisible();
    await expect(dpo.getByText(/Votre question porte sur cet envoi : l'envoi du .* à France Travail \(inscription\)/)).toBeVisible();
    await expectAccessible(dpo);
    await dpoContext.close();
  });

  test("five wrong codes lock the address with a plain message, known or not @mobile", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Entrer dans Mon espace" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
    await checkPage(page);
    await page.getByLabel("Votre adresse e-mail").fill(`inconnu-${Date.now()}@exemple.fr`);
    await page.getByRole("button", { name: "Recevoir un code" }).click();
    // The same answer as for a known address.
    await expect(page.getByText("Si cette adresse est connue, un code à 6 chiffres vient de vous être envoyé")).toBeVisible();
    await checkPage(page);
    const code = page.getByLabel(/^Code reçu par e-mail/);
    await code.fill("12");
    await page.getByRole("button", { name: "Me connecter" }).click();
    await expect(page.getByText("Le code a 6 chiffres. Exemple : 123456")).toBeVisible();
    await checkPage(page);
    for (let i = 0; i < 5; i++) {
      await code.fill(String(100000 + i));
      await page.getByRole("button", { name: "Me connecter" }).click();
      await expect(page.getByRole("button", { name: "Me connecter" })).toBeEnabled();
      if (i === 0) await expect(page.getByText("Ce code ne marche pas.")).toBeVisible();
    }
    await expect(page.getByText(/Trop d'essais avec un code faux\. .*bloquée pendant 15 minutes/)).toBeVisible();
    await expect(page).toHaveURL(/\/connexion\/code$/);
    await checkPage(page);
  });

  test("every page of Mon espace fits a 375 px screen and its main action is reached with the keyboard @mobile", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, ACCOUNTS.jeune);
    const pages: { path: string; action: RegExp }[] = [
      { path: "/mon-espace", action: /Faire une demande sur mes données/ },
      { path: "/mon-espace/parcours-des-donnees", action: /J'ai une question sur cette ligne/ },
      { path: "/mon-espace/mes-informations", action: /Faire une demande sur mes données/ },
      { path: "/mon-espace/mon-parcours", action: /Retour à mon espace/ },
      { path: "/mon-espace/demande", action: /Envoyer ma demande/ },
      { path: "/mon-espace/connexions", action: /Se déconnecter partout/ },
    ];
    for (const { path, action } of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkPage(page);
      await reachByKeyboard(page, action);
    }
  });
});
