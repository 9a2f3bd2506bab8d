import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("mon espace", () => {
  test("a young person sees who opened their file and why, and the steps of their requests @mobile", async ({ page, browser }) => {
    // The list shows the latest openings only: the DPO opens Léa's file just before, so what is checked does not
    // depend on how often other tests opened it before.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signIn(staff, ACCOUNTS.conseiller);
    await staff.goto("/portefeuille?q=dupont");
    await staff.getByRole("link", { name: "DUPONT Léa" }).click();
    await expect(staff).toHaveURL(/\/jeunes\/[0-9a-f-]{36}/);
    const dossierPath = new URL(staff.url()).pathname;
    await staffContext.close();
    const dpoContext = await browser.newContext();
    const dpo = await dpoContext.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    await dpo.goto(dossierPath);
    const ouvrir = dpo.getByRole("button", { name: "Ouvrir le dossier" });
    // The reason form shows once per 8 hours: the other project's run (or a retry) finds the file open directly,
    // and that opening records no new reason.
    const reasonGiven = await ouvrir.isVisible();
    if (reasonGiven) {
      await expect(dpo.getByLabel("Motif de la consultation")).toHaveValue("controle_dpo");
      await ouvrir.click();
    }
    await expect(dpo.getByRole("heading", { level: 1, name: /Léa/ })).toBeVisible();
    await dpoContext.close();

    await signIn(page, ACCOUNTS.jeune);
    await expect(page.getByRole("heading", { level: 2, name: "Qui a ouvert votre dossier" })).toBeVisible();
    const openings = page.getByRole("region", { name: "Qui a ouvert votre dossier" }).getByRole("listitem");
    if (reasonGiven)
      await expect(
        openings.filter({ hasText: "Raison donnée : Contrôle par le délégué à la protection des données." }).first(),
      ).toBeVisible();
    else await expect(openings.filter({ hasText: "Sophie Leclerc" }).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Vos demandes sur vos données" })).toBeVisible();
    await expect(page.getByText("Votre demande d'accès a été reçue par votre mission locale.").first()).toBeVisible();
    // The seeded access request is past its deadline: the young person is told plainly.
    await expect(page.getByText("Nous sommes en retard.")).toBeVisible();
    const envois = page.getByRole("region", { name: "À qui vos données ont été envoyées" });
    await expect(envois.getByText(/Envoyé à France Travail, l'organisme qui aide à trouver un emploi/)).toBeVisible();
    await expectAccessible(page);
  });

  test("when a counsellor opens the file, the young person sees it", async ({ browser }) => {
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signIn(staff, ACCOUNTS.conseiller);
    await staff.goto("/portefeuille?q=dupont");
    await staff.getByRole("link", { name: "DUPONT Léa" }).click();
    await staff.getByRole("link", { name: "Historique" }).click();
    await expect(staff).toHaveURL(/onglet=historique/);
    await staffContext.close();

    const jeuneContext = await browser.newContext();
    const jeune = await jeuneContext.newPage();
    await signIn(jeune, ACCOUNTS.jeune);
    // Other journeys may open Léa's file at the same moment (other tabs): this opening is among the latest few.
    const items = jeune.getByRole("region", { name: "Qui a ouvert votre dossier" }).getByRole("listitem");
    await expect
      .poll(async () => (await items.allTextContents()).slice(0, 5).some((t) => t.includes("Camille Martin") && t.includes("historique")))
      .toBe(true);
    await jeuneContext.close();
  });
});
