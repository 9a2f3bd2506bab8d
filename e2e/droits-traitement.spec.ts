import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** A phone number different on every run, so the correction is always a change. */
function newPhone(): string {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  return `07${digits}`;
}

test.describe("traitement des demandes de droits", () => {
  test("Léa asks for a correction from her space; the DPO applies it and the recipients of the old value are told", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    // 1. Léa, signed in, writes her request in her own words.
    await signIn(page, ACCOUNTS.jeune);
    await page.waitForLoadState("networkidle");
    await page.goto("/mon-espace");
    await page.getByRole("link", { name: "Faire une demande sur mes données" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Faire une demande sur mes données" })).toBeVisible();
    // Portability is not offered: every finality of hers rests on a public-interest task or a legal obligation.
    await expect(page.getByRole("radio", { name: /Recevoir mes données dans un fichier/ })).toHaveCount(0);
    await expectAccessible(page);

    // Nothing chosen: the error says what to do, and the text typed stays.
    await page.getByLabel("Votre demande, avec vos mots").fill("Mon numéro de téléphone a changé.");
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(page.getByRole("link", { name: "Choisissez ce que vous voulez faire." })).toBeVisible();
    await expect(page.getByLabel("Votre demande, avec vos mots")).toHaveValue("Mon numéro de téléphone a changé.");
    await expectAccessible(page);

    await page.getByRole("radio", { name: /Corriger une information/ }).check();
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    const receipt = page.getByRole("status").filter({ hasText: "est envoyée" });
    await expect(receipt).toBeVisible();
    const numero = (await receipt.textContent())!.match(/n° (\d{4}-\d{4,})/)![1]!;
    await expectAccessible(page);

    // Her space shows the request and its first step.
    await page.getByRole("link", { name: "Voir où en est votre demande" }).click();
    await expect(page.getByRole("heading", { name: `Demande n° ${numero}` })).toBeVisible();
    await expectAccessible(page);

    // 2. The DPO opens the request from the queue and applies the correction.
    const dpoContext = await browser.newContext();
    const dpo = await dpoContext.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    await dpo.waitForLoadState("networkidle");
    await dpo.goto("/droits");
    await dpo
      .getByRole("link", { name: new RegExp(numero) })
      .first()
      .click();
    await expect(dpo.getByRole("heading", { level: 1, name: `Demande n° ${numero}` })).toBeVisible();
    await expect(dpo.getByText("Espace personnel du jeune")).toBeVisible();
    await expectAccessible(dpo);

    // A wrong value is refused next to the field; nothing changes.
    await dpo.getByLabel("Information à corriger").selectOption({ label: "Téléphone" });
    await dpo.getByLabel("Nouvelle valeur").fill("12");
    await dpo.getByRole("button", { name: "Corriger le dossier et prévenir les destinataires" }).click();
    await expect(dpo.locator("#rectification-valeur-error")).toContainText("10 chiffres");
    await expectAccessible(dpo);

    await dpo.getByLabel("Information à corriger").selectOption({ label: "Téléphone" });
    await dpo.getByLabel("Nouvelle valeur").fill(newPhone());
    await dpo.getByRole("button", { name: "Corriger le dossier et prévenir les destinataires" }).click();
    await expect(dpo.getByRole("status").filter({ hasText: "Le dossier est corrigé" })).toContainText("transmission de rectification");
    // France Travail had received the old number (acknowledged transfer): one rectification transfer, waiting to leave.
    const section = dpo.getByRole("region", { name: "Destinataires prévenus" });
    await expect(section.getByRole("listitem")).toHaveCount(1);
    await expect(section).toContainText("France Travail");
    await expect(section).toContainText("À envoyer");
    await expectAccessible(dpo);

    // The same transfer is in Léa's journey, with its plain-French kind, and the step in her request.
    await page.goto("/mon-espace");
    await expect(page.getByText("C'est : correction de vos données.").first()).toBeVisible();
    await expect(
      page.getByText(/Nous avons corrigé votre dossier : téléphone\. Nous prévenons aussi France Travail/).first(),
    ).toBeVisible();
    await expectAccessible(page);
    await dpoContext.close();
  });

  test("a question on one transfer opens the form already filled in", async ({ page }) => {
    await signIn(page, ACCOUNTS.jeune);
    await page.waitForLoadState("networkidle");
    await page.goto("/mon-espace");
    await page.getByRole("link", { name: "J'ai une question sur cet envoi" }).first().click();
    await expect(page.getByText(/Votre question porte sur l'envoi du/)).toBeVisible();
    await expect(page.getByRole("radio", { name: /Poser une question sur un envoi/ })).toBeChecked();
    await expect(page.getByLabel("Votre demande, avec vos mots")).toHaveValue(/^Ma question sur l'envoi du/);
    await expectAccessible(page);
  });

  test("@mobile the request form of Mon espace works on a phone", async ({ page }) => {
    await signIn(page, ACCOUNTS.jeune);
    await page.waitForLoadState("networkidle");
    await page.goto("/mon-espace/demande");
    await expect(page.getByRole("heading", { level: 1, name: "Faire une demande sur mes données" })).toBeVisible();
    await page.getByRole("radio", { name: /Dire non à une utilisation/ }).check();
    await expect(page.getByLabel(/À quelle utilisation dites-vous non/)).toBeVisible();
    await expectAccessible(page);
  });
});
