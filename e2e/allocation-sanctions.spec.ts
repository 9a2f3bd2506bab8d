import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

// A server action, a redirect and a page render: slower than a plain assertion on a loaded machine.
const AFTER_SUBMIT = { timeout: 30_000 };

const parisToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const monthLabel = (isoDay: string) =>
  new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));

/** Léa Dupont's dossier id, from Camille Martin's portfolio. */
async function openLea(page: Page): Promise<string> {
  await signIn(page, ACCOUNTS.conseiller);
  await page.getByRole("link", { name: "DUPONT Léa" }).first().click();
  await page.waitForURL(/\/jeunes\/[0-9a-f-]{36}/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function asDirector(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.directeur);
  return page;
}

test.describe("allocation and sanctions", () => {
  // Several pages, two accounts and server actions each: room for a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("a counsellor previews then records Léa's CEJ allowance for this month and sees it in the Parcours tab", async ({ page }) => {
    const id = await openLea(page);
    await page.goto(`/jeunes/${id}?onglet=parcours`);
    const section = page.locator("section#allocation");
    await expect(section.getByRole("heading", { name: "Allocation mensuelle" })).toBeVisible();
    // The demo's three previous months (more when the server is reused), with their rules in plain words.
    await expect(section.getByRole("table").getByRole("rowheader").nth(2)).toBeVisible();
    await expect(
      section
        .getByRole("table")
        .getByText(/Règles appliquées : montants de l'allocation CEJ en vigueur depuis le/)
        .first(),
    ).toBeVisible();
    await expectAccessible(page);

    await section.getByRole("link", { name: "Nouvelle décision" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nouvelle décision d'allocation" })).toBeVisible(AFTER_SUBMIT);
    await expectAccessible(page);

    // Nothing chosen: the error is next to the question, and what was typed stays.
    await page.getByLabel("Salaires et revenus assimilés, en euros par mois").fill("450");
    await page.getByRole("button", { name: "Calculer le montant" }).click();
    await expect(page.getByRole("link", { name: "Choisissez la situation fiscale du foyer." })).toBeVisible();
    await expect(page.getByLabel("Salaires et revenus assimilés, en euros par mois")).toHaveValue("450");
    await expectAccessible(page);

    await page.getByRole("radio", { name: "Foyer non imposable" }).check();
    await page.getByRole("button", { name: "Calculer le montant" }).click();
    const preview = page.getByRole("region", { name: /Montant calculé/ });
    await expect(preview).toBeVisible(AFTER_SUBMIT);
    // D5131-23: 450 € a month, 150 € above the abatement; the figure depends on the amounts and SMIC in force, the formula does not.
    await expect(preview).toContainText("de réduction pour 450,00");
    await expect(preview).toContainText("de ressources déduites en partie");
    await expect(preview.getByRole("rowheader", { name: "Montant à verser" })).toBeVisible();
    await expectAccessible(page);

    // Changing a field hides the result: what is confirmed is what was shown.
    await page.getByLabel("Salaires et revenus assimilés, en euros par mois").fill("");
    await expect(preview).toBeHidden();
    await page.getByRole("button", { name: "Calculer le montant" }).click();
    const heading = page.getByRole("heading", { name: /^Montant calculé : / });
    await expect(heading).toBeVisible(AFTER_SUBMIT);
    const amount = (await heading.textContent())!.replace("Montant calculé : ", "").trim();
    await page.getByRole("button", { name: `Confirmer la décision de ${amount}` }).click();

    await page.waitForURL(/onglet=parcours/);
    const month = monthLabel(parisToday());
    await expect(page.getByText(`La décision d'allocation de ${month} est enregistrée.`)).toBeVisible(AFTER_SUBMIT);
    // Most recent first: this month's decision now in force.
    const row = page
      .locator("section#allocation")
      .getByRole("row", { name: new RegExp(month) })
      .first();
    await expect(row).toContainText(amount);
    await expect(row).toContainText("En vigueur");
    await expectAccessible(page);
  });

  test("the director decides a failure after the young person's answer; the counsellor cannot decide", async ({ page, browser }) => {
    const id = await openLea(page);
    await page.goto(`/jeunes/${id}?onglet=parcours`);
    await page.locator("section#sanctions").getByRole("link", { name: "Signaler un manquement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Signaler un manquement" })).toBeVisible(AFTER_SUBMIT);
    await expectAccessible(page);

    await page.getByLabel("Date du manquement").fill(parisToday());
    await page.getByLabel("Ce qui s'est passé").fill("Court");
    await page.getByRole("button", { name: "Enregistrer le manquement" }).click();
    await expect(page.getByRole("link", { name: /Décrivez le manquement en quelques mots/ })).toBeVisible();
    await page.getByLabel("Ce qui s'est passé").fill("Absente sans prévenir à l'atelier simulation d'entretien.");
    await page.getByRole("button", { name: "Enregistrer le manquement" }).click();
    await page.waitForURL(/\/sanctions\/[0-9a-f-]{36}\?etape=proposee/);
    const sanctionPath = new URL(page.url()).pathname;
    await expect(page.getByText("Le manquement est enregistré.")).toBeVisible(AFTER_SUBMIT);
    // The rule in force at the date of the fact, with its caveat; the decision is the direction's.
    await expect(page.getByText(/s'applique la suspension-remobilisation/)).toBeVisible();
    await expect(page.getByText(/L'articulation de la suspension-remobilisation avec le barème CEJ de 2022/)).toBeVisible();
    await expect(page.getByText("La décision appartient à la direction de la mission locale.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Décision de la direction" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByLabel("Ce que le jeune a répondu").fill("Léa explique qu'elle passait un entretien d'embauche au même moment.");
    await page.getByRole("button", { name: "Enregistrer la réponse du jeune" }).click();
    await expect(page.getByText("La réponse du jeune est enregistrée.")).toBeVisible(AFTER_SUBMIT);

    const director = await asDirector(browser);
    await director.goto(sanctionPath);
    await expect(director.getByRole("heading", { name: "Décision de la direction" })).toBeVisible(AFTER_SUBMIT);
    await expectAccessible(director);
    await director.getByRole("radio", { name: "Appliquer la sanction proposée" }).check();
    // Next month, so the other test's allowance for this month is not affected.
    const next = new Date(`${parisToday().slice(0, 7)}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const nextMonth = monthLabel(next.toISOString().slice(0, 10));
    await director.getByLabel("Premier mois d'allocation concerné").selectOption({ label: nextMonth });
    await director.getByLabel(/Durée, en mois/).fill("1");
    await director.getByLabel(/Part de l'allocation retenue, en %/).fill("0");
    await director.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(director.getByRole("link", { name: /Indiquez un pourcentage entier entre \d+ et 100/ })).toBeVisible();
    await expect(director.getByLabel("Premier mois d'allocation concerné")).toHaveValue(next.toISOString().slice(0, 7));
    await expectAccessible(director);
    await director.getByLabel(/Part de l'allocation retenue, en %/).fill("30");
    await director.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(director.getByText("La décision est enregistrée.")).toBeVisible(AFTER_SUBMIT);
    await expect(
      director.getByRole("definition").filter({ hasText: new RegExp(`^30\\s%\\sde l'allocation (suspendue|supprimée) pour ${nextMonth}`) }),
    ).toBeVisible();
    await expectAccessible(director);

    await director.goto(`/jeunes/${id}?onglet=parcours`);
    const sanctions = director.locator("section#sanctions");
    await expect(sanctions.getByText("Décidée", { exact: true }).first()).toBeVisible();
    await expectAccessible(director);
    await director.context().close();
  });
});
