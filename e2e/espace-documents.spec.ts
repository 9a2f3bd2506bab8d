import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

// As a young person would, on a 375 px phone.
test.use({ viewport: { width: 375, height: 740 } });

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", "latin1");
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

test.describe("Mon espace : télécharger mes données, envoyer un document", () => {
  test("Léa asks for her data, downloads the pack once ready, then sends the proof of identity the DPO asks for", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    await signIn(page, ACCOUNTS.jeune);

    // « Télécharger mes données »: one act, then the page follows the preparation by itself.
    await page.goto("/mon-espace");
    await page.getByRole("link", { name: /Télécharger mes données/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Télécharger mes données" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: /^Demander (mon|un nouveau) dossier$/ }).click();
    await expect(page.getByText("Votre dossier est prêt.")).toBeVisible({ timeout: 60_000 });
    await expectAccessible(page);
    const numero = (await page.getByText(/C'est votre demande n° \d{4}-\d{4}/).textContent())!.match(/\d{4}-\d{4}/)![0];
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`dossier-acces-${numero}.pdf`);
    const pdfPath = await download.path();
    expect((await import("node:fs")).readFileSync(pdfPath).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The DPO finds the request in the queue like any access request, and asks for a proof of identity.
    const dpoContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const dpo = await dpoContext.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    await dpo.goto("/droits?type=acces");
    await dpo.getByRole("link", { name: new RegExp(`n° ${numero}`) }).click();
    await expect(dpo.getByRole("heading", { level: 1, name: `Demande n° ${numero}` })).toBeVisible();
    const detail = new URL(dpo.url()).pathname;
    await expect(dpo.getByRole("heading", { name: "Demander un complément d'identité" })).toBeVisible();
    await dpo.getByLabel(/Information demandée à la personne/).fill("Une photo de votre pièce d'identité, s'il vous plaît.");
    await dpo.getByRole("button", { name: "Noter la demande de complément" }).click();
    await expect(dpo.getByRole("heading", { name: "Documents envoyés par la personne" })).toBeVisible();

    // Léa sees what is asked under her request; a program renamed .pdf is refused next to the field, nothing is kept.
    await page.goto("/mon-espace");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Demande n° ${numero}` }) });
    await expect(card.getByRole("heading", { name: "La mission locale vous demande un document" })).toBeVisible();
    await card.getByLabel("Votre document").setInputFiles({ name: "carte-identite.pdf", mimeType: "application/pdf", buffer: EXE });
    await card.getByRole("button", { name: "Envoyer le document" }).click();
    await expect(card.getByText("Ce fichier n'est pas accepté.").first()).toBeVisible();
    await expectAccessible(page);
    await card.getByLabel("Votre document").setInputFiles({ name: "carte-identite.pdf", mimeType: "application/pdf", buffer: PDF });
    await card.getByRole("button", { name: "Envoyer le document" }).click();
    await expect(card.getByText(/^Document envoyé le .* : carte-identite\.pdf\./)).toBeVisible();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The DPO downloads it: an attachment under a neutral name, served as the PDF its bytes are.
    await dpo.goto(detail);
    const pieces = dpo.getByRole("region", { name: "Documents envoyés par la personne" });
    await expect(pieces.getByRole("listitem")).toHaveCount(1);
    await expect(pieces.getByRole("listitem")).toContainText("carte-identite.pdf");
    const href = (await pieces.getByRole("link", { name: /Télécharger/ }).getAttribute("href"))!;
    const file = await dpo.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect(file.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="piece-demande-${numero}-[0-9a-f]{8}\\.pdf"$`));
    expect(await file.body()).toEqual(PDF);
    // Léa does not download it back (DPO only).
    expect((await page.request.get(href, { maxRedirects: 0 })).status()).not.toBe(200);
    await dpoContext.close();
  });
});
