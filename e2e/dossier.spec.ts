import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

const TABS = [
  ["Parcours", "parcours"],
  ["Actions", "actions"],
  ["Rendez-vous", "rendez-vous"],
  ["Données partagées", "donnees-partagees"],
  ["Demandes de droits", "droits"],
  ["Historique", "historique"],
  ["Identité", "identite"],
] as const;

type DossierLink = { name: string; href: string };

/** The dossier links of the portfolio table on the current page. */
async function portfolioLinks(page: Page): Promise<DossierLink[]> {
  const links = page.getByRole("table").getByRole("link");
  await expect(links.first()).toBeVisible();
  const all = await links.evaluateAll((anchors) =>
    anchors.map((a) => ({ name: (a.textContent ?? "").trim(), href: a.getAttribute("href") ?? "" })),
  );
  return all.filter((l) => /^\/jeunes\/[0-9a-f-]{36}$/.test(l.href));
}

/** A dossier of Julien Roche's portfolio that is not Camille Martin's (neither titular nor replaced). */
async function colleagueDossier(browser: Browser): Promise<DossierLink> {
  const camilleContext = await browser.newContext();
  const camille = await camilleContext.newPage();
  await signIn(camille, ACCOUNTS.conseiller);
  const own = new Set((await portfolioLinks(camille)).map((l) => l.href));
  await camilleContext.close();

  const julienContext = await browser.newContext();
  const julien = await julienContext.newPage();
  await signIn(julien, ACCOUNTS.conseiller2);
  const theirs = (await portfolioLinks(julien)).filter((l) => !own.has(l.href));
  await julienContext.close();
  expect(theirs.length).toBeGreaterThan(0);
  return theirs[0]!;
}

/** Signs in, lets the landing page finish loading (else the next goto is aborted), then opens `path`. */
async function signInAndOpen(page: Page, email: string, path: string): Promise<void> {
  await signIn(page, email);
  await page.waitForLoadState("networkidle");
  await page.goto(path);
}

function tabsOf(page: Page) {
  return page.getByRole("navigation", { name: "Sections du dossier" });
}

