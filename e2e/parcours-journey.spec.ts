import { ACCOUNTS, expect, expectAccessible, registerYoungPerson, signIn, test } from "./fixtures";

/** Today in Paris plus 12 months minus one day: the longest CEJ without an extension. */
function cejMaxEnd(): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number);
  const end = new Date(Date.UTC(y! + 1, m! - 1, d!));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

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
  const hhmm = (v: number) => `${String(Math.floor(v / 60)).padStart(2, "0")}:${String(v % 60).padStart(2, "0")}`;
  return { start: hhmm(start), end: hhmm(end) };
}

test.describe("parcours CEJ de bout en bout", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a counsellor signs a CEJ, plans a rendez-vous this week, marks attendance and sees the weekly gauge move", async ({
    page,
    browser,
  }) => {
    await signIn(page, ACCOUNTS.conseiller);
    // A young person of her own, without any contract: a retry signs, plans and counts from zero again.
    const { href: dossier, name } = await registerYoungPerson(page, "Chloé");
    const jeuneId = dossier.split("/").pop()!;

    // 1. Sign a CEJ starting today.
    await page.goto(`${dossier}/contrats/nouveau`);
    await page.getByRole("radio", { name: /^CEJ/ }).check();
    await page.getByLabel("Fin prévue (obligatoire)").fill(cejMaxEnd());
    await page.getByRole("button", { name: "Enregistrer le contrat" }).click();
    await page.waitForURL(/onglet=parcours/);
    await expect(page.getByText("Le contrat est enregistré.")).toBeVisible();
    await expect(page.getByText("Contrat d'engagement jeune (CEJ)").first()).toBeVisible();
    // The gauge of the week starts empty.
    await expect(page.getByText("0 h déclarées sur 15 h")).toBeVisible();
    await expect(page.getByText("0 h validées sur 15 h")).toBeVisible();
    await expectAccessible(page);

    // France Travail will be told: the registration is scheduled on the Données partagées tab.
    await page.goto(`${dossier}?onglet=donnees-partagees`);
    const scheduled = page.getByRole("listitem").filter({ hasText: "À envoyer" });
    await expect(scheduled).toHaveCount(1);
    await expect(scheduled).toContainText("France Travail");
    await expect(scheduled).toContainText("Type de contrat");

    // The DPO sends it now (instead of waiting for the worker's next pass): France Travail acknowledges it.
    const dpoContext = await browser.newContext();
    const dpo = await dpoContext.newPage();
    await signIn(dpo, ACCOUNTS.dpo);
    await dpo.goto("/transmissions?statut=a_envoyer");
    await dpo
      .getByRole("button", { name: new RegExp(`^Envoyer maintenant la transmission à France Travail pour ${name}`) })
      .first()
      .click();
    await expect(dpo.getByText(/en a accusé réception/)).toBeVisible();
    await expectAccessible(dpo);
    await dpoContext.close();
    await page.reload();
    const history = page.getByRole("region", { name: "Historique des transmissions" });
    await expect(history.getByText(/^Accusé n° .+\.json$/)).toBeVisible();

    // 2. Plan the week: an individual rendez-vous today, from the dossier's link (the young person is pre-selected).
    await page.goto(`/agenda/nouvelle?jeune=${jeuneId}`);
    await expect(page.getByRole("radio", { name: "Rendez-vous individuel" })).toBeChecked();
    const slot = startedSlotToday();
    await page.getByLabel("Titre").fill("Point d'entrée en CEJ");
    await page.getByLabel("Début (obligatoire)").fill(slot.start);
    await page.getByLabel("Fin (obligatoire)").fill(slot.end);
    await page.getByRole("button", { name: "Planifier la séance" }).click();
    await expect(page.getByText("La séance est planifiée.")).toBeVisible();
    const seance = page.url();

    await page.goto(`${dossier}?onglet=parcours`);
    await expect(page.getByText("1 h déclarées sur 15 h")).toBeVisible();
    await expect(page.getByText("0 h validées sur 15 h")).toBeVisible();

    // 3. Mark attendance.
    await page.goto(seance);
    await page.getByRole("group", { name }).getByRole("radio", { name: "Présent" }).check();
    await page.getByRole("button", { name: "Enregistrer les présences" }).click();
    await expect(page.getByText(/Les présences sont enregistrées/)).toBeVisible();

    // 4. The gauge counts the hour as validated.
    await page.goto(`${dossier}?onglet=parcours`);
    await expect(page.getByText("1 h déclarées sur 15 h")).toBeVisible();
    await expect(page.getByText("1 h validées sur 15 h")).toBeVisible();
    await expect(page.getByText(/Il manque/)).toContainText("14 h");
    await expectAccessible(page);

    // Every step is in the dossier's history.
    await page.goto(`${dossier}?onglet=historique&quoi=modifications`);
    const main = page.getByRole("main");
    await expect(main).toContainText("Signature d'un contrat (PACEA ou CEJ)");
    await expect(main).toContainText("Présence à une séance notée");
  });
});
