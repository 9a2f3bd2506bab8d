import { formatIsoWeek, isoWeekOf } from "../lib/calendar/iso-week";
import { todayInParis } from "../lib/calendar/civil-date";
import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

/** A one-hour slot today that has already started (attendance can be recorded), on the Paris clock. */
function startedSlotToday(): { start: string; end: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date());
  const now = Number(parts.find((p) => p.type === "hour")!.value) * 60 + Number(parts.find((p) => p.type === "minute")!.value);
  const start = Math.max(0, Math.floor((now - 60) / 5) * 5);
  const end = Math.min(start + 60, 23 * 60 + 55);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { start: hhmm(start), end: hhmm(end) };
}

const currentWeek = () => formatIsoWeek(isoWeekOf(todayInParis(new Date())));

test.describe("agenda", () => {
  // A long journey (about twenty steps, axe on each page): more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test("a counsellor runs an atelier from planning to the sign-in sheet, and finds it in the young person's file", async ({ page }) => {
    const titre = `Atelier CV express ${Date.now().toString(36)}`;
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/agenda");
    await expect(page.getByRole("heading", { level: 1, name: "Agenda de la structure" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Planifier une séance" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Planifier une séance" })).toBeVisible();
    await expectAccessible(page);
    const slot = startedSlotToday();
    await page.getByRole("radio", { name: "Atelier" }).check();
    await page.getByLabel("Titre").fill(titre);
    await page.getByLabel("Début (obligatoire)").fill(slot.start);
    await page.getByLabel("Fin (obligatoire)").fill(slot.end);
    await page.getByLabel("Lieu").fill("Salle Rhône");
    // Without a capacity: the error is shown next to the field and what was typed stays.
    await page.getByRole("button", { name: "Planifier la séance" }).click();
    await expect(page.getByRole("link", { name: "Indiquez le nombre de places de la séance." })).toBeVisible();
    await expect(page.getByLabel("Titre")).toHaveValue(titre);
    await expectAccessible(page);
    await page.getByLabel("Nombre de places").fill("4");
    await page.getByRole("button", { name: "Planifier la séance" }).click();
    await expect(page.getByText("La séance est planifiée.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: titre })).toBeVisible();
    const seanceUrl = new URL(page.url());
    const seanceId = seanceUrl.pathname.split("/").pop()!;
    await expectAccessible(page);

    // Add Léa Dupont through the search (the name never goes into the URL).
    await page.getByLabel("Rechercher un jeune de la structure").fill("dupont lé");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByText(/jeunes? trouvés? : choisissez/)).toBeVisible();
    expect(page.url()).not.toContain("dupont");
    const select = page.getByLabel("Jeune à inscrire");
    const leaOption = select.locator("option", { hasText: "DUPONT Léa" });
    await select.selectOption(await leaOption.getAttribute("value"));
    await page.getByRole("button", { name: "Inscrire à la séance" }).click();
    await expect(page.getByText("Le jeune est inscrit à la séance.")).toBeVisible();
    const participants = page.getByRole("table", { name: /Participants de la séance/ });
    await expect(participants.getByRole("rowheader", { name: "DUPONT Léa" })).toBeVisible();
    await expectAccessible(page);

    // Closing is refused while she is still "prévu".
    await page.getByRole("button", { name: "Clôturer la séance" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "encore « prévu »" })).toBeVisible();

    const lea = page.getByRole("group", { name: "DUPONT Léa" });
    await lea.getByRole("radio", { name: "Présent" }).check();
    await page.getByRole("button", { name: "Enregistrer les présences" }).click();
    await expect(page.getByText(/Les présences sont enregistrées/)).toBeVisible();
    // The page refreshes with the new versions once the save is done: check it then.
    await expect(page.getByRole("button", { name: "Enregistrer les présences" })).toBeEnabled();
    await expect(page.getByText("Les présences seront figées")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Clôturer la séance" }).click();
    await expect(page.getByText(/La séance est clôturée : les présences sont figées/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Enregistrer les présences" })).toHaveCount(0);
    await expect(participants.getByText("Présent", { exact: true })).toBeVisible();
    await expectAccessible(page);

    const pdf = await page.request.get(`/agenda/${seanceId}/emargement`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["cache-control"]).toContain("no-store");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The week in the URL gives the same view: the new atelier is in it.
    await page.goto(`/agenda?semaine=${currentWeek()}`);
    await expect(page.getByRole("link", { name: titre })).toBeVisible();
    await page.getByRole("link", { name: "Semaine suivante" }).click();
    await expect(page.getByRole("link", { name: titre })).toHaveCount(0);
    await page.getByRole("link", { name: "Semaine précédente" }).click();
    await expect(page).toHaveURL(new RegExp(`semaine=${currentWeek()}`));
    await expect(page.getByRole("link", { name: titre })).toBeVisible();

    // In Léa's file, tab "Rendez-vous": the atelier with her presence.
    await page.goto(seanceUrl.pathname);
    await participants.getByRole("link", { name: "DUPONT Léa" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Rendez-vous" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: titre });
    await expect(row.getByText("Présent")).toBeVisible();
    await expect(page.getByRole("link", { name: "Planifier un rendez-vous" })).toHaveAttribute(
      "href",
      /\/agenda\/nouvelle\?jeune=[0-9a-f-]{36}$/,
    );
    await expectAccessible(page);
  });

  test("an unknown week falls back to the current one; a dossier link pre-selects the young person", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/agenda?semaine=2026-W99");
    await expect(page.getByText("La semaine demandée n'existe pas : voici la semaine en cours.")).toBeVisible();
    await page.getByLabel("Type de séance").selectOption("rendez_vous_individuel");
    await page.getByLabel("Seulement les séances que j'anime").check();
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/type=rendez_vous_individuel&mes=1/);
    await expect(page.getByRole("link", { name: "Point mensuel CEJ" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Atelier lettre de motivation" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Point mensuel CEJ" }).click();
    const leaLink = page.getByRole("table", { name: /Participants/ }).getByRole("link", { name: "DUPONT Léa" });
    const leaId = (await leaLink.getAttribute("href"))!.split("/")[2]!.split("?")[0]!;
    await page.goto(`/agenda/nouvelle?jeune=${leaId}`);
    await expect(page.getByRole("radio", { name: "Rendez-vous individuel" })).toBeChecked();
    await expect(page.getByLabel("Jeune reçu en rendez-vous")).toHaveValue(leaId);
    await expectAccessible(page);
  });

  test("another structure's counsellor cannot open a Lyon séance nor its sign-in sheet; the DPO has no agenda", async ({
    page,
    browser,
  }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto("/agenda");
    const href = (await page.getByRole("link", { name: "Point mensuel CEJ" }).first().getAttribute("href"))!;
    const marseille = await browser.newPage();
    await signIn(marseille, ACCOUNTS.conseillerMarseille);
    expect((await marseille.goto(href))!.status()).toBe(404);
    expect((await marseille.request.get(`${href}/emargement`)).status()).toBe(404);
    await marseille.close();
    const dpo = await browser.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    await dpo.goto("/agenda");
    await expect(dpo.getByRole("heading", { level: 1 })).not.toHaveText("Agenda de la structure");
    expect((await dpo.request.get(`${href}/emargement`)).status()).not.toBe(200);
    await dpo.close();
  });

  test("the week, a séance and the planning form read well on a phone @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    await page.goto(`/agenda?semaine=${currentWeek()}`);
    await expect(page.getByRole("heading", { level: 1, name: "Agenda de la structure" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Point mensuel CEJ" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Point mensuel CEJ" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/agenda/nouvelle");
    await expectAccessible(page);
  });
});
