import fs from "node:fs";
import type { Page } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { FINALITY_LIST } from "../lib/data-map/finalities";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** Heading levels in document order never skip one (h2 → h4). */
async function expectHeadingOutline(page: Page) {
  const levels = await page
    .locator("main h1, main h2, main h3, main h4, main h5, main h6")
    .evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i} jumps from h${levels[i - 1]} to h${level}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
}

test.describe("public notice", () => {
  test("anyone reads the notice without signing in: every finality, legal bases, recipients, retention, rights, contacts @mobile", async ({
    page,
  }) => {
    const response = await page.goto("/notice");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/notice");
    await expect(page.getByRole("heading", { level: 1, name: "Vos données personnelles à la mission locale" })).toBeVisible();

    const main = page.getByRole("main");
    for (const finality of FINALITY_LIST) {
      const section = main.getByRole("region", { name: finality.falc.title });
      await expect(section.getByRole("heading", { level: 3, name: finality.falc.title })).toBeVisible();
      for (const question of ["Pourquoi ?", "Quelles données ?", "Qui les reçoit ?", "Combien de temps ?", "Vos droits"]) {
        await expect(section.getByRole("heading", { level: 4, name: question })).toBeVisible();
      }
      await expect(section.getByText("Pour aller plus loin :")).toBeVisible();
    }

    await expect(main.getByText("mission d'intérêt public (RGPD, art. 6-1-e)").first()).toBeVisible();
    await expect(main.getByText("obligation légale (RGPD, art. 6-1-c)")).toBeVisible();
    for (const recipient of [
      "France Travail, l'organisme qui aide à trouver un emploi.",
      "ASP (Agence de services et de paiement)",
      "CNAM (Caisse nationale de l'Assurance maladie)",
      "Le conseil départemental",
      "DGEFP",
      "CTE (comités territoriaux pour l'emploi)",
    ]) {
      await expect(main.getByText(recipient).first()).toBeVisible();
    }
    await expect(main.getByText("La mission locale garde votre dossier jusqu'à vos 28 ans.").first()).toBeVisible();
    await expect(main.getByText("Recevoir vos données dans un fichier pour les donner à un autre organisme :").first()).toBeVisible();
    await expect(main.getByText("La mission locale vous répond dans un délai d'un mois.")).toBeVisible();
    await expect(main.getByRole("link", { name: "dpo@ml-lyon.demo" })).toHaveAttribute("href", "mailto:dpo@ml-lyon.demo");
    await expect(main.getByText("Par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07")).toBeVisible();
    await expect(main.getByRole("link", { name: "cnil.fr" })).toHaveAttribute("href", "https://www.cnil.fr/fr/plaintes");
    await expect(main.getByText("Vous pouvez aussi aller devant un juge, au tribunal.")).toBeVisible();

    await expectHeadingOutline(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "no horizontal scrolling").toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });

  test("the table of contents leads to a finality, and every page links to the notice", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("contentinfo").getByRole("link", { name: "Vos données personnelles" }).click();
    await expect(page).toHaveURL(/\/notice$/);
    await page
      .getByRole("navigation", { name: "Sur cette page" })
      .getByRole("link", { name: "Votre complémentaire santé solidaire (C2S)" })
      .click();
    await expect(page).toHaveURL(/#c2s$/);
    await expect(page.getByRole("heading", { level: 3, name: "Votre complémentaire santé solidaire (C2S)" })).toBeInViewport();
  });
});

test.describe("what the portal serves to robots and browsers", () => {
  test("anyone gets robots.txt refusing all indexing, and the icons, without being sent to sign in", async ({ request, page }) => {
    const robots = await request.get("/robots.txt", { maxRedirects: 0 });
    expect(robots.status()).toBe(200);
    expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
    expect((await robots.text()).split(/\r?\n/)).toEqual(expect.arrayContaining(["User-agent: *", "Disallow: /"]));
    for (const [path, type] of [
      ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
      ["/apple-touch-icon.png", /^image\/png/],
      ["/icon.svg", /^image\/svg\+xml/],
    ] as const) {
      const icon = await request.get(path, { maxRedirects: 0 });
      expect(icon.status(), path).toBe(200);
      expect(icon.headers()["content-type"], path).toMatch(type);
    }
    // Every page asks not to be indexed either.
    await page.goto("/connexion");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  });
});

test.describe("register of processing", () => {
  test("the DPO reads the register and downloads it as CSV and PDF", async ({ page }) => {
    await signIn(page, ACCOUNTS.dpo);
    // Let the landing page finish its own navigation, else it can abort ours.
    await page.waitForLoadState("networkidle");
    const response = await page.goto("/registre");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Registre des activités de traitement" })).toBeVisible();
    const table = page.getByRole("table", { name: "Activités de traitement, une ligne par finalité" });
    await expect(table.locator("tbody tr")).toHaveCount(FINALITY_LIST.length);
    for (const finality of FINALITY_LIST) await expect(table.getByRole("rowheader", { name: finality.name })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Transferts hors de l'Union européenne" })).toBeVisible();
    await expect(page.getByText("Mission locale de Lyon —", { exact: false }).first()).toBeVisible();
    await expectHeadingOutline(page);
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter en CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^registre-traitements-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8"));
    expect(rows[0]).toEqual([
      "Finalité",
      "Base légale",
      "Textes de référence",
      "Catégories de données",
      "Catégories de personnes",
      "Destinataires",
      "Transferts hors de l'Union européenne",
      "Durée de conservation",
      "Mesures de sécurité",
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(FINALITY_LIST.map((f) => f.name));

    const pdf = await page.request.get("/registre/export.pdf");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("a counsellor gets 403 on the register and on its exports", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.waitForLoadState("networkidle");
    const response = await page.goto("/registre");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Registre des traitements" }),
    ).toHaveCount(0);
    for (const path of ["/registre/export.csv", "/registre/export.pdf"]) {
      const refused = await page.request.get(path);
      expect(refused.status(), path).toBe(403);
      expect(await refused.text(), path).not.toContain("Finalité;");
    }
  });

  test("an anonymous visitor is sent to sign in instead of downloading the register", async ({ request }) => {
    const response = await request.get("/registre/export.csv", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain("/connexion");
  });
});
