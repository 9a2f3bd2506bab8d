import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

// Every test registers its own young people under random names, so tests stay independent and parallel
// (the desktop and mobile projects share one database).

function randomLetters(n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

function uniqueName(): string {
  const letters = randomLetters(7);
  return `Essai${letters}`;
}

/** A civil date `years` years and `days` days ago (days keep us clear of birthdays around midnight). */
function yearsAgo(years: number, days: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** A NIR consistent with sex and birth date, random department-commune-order, with its key (97 − n mod 97). */
function nirFor(sex: "F" | "M", birthDate: string, key: "right" | "wrong" = "right"): string {
  const rest = `69${String(100 + Math.floor(Math.random() * 800))}${String(100 + Math.floor(Math.random() * 800))}`;
  const first13 = `${sex === "F" ? 2 : 1}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${rest}`;
  const right = 97 - Number(BigInt(first13) % 97n);
  const value = key === "right" ? right : (right % 97) + 1;
  return `${first13}${String(value).padStart(2, "0")}`;
}

/** "2 05 03 69 123 456 78", as people type it. */
function spaced(nir: string): string {
  return [nir.slice(0, 1), nir.slice(1, 3), nir.slice(3, 5), nir.slice(5, 7), nir.slice(7, 10), nir.slice(10, 13), nir.slice(13)].join(" ");
}

interface Identity {
  nom: string;
  prenoms: string;
  dateNaissance: string;
  sexe: "Femme" | "Homme";
  nir?: string;
  email?: string;
  dispositif?: RegExp;
}

async function fillIdentity(page: Page, who: Identity): Promise<void> {
  await page.getByLabel("Nom de naissance").fill(who.nom);
  await page.getByLabel("Prénoms").fill(who.prenoms);
  await page.getByLabel("Date de naissance").fill(who.dateNaissance);
  await page.getByRole("radio", { name: who.sexe }).check();
  if (who.nir) await page.getByLabel("Numéro de sécurité sociale (NIR)").fill(who.nir);
  await page.getByLabel("Téléphone").fill("06 12 34 56 78");
  await page.getByLabel("Adresse e-mail").fill(who.email ?? `jeune.${who.nom.toLowerCase()}@exemple.fr`);
  await page.getByLabel("Code postal").fill("69008");
  await page.getByLabel("Commune", { exact: true }).fill("Lyon");
  await page.getByRole("radio", { name: who.dispositif ?? /^CEJ/ }).check();
}

/** Registers a young person through the form and returns the dossier's path. */
async function createThroughForm(page: Page, who: Identity): Promise<string> {
  await page.goto("/jeunes/nouveau");
  await fillIdentity(page, who);
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await page.waitForURL(/\/jeunes\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test.describe("création et modification d'un dossier jeune", () => {
  test("a counsellor registers a young person and lands on the new dossier @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/jeunes/nouveau");
    await expect(page.getByRole("heading", { level: 1, name: "Nouveau dossier jeune" })).toBeVisible();
    // The counsellor and her antenne are preselected.
    await expect(page.getByLabel("Conseiller ou conseillère référent(e)")).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel("Conseiller ou conseillère référent(e)").locator("option:checked")).toHaveText("Camille Martin");
    await expect(page.getByLabel("Antenne")).not.toHaveValue("");
    await expectAccessible(page);

    const birth = yearsAgo(19, 40);
    const nom = uniqueName();
    await fillIdentity(page, { nom, prenoms: "Maëlle", dateNaissance: birth, sexe: "Femme", nir: spaced(nirFor("F", birth)) });
    await page.getByLabel("Niveau de qualification").selectOption({ label: "Baccalauréat (niveau 4)" });
    await page.getByRole("checkbox", { name: "Permis B" }).check();
    await page.getByRole("button", { name: "Créer le dossier" }).click();

    await page.waitForURL(/\/jeunes\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${nom.toUpperCase()} Maëlle`);
    expect(page.url()).not.toContain(nom);
  });

  test("a wrong NIR key and an age of 27 without RQTH are explained next to the fields; values kept but the NIR; nothing created", async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/jeunes/nouveau");
    const birth = yearsAgo(27, 60);
    const nom = uniqueName();
    await fillIdentity(page, {
      nom,
      prenoms: "Hugo",
      dateNaissance: birth,
      sexe: "Homme",
      nir: nirFor("M", birth, "wrong"),
      dispositif: /^PACEA/,
    });
    await page.getByLabel("Commentaire").fill("Orienté par le CCAS.");
    await page.getByRole("button", { name: "Créer le dossier" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient 2 erreurs" });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page.locator("#nir-error")).toHaveText(
      "Erreur : Le numéro de sécurité sociale ne correspond pas à sa clé. Vérifiez les deux derniers chiffres.",
    );
    await expect(page.locator("#dateNaissance-error")).toHaveText(
      "Erreur : Ce jeune a 27 ans : l'accompagnement est possible jusqu'à 25 ans révolus (29 ans pour un CEJ avec une RQTH).",
    );
    await expect(page.getByLabel("Numéro de sécurité sociale (NIR)")).toHaveAttribute("aria-describedby", /nir-error/);

    // Everything typed is still there, except the NIR, which must be typed again.
    await expect(page.getByLabel("Nom de naissance")).toHaveValue(nom);
    await expect(page.getByLabel("Date de naissance")).toHaveValue(birth);
    await expect(page.getByRole("radio", { name: "Homme" })).toBeChecked();
    await expect(page.getByRole("radio", { name: /^PACEA/ })).toBeChecked();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(`jeune.${nom.toLowerCase()}@exemple.fr`);
    await expect(page.getByLabel("Commentaire")).toHaveValue("Orienté par le CCAS.");
    await expect(page.getByLabel("Numéro de sécurité sociale (NIR)")).toHaveValue("");
    await expect(page.getByText("Par sécurité, ressaisissez le NIR")).toBeVisible();
    await expectAccessible(page);

    // A RQTH and a CEJ make 27 acceptable; the summary then names only the NIR.
    await page.getByLabel("Numéro de sécurité sociale (NIR)").fill(nirFor("M", birth, "wrong"));
    await page.getByRole("checkbox", { name: /^RQTH/ }).check();
    await page.getByRole("radio", { name: /^CEJ/ }).check();
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Le formulaire contient 1 erreur" })).toBeVisible();
    await expect(page.locator("#dateNaissance-error")).toHaveCount(0);
    await expect(page.getByLabel("Numéro de sécurité sociale (NIR)")).toHaveAttribute("aria-invalid", "true");

    await page.goto(`/portefeuille?q=${nom}`);
    await expect(page.getByText(/Aucun jeune/).first()).toBeVisible();
  });

  test("a duplicate is shown with a link to the existing dossier instead of creating a second one", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const birth = yearsAgo(20, 100);
    const nom = uniqueName();
    const existing = await createThroughForm(page, { nom, prenoms: "Léna", dateNaissance: birth, sexe: "Femme" });

    await page.goto("/jeunes/nouveau");
    await fillIdentity(page, { nom: nom.toUpperCase(), prenoms: "LENA", dateNaissance: birth, sexe: "Femme", email: "autre@exemple.fr" });
    await page.getByRole("button", { name: "Créer le dossier" }).click();

    const notice = page.getByRole("alert").filter({ hasText: "Ce jeune a peut-être déjà un dossier dans votre mission locale" });
    await expect(notice).toBeVisible();
    await expect(notice).toBeFocused();
    await expect(notice).toContainText(`${nom.toUpperCase()} Léna`);
    await expect(notice).toContainText("Camille Martin");
    await expect(notice.getByRole("link", { name: "Ouvrir ce dossier" })).toHaveAttribute("href", existing);
    await expect(notice.getByRole("button", { name: "Il s'agit d'une autre personne : créer quand même" })).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("autre@exemple.fr");
    await expectAccessible(page);

    await notice.getByRole("link", { name: "Ouvrir ce dossier" }).click();
    await expect(page).toHaveURL(existing);
  });

  test("a homonym can be registered once the user says it is another person", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const birth = yearsAgo(22, 15);
    const nom = uniqueName();
    const first = await createThroughForm(page, { nom, prenoms: "Adam", dateNaissance: birth, sexe: "Homme" });
    await page.goto("/jeunes/nouveau");
    await fillIdentity(page, { nom, prenoms: "Adam", dateNaissance: birth, sexe: "Homme", email: "adam.homonyme@exemple.fr" });
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await page.getByRole("button", { name: "Il s'agit d'une autre personne : créer quand même" }).click();
    await page.waitForURL(/\/jeunes\/[0-9a-f-]{36}$/);
    expect(new URL(page.url()).pathname).not.toBe(first);
  });

  test("two people edit the same dossier: the second save is refused with what changed, nothing is overwritten", async ({ browser }) => {
    test.setTimeout(180_000);
    const camilleContext = await browser.newContext();
    const nadiaContext = await browser.newContext();
    const camille = await camilleContext.newPage();
    const nadia = await nadiaContext.newPage();
    await signIn(camille, ACCOUNTS.conseiller);
    await signIn(nadia, ACCOUNTS.directeur);

    const birth = yearsAgo(18, 30);
    const nom = uniqueName();
    const dossier = await createThroughForm(camille, {
      nom,
      prenoms: "Lou",
      dateNaissance: birth,
      sexe: "Femme",
      nir: nirFor("F", birth),
      email: "lou.avant@exemple.fr",
    });

    // Both open the edit form.
    await camille.goto(`${dossier}/modifier`);
    await nadia.goto(`${dossier}/modifier`);
    await expect(camille.getByRole("heading", { level: 1 })).toContainText(`Modifier le dossier de ${nom.toUpperCase()} Lou`);
    await expect(camille.getByLabel("Numéro de sécurité sociale (NIR)")).toHaveValue("");
    await expect(camille.getByText("Laissez vide pour conserver le numéro enregistré")).toBeVisible();
    await expect(camille.getByText(/^2 \d\d \d\d •• ••• ••• ••$/)).toBeVisible();
    await expect(camille.getByRole("checkbox", { name: "Supprimer le NIR enregistré" })).not.toBeChecked();
    await expectAccessible(camille);

    // The director saves first: new phone number and a health note.
    await nadia.getByLabel("Téléphone").fill("07 98 76 54 32");
    await nadia.getByLabel("Santé").fill("Rendez-vous médicaux le mardi");
    await nadia.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await nadia.waitForURL(`${dossier}?enregistre=1`);

    // The counsellor saves her e-mail change from the old version: refused, with the list.
    await camille.getByLabel("Adresse e-mail").fill("lou.apres@exemple.fr");
    await camille.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const notice = camille.getByRole("alert").filter({ hasText: "Ce dossier a été modifié par quelqu'un d'autre pendant votre saisie" });
    await expect(notice).toBeVisible();
    await expect(notice).toBeFocused();
    await expect(notice.getByRole("listitem")).toHaveText([/^Téléphone : maintenant « 07 98 76 54 32 »/, /^Santé : modifié/]);
    await expect(notice).not.toContainText("Rendez-vous médicaux");
    await expect(camille.getByLabel("Adresse e-mail")).toHaveValue("lou.apres@exemple.fr");
    await expect(camille.getByLabel("Téléphone")).toHaveValue("07 98 76 54 32");
    await expectAccessible(camille);

    // Nothing was overwritten.
    await nadia.goto(`${dossier}/modifier`);
    await expect(nadia.getByLabel("Adresse e-mail")).toHaveValue("lou.avant@exemple.fr");
    await expect(nadia.getByLabel("Santé")).toHaveValue("Rendez-vous médicaux le mardi");

    // Having seen the list, she confirms: her e-mail is saved, the director's changes stay.
    await camille.getByRole("button", { name: "Enregistrer quand même mes modifications" }).click();
    await camille.waitForURL(`${dossier}?enregistre=1`);
    await nadia.reload();
    await expect(nadia.getByLabel("Adresse e-mail")).toHaveValue("lou.apres@exemple.fr");
    await expect(nadia.getByLabel("Téléphone")).toHaveValue("07 98 76 54 32");
    await expect(nadia.getByLabel("Santé")).toHaveValue("Rendez-vous médicaux le mardi");

    await camilleContext.close();
    await nadiaContext.close();
  });

  test("the edit form explains a bad phone number and postcode next to the fields @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const birth = yearsAgo(17, 50);
    const nom = uniqueName();
    const dossier = await createThroughForm(page, { nom, prenoms: "Tom", dateNaissance: birth, sexe: "Homme" });
    await page.goto(`${dossier}/modifier`);
    await page.getByLabel("Téléphone").fill("06 12");
    await page.getByLabel("Code postal").fill("6900");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Le formulaire contient 2 erreurs" })).toBeFocused();
    await expect(page.locator("#telephone-error")).toContainText("saisissez 10 chiffres, par exemple 06 12 34 56 78");
    await expect(page.locator("#codePostal-error")).toContainText("5 chiffres");
    await expect(page.getByLabel("Téléphone")).toHaveValue("06 12");
    await expectAccessible(page);
  });

  test("the stored NIR stays masked on the edit form until deliberately shown; outside the portfolio the reason comes first", async ({
    page,
    browser,
  }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const birth = yearsAgo(21, 80);
    const nir = nirFor("F", birth);
    const nom = uniqueName();
    const dossier = await createThroughForm(page, { nom, prenoms: "Inès", dateNaissance: birth, sexe: "Femme", nir });
    await page.goto(`${dossier}/modifier`);
    await expect(page.getByText(spaced(nir))).toHaveCount(0);
    await page.getByRole("button", { name: "Afficher le NIR" }).click();
    await expect(page.getByText(spaced(nir))).toBeVisible();
    await expect(page.getByRole("button", { name: "Masquer le NIR" })).toBeFocused();
    await expect(page.getByText("Cet affichage est enregistré dans l'historique du dossier.")).toBeVisible();
    expect(page.url()).not.toContain(nir.slice(5, 13));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Masquer le NIR" }).click();
    await expect(page.getByText(spaced(nir))).toHaveCount(0);

    // Another counsellor of the same mission locale: sent to the dossier page, which asks for a reason.
    const julienContext = await browser.newContext();
    const julien = await julienContext.newPage();
    await signIn(julien, ACCOUNTS.conseiller2);
    await julien.goto(`${dossier}/modifier`);
    await expect(julien).toHaveURL(dossier);
    await expect(julien.getByLabel("Nom de naissance")).toHaveCount(0);
    await julienContext.close();
  });

  test("a dossier of another mission locale cannot be opened for editing", async ({ browser }) => {
    const marseilleContext = await browser.newContext();
    const marseille = await marseilleContext.newPage();
    await signIn(marseille, ACCOUNTS.conseillerMarseille);
    const href = await marseille.locator('table a[href^="/jeunes/"]').first().getAttribute("href");
    expect(href).toMatch(/^\/jeunes\/[0-9a-f-]{36}$/);
    await marseilleContext.close();

    const lyonContext = await browser.newContext();
    const lyon = await lyonContext.newPage();
    await signIn(lyon, ACCOUNTS.conseiller);
    const response = await lyon.goto(`${href}/modifier`);
    expect(response?.status()).toBe(404);
    await lyonContext.close();
  });
});
