import { isValidSiret } from "../lib/structures/siret";
import { ACCOUNTS, expect, expectAccessible, signIn, signInWithForm, test } from "./fixtures";

/** A SIRET of this run only (the SIRET is unique): 13 digits from the clock, then the Luhn key. */
function siretOfThisRun(): string {
  const payload = `8${String(Date.now()).slice(-12)}`;
  for (let d = 0; d <= 9; d++) if (isValidSiret(`${payload}${d}`)) return `${payload}${d}`;
  throw new Error("unreachable");
}

const INVALID_TITLE = "Ce lien n'est plus valable";

test.describe("invitations", () => {
  test("the admin sets up a mission locale and invites a counsellor, who chooses a password and signs in", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const run = Date.now();
    const structure = `Mission locale d'invitation ${run}`;
    const antenne = `Antenne du port ${run}`;
    const email = `conseiller.${run}@ml-invitation.fr`;
    const password = "marée haute sur le vieux port";

    // The admin creates the mission locale and its antenne.
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/structures/nouvelle");
    await page.getByLabel("Nom de la mission locale").fill(structure);
    await page.getByLabel("SIRET").fill(siretOfThisRun());
    await page.getByLabel("Département").fill("13");
    await page.getByLabel("Commune du siège").fill("Marseille");
    await page.getByLabel("Adresse e-mail du délégué").fill("dpo@ml-invitation.fr");
    await page.getByRole("button", { name: "Créer la mission locale" }).click();
    await page.waitForURL(/\/admin\/structures\/[0-9a-f-]{36}/);
    const add = page.getByRole("region", { name: "Ajouter une antenne" });
    await add.getByLabel("Nom de l'antenne").fill(antenne);
    await add.getByLabel("Commune").fill("Marseille");
    await add.getByLabel("Code postal").fill("13002");
    await add.getByRole("button", { name: "Ajouter l'antenne" }).click();
    await expect(add.getByText("L'antenne est ajoutée.")).toBeVisible();

    // … then invites a counsellor into it.
    await page.goto("/admin/comptes");
    await page.getByRole("link", { name: "Inviter un compte" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inviter un compte" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Prénom et nom").fill("Yanis Caradec");
    await page.getByLabel("Adresse e-mail professionnelle").fill(ACCOUNTS.conseiller);
    await page.getByLabel("Rôle").selectOption({ label: "Conseiller" });
    await page.getByLabel("Mission locale").selectOption({ label: structure });
    await page.getByLabel("Antenne").selectOption({ label: antenne });
    await page.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
    // An address already in use: refused next to the field, everything typed kept.
    await expect(page.getByText("déjà celle d'un compte de Sillage").first()).toBeVisible();
    await expect(page.getByLabel("Prénom et nom")).toHaveValue("Yanis Caradec");
    await expect(page.getByLabel("Mission locale")).toHaveValue(/[0-9a-f-]{36}/);
    await expectAccessible(page);
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    await page.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
    await page.waitForURL(/\/admin\/comptes\/[0-9a-f-]{36}$/);
    const section = page.getByRole("region", { name: "Invitation" });
    await expect(section.getByText("Envoyée, en attente")).toBeVisible();
    await expect(section.getByRole("button", { name: "Révoquer l'invitation" })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/admin/comptes?q=${encodeURIComponent(email)}`);
    await expect(
      page
        .getByRole("row", { name: /Yanis Caradec/ })
        .getByText("Invitation en attente")
        .filter({ visible: true }),
    ).toBeVisible();
    await expectAccessible(page);

    // The counsellor, in another browser, reads the message in the development outbox.
    const guest = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    const visitor = await guest.newPage();
    await visitor.goto("/dev/courriels");
    const message = visitor.getByRole("article").filter({ hasText: email }).first();
    await expect(message.getByRole("heading", { name: "Votre compte Sillage : choisissez votre mot de passe" })).toBeVisible();
    await expectAccessible(visitor);
    const link = await message.getByRole("link", { name: /\/invitation\// }).getAttribute("href");
    expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
    const token = link!.split("/").pop()!;

    const response = await visitor.goto(`/invitation/${token}`);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(visitor.getByRole("heading", { level: 1, name: "Choisir mon mot de passe" })).toBeVisible();
    await expect(visitor.getByText(structure).first()).toBeVisible();
    await expectAccessible(visitor);

    // A common password is refused, and stays in its box to be corrected.
    await visitor.getByLabel("Nouveau mot de passe").fill("qwerty123456");
    await visitor.getByLabel("Confirmez le mot de passe").fill("qwerty123456");
    await visitor.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await expect(visitor.getByText("fait partie des mots de passe les plus utilisés").first()).toBeVisible();
    await expect(visitor.getByLabel("Nouveau mot de passe")).toHaveValue("qwerty123456");
    await expectAccessible(visitor);

    await visitor.getByLabel("Afficher le mot de passe").check();
    await expect(visitor.getByLabel("Nouveau mot de passe")).toHaveAttribute("type", "text");
    await visitor.getByLabel("Nouveau mot de passe").fill(password);
    await visitor.getByLabel("Confirmez le mot de passe").fill(password);
    await visitor.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await visitor.waitForURL(/\/connexion\?mot-de-passe=enregistre$/);
    await expect(visitor.getByText("Votre mot de passe est enregistré. Connectez-vous.")).toBeVisible();
    await expectAccessible(visitor);

    // The link served once.
    await visitor.goto(`/invitation/${token}`);
    await expect(visitor.getByRole("heading", { level: 1, name: INVALID_TITLE })).toBeVisible();

    // Signed in, the counsellor lands on the empty portfolio of the new mission locale.
    await signInWithForm(visitor, email, password);
    await expect(visitor).toHaveURL(/\/portefeuille$/);
    await expect(visitor.getByRole("heading", { name: "Votre portefeuille est vide" })).toBeVisible();
    await expect(visitor.getByRole("banner").getByText(structure)).toBeVisible();
    await expectAccessible(visitor);
    await guest.close();

    // Back on the accounts list: no longer pending; the account page reads the invitation as accepted.
    await page.reload();
    await expect(page.getByRole("row", { name: /Yanis Caradec/ }).getByText("Invitation en attente")).toHaveCount(0);
    await page.getByRole("link", { name: "Yanis Caradec" }).click();
    await expect(page.getByRole("region", { name: "Invitation" }).getByText("Acceptée", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Renvoyer l'invitation" })).toHaveCount(0);
  });

  test("a director invites counsellors of their own structure only; an unknown link tells nothing", async ({ page }) => {
    await signIn(page, ACCOUNTS.directeur);
    await page.goto("/admin/comptes/nouveau");
    const roles = await page.getByLabel("Rôle").locator("option").allTextContents();
    expect(roles).toEqual(["Conseiller"]);
    await expect(page.getByText("Mission locale : Mission locale de Lyon")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Mission locale" })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`/invitation/${"A".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: INVALID_TITLE })).toBeVisible();
    await expect(page.getByText("Demandez une nouvelle invitation à votre responsable")).toBeVisible();
    await expectAccessible(page);
  });
});
