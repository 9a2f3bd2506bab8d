import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** The seeded access request of Léa Dupont (received ~40 days ago, late), from the DPO's queue. */
async function openLeaAccessRequest(page: Page): Promise<string> {
  await page.goto("/droits?type=acces");
  const row = page
    .getByRole("row")
    .filter({ hasText: "DUPONT Léa" })
    .filter({ hasText: /En retard/ });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: /^Accès · n° / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Demande n° / })).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe("droit d'accès : copie complète du dossier", () => {
  test("the DPO downloads Léa Dupont's access pack as JSON and PDF; a counsellor cannot", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signIn(page, ACCOUNTS.dpo);
    await page.waitForLoadState("networkidle");
    const detail = await openLeaAccessRequest(page);
    await expectAccessible(page);

    const jsonLink = page.getByRole("link", { name: "Copie du dossier (JSON)" });
    const pdfLink = page.getByRole("link", { name: "Copie du dossier (PDF)" });
    const jsonHref = (await jsonLink.getAttribute("href"))!;
    const pdfHref = (await pdfLink.getAttribute("href"))!;
    expect(jsonHref).toBe(`${detail}/dossier-acces.json`);
    expect(pdfHref).toBe(`${detail}/dossier-acces.pdf`);

    const json = await page.request.get(jsonHref);
    expect(json.status()).toBe(200);
    expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(json.headers()["cache-control"]).toContain("no-store");
    const text = await json.text();
    expect(text).toContain("DUPONT");
    const pack = JSON.parse(text) as { title: string; jeune: { nomNaissance: string; nir: string | null }; comptes: { email: string }[] };
    expect(pack.title).toBe("Vos données à la mission locale");
    expect(pack.jeune.nomNaissance).toBe("DUPONT");
    expect(pack.jeune.nir).toMatch(/^\d{15}$/);
    expect(pack.comptes[0]?.email).toBe("lea.dupont@exemple.fr");
    expect(text).not.toMatch(/passwordHash|sessionVersion|\$argon2/);

    const pdf = await page.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Each download is in the audit journal.
    await page.goto("/journal");
    await expect(page.getByRole("cell", { name: "Téléchargement de la copie complète du dossier (droit d'accès)" }).first()).toBeVisible();

    // A counsellor gets neither file (nor the request itself).
    const counsellorContext = await browser.newContext();
    const counsellor = await counsellorContext.newPage();
    await signIn(counsellor, ACCOUNTS.conseiller);
    for (const href of [jsonHref, pdfHref]) {
      const refused = await counsellor.request.get(href, { maxRedirects: 0 });
      expect([403, 404], href).toContain(refused.status());
      expect(await refused.text()).not.toContain("DUPONT");
    }
    await counsellorContext.close();
  });

  test("the pack is only offered for access requests", async ({ page }) => {
    await signIn(page, ACCOUNTS.dpo);
    await page.waitForLoadState("networkidle");
    await page.goto("/droits?type=rectification");
    const row = page
      .getByRole("row")
      .filter({ hasText: /Rectification · n° / })
      .first();
    await row.getByRole("link", { name: /^Rectification · n° / }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Demande n° / })).toBeVisible();
    await expect(page.getByRole("link", { name: /Copie du dossier/ })).toHaveCount(0);
    const refused = await page.request.get(`${new URL(page.url()).pathname}/dossier-acces.json`);
    expect(refused.status()).toBe(404);
  });
});
