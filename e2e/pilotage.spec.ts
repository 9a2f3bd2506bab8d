import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** axe and a screenshot at 1280 px and at 375 px (a small phone) for the page as it stands. */
async function checkAtBothWidths(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("dashboards and legal pages", () => {
  test("the director reads the dashboard, its charts and tables, and a figure opens the list it counts", async ({ page }) => {
    await signIn(page, ACCOUNTS.directeur);
    await page.goto("/pilotage?mois=6&antenne=pas-un-uuid");
    await expect(page.getByRole("heading", { level: 1, name: /^Pilotage — Mission locale de Lyon/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Entrées et sorties par mois/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Répartition des heures validées/ })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Entrées et sorties par mois, avec les motifs de sortie" }).locator("tbody tr"),
    ).toHaveCount(6);
    await checkAtBothWidths(page, "pilotage");

    // A month's entries open the portfolio narrowed to them, the filter said in words and removable.
    const entries = page
      .getByRole("table", { name: "Entrées et sorties par mois, avec les motifs de sortie" })
      .getByRole("link", { name: /jeunes entrés en/ })
      .first();
    await entries.click();
    await expect(page).toHaveURL(/\/portefeuille\?statut=tous&entree=\d{4}-\d{2}$/);
    await expect(page.getByText(/^Entré\(e\) en /)).toBeVisible();
    await checkAtBothWidths(page, "portefeuille-entree");
    await page.getByRole("link", { name: "Retirer ce filtre" }).click();
    await expect(page).toHaveURL(/\/portefeuille\?statut=tous$/);
    await expect(page.getByText(/^Entré\(e\) en /)).toHaveCount(0);

    // The period's total opens the portfolio over its months; the attendance opens the rendez-vous it counts.
    await page.goto("/pilotage?mois=6");
    await page.getByRole("link", { name: /jeunes entrés sur la période$/ }).click();
    await expect(page).toHaveURL(/\/portefeuille\?statut=tous&entree=\d{4}-\d{2}\.\.\d{4}-\d{2}$/);
    await expect(page.getByText(/^Entré\(e\) d(e |')\S+ \d{4} à \S+ \d{4}$/)).toBeVisible();
    await page.goto("/pilotage?mois=6");
    await page
      .getByRole("table", { name: "Rendez-vous individuels pointés, par présence" })
      .getByRole("link", { name: /présences aux rendez-vous$/ })
      .click();
    await expect(page).toHaveURL(/\/pilotage\/rendez-vous\?mois=6&presence=present$/);
    await expect(page.getByRole("heading", { level: 1, name: "Rendez-vous individuels pointés" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^\d[\d\u202f]* rendez-vous$/ })).toBeVisible();
    await checkAtBothWidths(page, "pilotage-rendez-vous");

    // Other journeys sign CEJ contracts at the same time: the figure and its list are read again until they agree.
    await expect
      .poll(
        async () => {
          await page.goto("/pilotage");
          const figure = page
            .getByRole("term")
            .filter({ hasText: "CEJ en cours" })
            .locator("xpath=following-sibling::dd[1]")
            .getByRole("link");
          const count = (await figure.textContent())!.replace(/\D/g, "");
          await figure.click();
          await expect(page).toHaveURL(/\/portefeuille\?dispositif=CEJ$/);
          const status = page.getByRole("status").filter({ hasText: /^\d+ jeunes?/ });
          return new RegExp(`^${count} jeunes?`).test((await status.first().textContent()) ?? "");
        },
        { timeout: 60_000, intervals: [0, 1_000, 2_000] },
      )
      .toBe(true);
  });

  test("the DPO reads the compliance dashboard; a counsellor may open neither dashboard", async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.dpo);
    await page.goto("/conformite");
    await expect(page.getByRole("heading", { level: 1, name: /^Conformité/ })).toBeVisible();
    for (const name of [
      "Demandes d'exercice de droits",
      "Transmissions par destinataire",
      "Consultations hors portefeuille",
      "Conservation",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Voir toutes les exécutions et lancer une simulation" })).toHaveAttribute(
      "href",
      "/conformite/conservation",
    );
    await checkAtBothWidths(page, "conformite");

    const other = await browser.newPage();
    await signIn(other, ACCOUNTS.conseiller);
    for (const path of ["/pilotage", "/conformite"]) expect((await other.goto(path))?.status(), path).toBe(403);
    await other.close();
  });

  test("anyone reads the legal notice and the accessibility statement, linked from the footer", async ({ page }) => {
    await page.goto("/connexion");
    const footer = page.getByRole("contentinfo");
    await footer.getByRole("link", { name: "Mentions légales" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mentions légales" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Directeur ou directrice de la publication" })).toBeVisible();
    await expect(page.getByText("Nadia Benali, directrice")).toBeVisible();
    await checkAtBothWidths(page, "mentions-legales");

    await page.getByRole("contentinfo").getByRole("link", { name: "Accessibilité : non conforme" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
    await expect(page.getByText(/Sillage est non conforme avec le référentiel/)).toBeVisible();
    for (const name of [
      "Schéma pluriannuel et plan d'action",
      "Contenus non accessibles",
      "Voies de recours",
      "Retour d'information et contact",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    await checkAtBothWidths(page, "accessibilite");

    await page.goto("/notice");
    await expect(page.getByRole("heading", { level: 2, name: "Le cookie de connexion" })).toBeVisible();
  });
});
