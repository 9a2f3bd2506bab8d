import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, registerYoungPerson, signIn, test } from "./fixtures";

/** Today in Paris plus `months` months (same day, capped at the month's end), as YYYY-MM-DD. */
function inMonths(months: number, days = 0): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number);
  const target = new Date(Date.UTC(y!, m! - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d!, last) + days);
  return target.toISOString().slice(0, 10);
}

/** The dossier of one of Camille's young people without any dispositif (so without a contract). */
async function dossierWithoutContract(page: Page): Promise<string> {
  await page.goto("/portefeuille?dispositif=aucun");
  // The list's filters settle the URL on the client: let them finish before navigating away.
  await page.waitForLoadState("networkidle");
  const href = await page.getByRole("table").getByRole("rowheader").getByRole("link").last().getAttribute("href");
  return href!;
}

test.describe("contrats et phases", () => {
  // Several pages, each checked with axe: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("a counsellor signs a PACEA, sees it in the Parcours tab and adds the diagnostic phase", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    // Her own young person: a retry finds a dossier without a contract again.
    const { href: dossier } = await registerYoungPerson(page, "Manon");
    await page.goto(`${dossier}?onglet=parcours`);
    await expect(page.getByRole("heading", { name: "Aucun contrat en cours" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Signer un contrat" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Signer un contrat" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("radio", { name: /^PACEA/ }).check();
    await expect(page.getByText(/Fin au plus tard : .* \(24 mois\)/)).toBeVisible();
    await page.getByLabel("Fin prévue (obligatoire)").fill(inMonths(12, -1));
    await page.getByRole("button", { name: "Enregistrer le contrat" }).click();

    await page.waitForURL(/onglet=parcours/);
    await expect(page.getByText("Le contrat est enregistré.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Contrat en cours" })).toBeVisible();
    await expect(page.getByText("Parcours contractualisé d'accompagnement vers l'emploi et l'autonomie (PACEA)")).toBeVisible();
    await expect(page.getByText(/Aucune phase/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Historique du parcours" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Ajouter une phase" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ajouter une phase au PACEA" })).toBeVisible();
    await expect(page.getByRole("radio", { name: /^Diagnostic/ })).toBeChecked();
    await expectAccessible(page);
    await page.getByLabel("Fin de la phase (dernier jour) (obligatoire)").fill(inMonths(1, 14));
    await page.getByLabel("Objectifs (obligatoire)").fill("Faire le point sur la situation et le projet professionnel.");
    await page.getByRole("button", { name: "Ajouter la phase" }).click();

    await page.waitForURL(/onglet=parcours/);
    await expect(page.getByText("La phase est ajoutée.")).toBeVisible();
    const phases = page.getByRole("table", { name: /Phases du PACEA/ });
    await expect(phases).toContainText("1. Diagnostic");
    await expect(phases).toContainText("Faire le point sur la situation et le projet professionnel.");
    await expect(phases).toContainText("Bilan à faire");
    await expectAccessible(page);

    // The summary PDF downloads as an attachment, without the young person's name in its file name.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /Récapitulatif PDF/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^recapitulatif-pacea-\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  test("a CEJ ending after 12 months without a reason is refused next to the field, and the input is kept", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const dossier = await dossierWithoutContract(page);
    await page.goto(`${dossier}/contrats/nouveau`);
    await page.getByRole("radio", { name: /^CEJ/ }).check();
    const tooLate = inMonths(13);
    await page.getByLabel("Fin prévue (obligatoire)").fill(tooLate);
    await page.getByRole("button", { name: "Enregistrer le contrat" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: /Un CEJ dure au plus 12 mois/ })).toBeVisible();
    const field = page.getByLabel("Fin prévue (obligatoire)");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#finPrevue-error")).toContainText("Un CEJ dure au plus 12 mois");
    await expect(field).toHaveValue(tooLate);
    await expect(page.getByRole("radio", { name: /^CEJ/ })).toBeChecked();
    await expectAccessible(page);
  });

  test("a young person under contract shows the contract in force with its actions; signing another is blocked", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    // Jade Garnier, whose CEJ no spec ends (the first CEJ of the list may be a new dossier with no contract yet).
    await page.goto("/portefeuille?q=garnier");
    await page.waitForLoadState("networkidle");
    const href = await page.getByRole("table").getByRole("rowheader").getByRole("link", { name: "GARNIER Jade" }).getAttribute("href");
    await page.goto(`${href}?onglet=parcours`);
    await expect(page.getByRole("heading", { name: "Contrat en cours" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Modifier ou prolonger" })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`${href}/contrats/nouveau`);
    await expect(page.getByText("Un contrat est déjà en cours")).toBeVisible();
  });
});
