import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** Signs in, lets the landing page finish loading (else the next goto is aborted), then opens `path`. */
async function signInAndOpen(page: Page, email: string, path: string): Promise<void> {
  await signIn(page, email);
  await page.waitForLoadState("networkidle");
  await page.goto(path);
}

/** The href of a young person's dossier, from the counsellor's portfolio searched by name. */
async function dossierHref(page: Page, search: string, name: string): Promise<string> {
  await page.goto(`/portefeuille?q=${encodeURIComponent(search)}`);
  const link = page.getByRole("table").getByRole("link", { name });
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

async function expectPdf(page: Page, href: string): Promise<void> {
  const response = await page.request.get(href);
  expect(response.status(), href).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
}

test.describe("demandes de droits", () => {
  test("a counsellor records an access request at the desk; the DPO answers it and the letter is ready", async ({ page, browser }) => {
    test.setTimeout(180_000);
    // 1. At the desk: Camille Martin records Léa Dupont's request, as her mandataire.
    await signIn(page, ACCOUNTS.conseiller);
    const href = await dossierHref(page, "dupont lea", "DUPONT Léa");
    await page.goto(`${href}/droits/nouvelle`);
    await expect(page.getByRole("heading", { level: 1, name: "Nouvelle demande d'exercice de droits" })).toBeVisible();
    await expectAccessible(page);

    // Nothing chosen: the errors are listed, next to their fields, and what was typed stays.
    await page.getByLabel("Ce que la personne demande").fill("Recevoir une copie de tout son dossier");
    await page.getByRole("button", { name: "Enregistrer la demande" }).click();
    await expect(page.getByRole("link", { name: /Choisissez le droit que la personne veut exercer/ })).toBeVisible();
    await expect(page.getByLabel("Ce que la personne demande")).toHaveValue("Recevoir une copie de tout son dossier");
    await expectAccessible(page);

    await page.getByRole("radio", { name: /^Accès/ }).check();
    await page.getByLabel(/Je connais la personne et je l'ai rencontrée au guichet/).check();
    await page.getByRole("button", { name: "Enregistrer la demande" }).click();
    const success = page.getByRole("status").filter({ hasText: "est enregistrée" });
    await expect(success).toBeVisible();
    const numero = (await success.textContent())!.match(/n° (\d{4}-\d{4,})/)![1]!;
    const receipt = page.getByRole("link", { name: `Télécharger l'accusé de réception n° ${numero} (PDF)` });
    await expect(receipt).toBeVisible();
    await expectPdf(page, (await receipt.getAttribute("href"))!);

    // 2. The DPO lands on the queue and finds it with its deadline.
    const dpoContext = await browser.newContext();
    const dpo = await dpoContext.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    await expect(dpo).toHaveURL(/\/droits$/);
    await expect(dpo.getByRole("heading", { level: 1, name: "Demandes de droits" })).toBeVisible();
    await expect(dpo.getByText(/\d+ demandes? ouvertes? · \d+ en retard · \d+ à moins de 7 jours/)).toBeVisible();
    const row = dpo.getByRole("row").filter({ hasText: `n° ${numero}` });
    await expect(row).toBeVisible();
    await expect(row.getByText(/^J-\d+$/)).toBeVisible();
    await expect(row.getByText("Identité vérifiée")).toBeVisible();
    await expectAccessible(dpo);

    // 3. The DPO opens it, answers "acceptée" with a reason; the letter PDF is there.
    await row.getByRole("link", { name: `Accès · n° ${numero}` }).click();
    await expect(dpo.getByRole("heading", { level: 1, name: `Demande n° ${numero}` })).toBeVisible();
    await expect(dpo.getByText("Recevoir une copie de tout son dossier")).toBeVisible();
    await expectAccessible(dpo);
    await dpo.getByLabel("Acceptée", { exact: true }).check();
    await dpo.getByLabel("Explication pour la personne").fill("Vous trouverez la copie de votre dossier jointe à cette lettre.");
    await dpo.getByRole("button", { name: "Enregistrer la réponse et préparer la lettre" }).click();
    await expect(dpo.getByText("La réponse est enregistrée et la lettre part par e-mail.")).toBeVisible();
    await expect(dpo.getByRole("heading", { name: "Décision : acceptée" })).toBeVisible();
    const letter = dpo.getByRole("link", { name: "Lettre de réponse (PDF)" });
    await expectPdf(dpo, (await letter.getAttribute("href"))!);
    await expectAccessible(dpo);
    await dpoContext.close();
  });

  test("the DPO records a letter received by mail for a young person found by name @mobile", async ({ page }) => {
    test.setTimeout(180_000);
    await signInAndOpen(page, ACCOUNTS.dpo, "/droits/nouvelle");
    await expect(page.getByRole("heading", { level: 1, name: "Nouvelle demande de droits" })).toBeVisible();
    await page.getByLabel("Nom ou prénom").fill("girard tom");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("link", { name: "Choisir GIRARD Tom" }).click();
    await expect(page.getByText("1. Jeune concerné")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Arrivée par").selectOption("courrier");
    await page.getByRole("radio", { name: /^Opposition/ }).check();
    await page.getByLabel("Ce que la personne demande").fill("Ne plus envoyer mes données pour les statistiques");
    await page.getByRole("button", { name: "Enregistrer la demande" }).click();
    // The finality is required for an objection; the choices made so far stay.
    await expect(page.getByRole("link", { name: /Choisissez l'utilisation des données concernée/ })).toBeVisible();
    await expect(page.getByLabel("Arrivée par")).toHaveValue("courrier");
    await page.getByLabel("Utilisation des données concernée (finalité)").selectOption("statistiques");
    await page.getByRole("button", { name: "Enregistrer la demande" }).click();

    await expect(page.getByRole("heading", { level: 1, name: /^Demande n° \d{4}-\d{4,}$/ })).toBeVisible();
    await expect(page.getByText(/La demande est enregistrée/)).toBeVisible();
    await expect(page.getByText("Statistiques et pilotage des politiques de l'emploi (données pseudonymisées)")).toBeVisible();
    await expectAccessible(page);

    // Identity confirmed by calling back the known number, then the two-month extension, told to the person.
    await page.getByLabel("Comment l'identité a été vérifiée").selectOption("rappel");
    await page.getByRole("button", { name: "Confirmer l'identité" }).click();
    await expect(page.getByText("L'identité est vérifiée : la demande est en cours de traitement.")).toBeVisible();
    await page.getByLabel("Motif de la prolongation").fill("Nous devons interroger l'État sur les envois déjà faits.");
    await page.getByRole("button", { name: "Prolonger et prévenir la personne" }).click();
    await expect(page.getByText("Le délai est prolongé de deux mois. L'avis part par e-mail à la personne.")).toBeVisible();
    await expect(page.getByText(/décidée le .* motif : Nous devons interroger l'État/)).toBeVisible();
    await expectAccessible(page);
  });

  test("the director follows the queue without acting; a counsellor cannot enter it", async ({ page, browser }) => {
    await signInAndOpen(page, ACCOUNTS.directeur, "/droits");
    await expect(page.getByRole("heading", { level: 1, name: "Demandes de droits" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nouvelle demande" })).toHaveCount(0);
    const csv = await page.request.get("/droits/registre.csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).startsWith("\uFEFFNuméro;Mission locale;Droit exercé")).toBe(true);

    const counsellorContext = await browser.newContext();
    const counsellor = await counsellorContext.newPage();
    await signInAndOpen(counsellor, ACCOUNTS.conseiller, "/droits");
    await expect(counsellor.getByRole("heading", { level: 1 })).not.toHaveText("Demandes de droits");
    expect((await counsellor.request.get("/droits/registre.csv")).status()).toBe(403);
    await counsellorContext.close();
  });
});
