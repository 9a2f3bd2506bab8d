import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

const parisToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/**
 * Jade Garnier's dossier id (a CEJ of Camille Martin's portfolio): nobody else's journey touches her week, so
 * the gauge moves only by what this test does (Léa's week changes in the agenda and allowance journeys).
 */
async function openJade(page: Page): Promise<string> {
  await signIn(page, ACCOUNTS.conseiller);
  await page.getByRole("link", { name: "GARNIER Jade" }).first().click();
  await page.waitForURL(/\/jeunes\/[0-9a-f-]{36}/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function gauge(page: Page, id: string) {
  await page.goto(`/jeunes/${id}?onglet=parcours`);
  await expect(page.getByRole("heading", { name: "Jauge hebdomadaire du CEJ" })).toBeVisible();
  const value = async (name: RegExp) => Number(await page.getByRole("meter", { name }).getAttribute("aria-valuenow"));
  return { declarees: await value(/déclarées sur/), validees: await value(/validées sur/) };
}

async function addAction(page: Page, id: string, values: { libelle: string; statut: "En cours" | "Terminée"; fin?: string }) {
  await page.goto(`/jeunes/${id}?onglet=actions`);
  await page.getByRole("link", { name: "Ajouter une action" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter une action" })).toBeVisible();
  await page.getByLabel("Intitulé de l'action").fill(values.libelle);
  await page.getByLabel("Catégorie").selectOption({ label: "Emploi" });
  await page
    .getByRole("group", { name: /Où en est l'action/ })
    .getByLabel(values.statut)
    .check();
  if (values.fin) await page.getByLabel("Date de fin").fill(values.fin);
  await page.getByRole("button", { name: "Ajouter l'action" }).click();
  await expect(page.getByText("L'action est ajoutée au dossier.")).toBeVisible();
}

test.describe("actions and the CEJ gauge", () => {
  test("add an action, finish it, qualify in bulk, and see the week's gauge go up", async ({ page }) => {
    test.setTimeout(180_000);
    const id = await openJade(page);
    const today = parisToday();
    const suffix = Date.now().toString(36);
    const first = `Simulation d'entretien avec une recruteuse ${suffix}`;
    const second = `Candidature chez un logisticien ${suffix}`;

    const before = await gauge(page, id);
    await expect(page.getByRole("meter", { name: /validées sur 15 h/ })).toBeVisible();
    await expectAccessible(page);

    // The form says what is wrong, next to the field, and keeps what was typed.
    await page.goto(`/jeunes/${id}?onglet=actions`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Ajouter une action" }).first().click();
    await page.getByLabel("Intitulé de l'action").fill("Rendez-vous");
    await page.getByLabel("Durée").fill("2");
    await page.getByRole("button", { name: "Ajouter l'action" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Le formulaire contient" })).toBeVisible();
    await expect(page.getByText("Choisissez la catégorie de l'action.").first()).toBeVisible();
    await expect(page.getByText(/Précisez l'unité/).first()).toBeVisible();
    await expect(page.getByLabel("Intitulé de l'action")).toHaveValue("Rendez-vous");
    await expectAccessible(page);

    await addAction(page, id, { libelle: first, statut: "En cours" });
    const row = page.getByRole("row").filter({ hasText: first });
    await expect(row.getByText("En cours")).toBeVisible();
    await expectAccessible(page);

    // Finish it on its own page.
    await row.getByRole("link", { name: `Modifier l'action « ${first} »` }).click();
    await expect(page.getByRole("heading", { level: 1, name: first })).toBeVisible();
    await expectAccessible(page);
    const close = page.getByRole("region", { name: "Terminer l'action" });
    await expect(close.getByLabel("Terminée le")).toHaveValue(today);
    await close.getByLabel("Durée réelle").fill("1 h 30");
    await close.getByRole("button", { name: "Terminer l'action" }).click();
    await expect(page.getByText(/L'action est terminée\. Qualifiez-la/)).toBeVisible();
    await expect(page.getByText("À qualifier").first()).toBeVisible();
    await expectAccessible(page);

    await addAction(page, id, { libelle: second, statut: "Terminée", fin: today });

    // Both count as declared, not yet validated.
    const declared = await gauge(page, id);
    expect(declared).toEqual({ declarees: before.declarees + 360, validees: before.validees });

    // Bulk qualification from the Actions tab.
    await page.goto(`/jeunes/${id}?onglet=actions`);
    const bulk = page.getByRole("region", { name: "Actions terminées à qualifier" });
    await bulk.getByLabel(first).check();
    await bulk.getByLabel(second).check();
    await bulk.getByRole("button", { name: "Qualifier les actions cochées" }).click();
    await expect(page.getByText("2 actions sont qualifiées")).toBeVisible();
    await expect(bulk.getByLabel(first)).toHaveCount(0);
    await expect(page.getByRole("row").filter({ hasText: second }).getByText("Qualifiée")).toBeVisible();
    await expectAccessible(page);

    const after = await gauge(page, id);
    expect(after).toEqual({ declarees: before.declarees + 360, validees: before.validees + 360 });
    const table = page.getByRole("table", { name: "Activités comptées cette semaine" });
    await expect(table.getByRole("row").filter({ hasText: first })).toContainText("3 h");
    await expect(table.getByRole("row").filter({ hasText: first })).toContainText("qualifiée");

    // Previous week, then back: the links keep the Parcours tab.
    await page.getByRole("link", { name: "Semaine précédente" }).click();
    await expect(page).toHaveURL(/onglet=parcours&semaine=\d{4}-W\d{2}/);
    await expect(page.getByRole("link", { name: "Semaine en cours" })).toBeVisible();
    await expectAccessible(page);
  });

  test("filters in the URL, and nobody outside the structure or without the right reaches an action", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const id = await openJade(page);
    await page.goto(`/jeunes/${id}?onglet=actions`);
    await page.getByLabel("Statut").selectOption({ label: "Terminée" });
    await page.getByLabel("Catégorie").selectOption({ label: "Emploi" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/statut=terminee&categorie=emploi/);
    const rows = page.getByRole("table", { name: /Actions du jeune/ }).getByRole("row");
    await expect(rows.nth(1)).toContainText("Emploi");
    await expectAccessible(page);
    const editHref = await page
      .getByRole("link", { name: /^Modifier l'action/ })
      .first()
      .getAttribute("href");
    expect(editHref).toMatch(/^\/jeunes\/[0-9a-f-]{36}\/actions\/[0-9a-f-]{36}$/);

    const marseille = await browser.newContext();
    const ines = await marseille.newPage();
    await signIn(ines, ACCOUNTS.conseillerMarseille);
    const response = await ines.goto(editHref!);
    expect(response?.status()).toBe(404);
    await marseille.close();

    const dpoContext = await browser.newContext();
    const dpo = await dpoContext.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    expect((await dpo.goto(`/jeunes/${id}/actions/nouvelle`))?.status()).toBe(403);
    await dpoContext.close();
  });
});