test.describe("dossier jeune", () => {
  test("a counsellor opens their own dossier, moves through its tabs and sees its history", async ({ page }) => {
    test.setTimeout(240_000); // seven tabs, each checked with axe
    await signIn(page, ACCOUNTS.conseiller);
    // Léa Dupont: in Camille Martin's portfolio, with a NIR and some history in the demo data.
    const dossier = (await portfolioLinks(page)).find((l) => l.name === "DUPONT Léa");
    expect(dossier).toBeDefined();
    await page.goto(dossier!.href);
    await expect(page.getByRole("heading", { level: 1, name: dossier!.name })).toBeVisible();
    await expect(tabsOf(page).getByRole("link", { name: "Identité", exact: true })).toHaveAttribute("aria-current", "page");
    // The NIR is masked everywhere; showing it is a deliberate, recorded act.
    await expect(page.getByText(/\d \d{2} \d{2} \d{2} \d{3} \d{3} \d{2}/)).toHaveCount(0);
    await page.getByRole("button", { name: "Afficher le NIR" }).click();
    await expect(page.getByText(/\d \d{2} \d{2} \d{2} \d{3} \d{3} \d{2}/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Modifier" })).toHaveAttribute("href", `${dossier!.href}/modifier`);
    // Sensitive data: whether it is filled in, never what.
    const sensitive = page.getByRole("region", { name: "Informations sensibles" });
    await expect(sensitive.getByText("Santé")).toBeVisible();
    await expect(sensitive.getByText(/Non renseigné|Renseigné — non affiché/).first()).toBeVisible();
    await expectAccessible(page);

    for (const [label, slug] of TABS) {
      await tabsOf(page).getByRole("link", { name: label, exact: true }).click();
      if (slug === "identite") await expect(page).not.toHaveURL(/onglet=/);
      else await expect(page).toHaveURL(new RegExp(`[?&]onglet=${slug}(&|$)`));
      await expect(tabsOf(page).getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { level: 2, name: label, exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: dossier!.name })).toBeVisible();
      if (slug === "parcours") await expect(page.getByRole("heading", { name: "Contrat en cours" })).toBeVisible();
      if (slug === "historique") {
        // Every opening of this visit is there, newest first, with who opened it.
        const timeline = page.getByRole("region", { name: "Historique" });
        await expect(timeline.getByText("Dossier ouvert : Historique").first()).toBeVisible();
        await expect(timeline.getByText("Dossier ouvert : Parcours").first()).toBeVisible();
        await expect(timeline.getByText("Camille Martin").first()).toBeVisible();
        // .first(): a retry on the same server finds its earlier attempt's reveal too.
        await expect(timeline.getByText("Dossier ouvert : Numéro de sécurité sociale (affiché en clair)").first()).toBeVisible();
        await page
          .getByRole("navigation", { name: "Filtrer l'historique" })
          .getByRole("link", { name: /^Modifications/ })
          .click();
        await expect(page).toHaveURL(/quoi=modifications/);
        await expect(page.getByText("Dossier ouvert : Parcours")).toHaveCount(0);
        await expectAccessible(page);
        await page.getByRole("navigation", { name: "Filtrer l'historique" }).getByRole("link", { name: /^Tout/ }).click();
        await expect(page).not.toHaveURL(/quoi=/);
      }
      await expectAccessible(page);
    }
  });

  test("a colleague's dossier asks for a reason first, shows nothing before it, and the DPO sees the reason", async ({ browser, page }) => {
    test.setTimeout(180_000); // three accounts signed in
    const dossier = await colleagueDossier(browser);
    await signIn(page, ACCOUNTS.conseiller);
    const response = await page.goto(dossier.href);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Motif de consultation" })).toBeVisible();
    await expect(page.getByText("Ce dossier ne fait pas partie de votre portefeuille.")).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(dossier.name);
    expect(html).not.toContain(dossier.name.split(" ")[0]!);
    await expect(page.getByRole("navigation", { name: "Sections du dossier" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Ouvrir le dossier" }).click();
    await expect(page.getByText("Le formulaire contient 1 erreur")).toBeVisible();
    await expect(page.getByLabel("Motif de la consultation")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await page.getByLabel("Motif de la consultation").selectOption("autre");
    await page.getByRole("button", { name: "Ouvrir le dossier" }).click();
    await expect(page.getByText("Précisez le motif : c'est obligatoire").first()).toBeVisible();
    await expect(page.getByLabel("Motif de la consultation")).toHaveValue("autre");

    await page.getByLabel("Motif de la consultation").selectOption("remplacement");
    await page.getByLabel("Précision", { exact: true }).fill("Julien Roche en congé, rendez-vous avancé");
    await page.getByRole("button", { name: "Ouvrir le dossier" }).click();
    await expect(page.getByRole("heading", { level: 1, name: dossier.name })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${dossier.href}$`));
    await expect(page.getByText("Vous consultez ce dossier hors de votre portefeuille")).toBeVisible();
    await expectAccessible(page);

    const dpoContext = await browser.newContext();
    const dpo = await dpoContext.newPage();
    await signInAndOpen(dpo, ACCOUNTS.dpo, "/journal");
    await dpo.getByRole("link", { name: "Journal des consultations" }).click();
    await expect(dpo.getByRole("heading", { level: 1, name: "Journal des consultations" })).toBeVisible();
    await dpo.getByLabel("Hors portefeuille uniquement").check();
    await dpo.getByRole("button", { name: "Filtrer" }).click();
    await expect(dpo).toHaveURL(/hors=1/);
    const row = dpo.getByRole("row").filter({ hasText: dossier.name }).filter({ hasText: "Remplacement d'un collègue absent" });
    await expect(row.first()).toBeVisible();
    await expect(row.first()).toContainText("Camille Martin");
    await expect(row.first()).toContainText("Julien Roche en congé, rendez-vous avancé");
    await expectAccessible(dpo);
    await dpoContext.close();
  });

  test("the DPO opens a dossier only after a reason, offered as a DPO control", async ({ page }) => {
    await signInAndOpen(page, ACCOUNTS.dpo, "/journal/consultations");
    await expect(page.getByRole("heading", { level: 1, name: "Journal des consultations" })).toBeVisible();
    const link = page.getByRole("table").getByRole("link").first();
    const name = (await link.textContent())?.trim() ?? "";
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: "Motif de consultation" })).toBeVisible();
    await expect(page.getByLabel("Motif de la consultation")).toHaveValue("controle_dpo");
    await page.getByRole("button", { name: "Ouvrir le dossier" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Modifier" })).toHaveCount(0);
    await tabsOf(page).getByRole("link", { name: "Historique", exact: true }).click();
    await expect(page.getByText("Contrôle par le délégué à la protection des données").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("an unknown or malformed dossier address answers 404", async ({ page }) => {
    await signIn(page, ACCOUNTS.directeur);
    expect((await page.goto("/jeunes/01950000-0000-7000-8000-000000000000"))?.status()).toBe(404);
    expect((await page.goto("/jeunes/pas-un-identifiant"))?.status()).toBe(404);
  });

  test("on a phone, the tabs wrap on the screen and the history reads well @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const [dossier] = await portfolioLinks(page);
    await page.goto(dossier!.href);
    await expect(page.getByRole("heading", { level: 1, name: dossier!.name })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tabsOf(page).getByRole("link", { name: "Historique", exact: true }).click();
    await expect(page).toHaveURL(/onglet=historique/);
    await expect(page.getByRole("heading", { level: 2, name: "Historique" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
