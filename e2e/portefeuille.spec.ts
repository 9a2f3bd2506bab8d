import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

type MarkedWindow = Window & { __marker?: number };

/** Marks the document: a full reload would lose the mark, a client-side update keeps it. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as MarkedWindow).__marker = 1;
  });
}

async function documentKeptItsMark(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as MarkedWindow).__marker === 1);
}

const results = (page: Page) => page.getByRole("region", { name: /(Jeunes|Dossiers archivés) (de votre portefeuille|de la structure)/ });
// The name link only: on phones the alerts sit under the name in the same cell.
const rowNames = (page: Page) => results(page).getByRole("rowheader").getByRole("link").allInnerTexts();
const status = (page: Page) => page.getByRole("status").filter({ hasText: /jeune/ });

test.describe("portefeuille", () => {
  test("a counsellor searches without accents and the list updates without a reload @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/portefeuille");
    await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nouveau jeune" }).first()).toHaveAttribute("href", "/jeunes/nouveau");
    await expectAccessible(page);

    let loads = 0;
    page.on("load", () => loads++);
    await markDocument(page);

    const box = page.getByRole("searchbox", { name: "Rechercher un jeune" });
    await box.click();
    await box.pressSequentially("lea", { delay: 60 });

    await expect(page).toHaveURL(/[?&]q=lea(&|$)/);
    await expect(status(page)).toContainText("pour « lea »");
    const names = await rowNames(page);
    expect(names).toContain("DUPONT Léa");
    expect(names.every((n) => /(^|\s)l[eé]a/i.test(n))).toBe(true);
    expect(await documentKeptItsMark(page)).toBe(true);
    expect(loads).toBe(0);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue("lea");

    // The link reproduces the view.
    await page.goto(page.url());
    await expect(page.getByRole("searchbox", { name: "Rechercher un jeune" })).toHaveValue("lea");
    expect(await rowNames(page)).toEqual(names);
  });

  test("a counsellor narrows the list with the filter form, and can clear it", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/portefeuille");
    const before = await rowNames(page);
    await markDocument(page);

    // Filter options carry their counts, e.g. "CEJ (12)".
    const cejOption = page.getByLabel("Dispositif").locator("option[value=CEJ]");
    const cejCount = Number(/\((\d+)\)/.exec((await cejOption.textContent()) ?? "")?.[1]);
    expect(cejCount).toBeGreaterThan(0);

    await page.getByLabel("Dispositif").selectOption("CEJ");
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/[?&]dispositif=CEJ(&|$)/);
    await expect(status(page)).toHaveText(new RegExp(`^${cejCount} jeunes?`));
    const dispositifs = await results(page).locator("tbody tr td:nth-child(3)").allInnerTexts();
    expect(dispositifs.length).toBe(Math.min(cejCount, 25));
    expect(dispositifs.every((d) => d.trim() === "CEJ")).toBe(true);
    expect(await documentKeptItsMark(page)).toBe(true);

    // A second filter: minors among CEJ (none) or the list of minors.
    await page.getByLabel("Dispositif").selectOption("");
    await page.getByLabel("Alerte").selectOption("mineur");
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/[?&]alerte=mineur(&|$)/);
    await expect(page).not.toHaveURL(/dispositif=/);
    expect(await rowNames(page)).toContain("GIRARD Tom");
    await expect(results(page).getByText("Mineur", { exact: true }).filter({ visible: true }).first()).toBeVisible();

    // Sorting by a column header keeps the filters and says how the column is sorted.
    await results(page).getByRole("link", { name: /^Âge/ }).click();
    await expect(page).toHaveURL(/tri=age/);
    await expect(page).toHaveURL(/alerte=mineur/);
    await expect(results(page).getByRole("columnheader", { name: /^Âge/ })).toHaveAttribute("aria-sort", "ascending");

    await page.getByRole("link", { name: "Effacer la recherche et les filtres" }).click();
    await expect(page).toHaveURL(/\/portefeuille$/);
    await expect(page.getByLabel("Alerte")).toHaveValue("");
    expect(await rowNames(page)).toEqual(before);
  });

  test("a search with no result says what to do next and stays accessible", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/portefeuille?q=zzzqqq");
    await expect(page.getByRole("heading", { name: "Aucun jeune ne correspond à votre recherche" })).toBeVisible();
    await expect(page.getByRole("link", { name: "chercher parmi les dossiers archivés" })).toHaveAttribute(
      "href",
      "/portefeuille?q=zzzqqq&statut=archive",
    );
    await expect(status(page)).toHaveText("Aucun jeune pour « zzzqqq »");
    await expectAccessible(page);
  });

  test("a bad URL never errors", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const response = await page.goto("/portefeuille?page=-2&dispositif=RSA&antenne=%27or%201=1&tri=drop&statut=x&alerte=%3Cscript%3E");
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel("Dispositif")).toHaveValue("");
    await expect(page.getByLabel("Dossiers")).toHaveValue("");
    expect((await rowNames(page)).length).toBeGreaterThan(0);
  });

  // Relies on the demo seed's extras: a running replacement of Camille by Julien, an archived dossier in Lyon.
  test("a substitute sees whom they replace; archived dossiers only with the filter", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller2);
    await page.goto("/portefeuille?alerte=remplacement");
    await expect(
      results(page)
        .getByText(/^En remplacement de Camille Martin jusqu'au \d{2}\/\d{2}\/\d{4}$/)
        .filter({ visible: true }),
    ).toHaveCount(1);

    await page.goto("/portefeuille");
    await expect(results(page).getByText(/^Archivé le/)).toHaveCount(0);
    await page.getByLabel("Dossiers").selectOption("archive");
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/[?&]statut=archive(&|$)/);
    await expect(status(page)).toContainText("archivé");
    await expect(
      results(page)
        .getByText(/^Archivé le/)
        .first(),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test("the director sees the whole structure and filters by counsellor", async ({ page }) => {
    await signIn(page, ACCOUNTS.directeur);
    await page.goto("/portefeuille");
    await expect(page.getByText("Les jeunes suivis par Mission locale de Lyon")).toBeVisible();
    await expect(results(page).getByRole("columnheader", { name: "Conseiller" })).toBeVisible();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText (the text as shown), not the DOM property.
    const allCount = Number(/^(\d+)/.exec((await status(page).innerText()).replace(/\s/g, ""))?.[1]);
    await expectAccessible(page);

    const counsellor = page.getByLabel("Conseiller", { exact: true });
    const julienLabel = (await counsellor.locator("option", { hasText: "Julien Roche" }).textContent()) ?? "";
    const julienCount = Number(/\((\d+)\)/.exec(julienLabel)?.[1]);
    expect(julienCount).toBeGreaterThan(0);
    expect(julienCount).toBeLessThan(allCount);

    await markDocument(page);
    await counsellor.selectOption({ label: julienLabel });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/[?&]conseiller=[0-9a-f-]{36}(&|$)/);
    await expect(status(page)).toHaveText(new RegExp(`^${julienCount} jeunes?`));
    const counsellors = await results(page).locator("tbody tr td:nth-child(5)").allInnerTexts();
    expect(counsellors.length).toBeGreaterThan(0);
    expect(counsellors.every((c) => c.trim() === "Julien Roche")).toBe(true);
    expect(await documentKeptItsMark(page)).toBe(true);
    await expectAccessible(page);
  });

  test("the director searches a birth date and gets an empty state for an impossible one @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.directeur);
    await page.goto("/portefeuille?q=31%2F02%2F2004");
    await expect(page.getByRole("heading", { name: "Cette date n'existe pas" })).toBeVisible();
    await expectAccessible(page);
  });
});
