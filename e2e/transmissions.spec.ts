import { ACCOUNTS, expect, expectAccessible, signIn, test } from "./fixtures";

const ASP = "Agence de services et de paiement (ASP)";

test.describe("transmissions", () => {
  // Two axe passes and a CSV download in the first test.
  test.describe.configure({ timeout: 60_000 });

  test("the Lyon DPO filters by recipient, sees the refused ASP transfer, can relaunch it and exports the selection", async ({ page }) => {
    await signIn(page, ACCOUNTS.dpo);
    await page.goto("/transmissions");
    await expect(page.getByRole("heading", { level: 1, name: "Transmissions" })).toBeVisible();
    const table = page.getByRole("table", { name: /Transmissions, les plus récentes d'abord/ });
    await expect(table.getByText("FT-88231")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Destinataire").selectOption({ label: ASP });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/destinataire=asp/);
    // Other journeys may add Léa's payments meanwhile: the demo's refused one is the row looked at.
    const row = table.getByRole("row").filter({ hasText: "DUPONT Léa" }).filter({ hasText: "Refusée par le destinataire" });
    await expect(row).toHaveCount(1);
    await expect(row.getByText("Refusée par le destinataire")).toBeVisible();
    await expect(row.getByText("Refusé : coordonnées bancaires invalides")).toBeVisible();
    await expect(row.getByText("Paiement de l'allocation PACEA et de l'allocation CEJ")).toBeVisible();
    await expect(table.getByText("FT-88231")).toHaveCount(0);
    // The DPO may relaunch a refused transfer (not clicked here: the demo's refused transfer is shared by other specs).
    await expect(row.getByRole("button", { name: /^Relancer la transmission à Agence de services et de paiement/ })).toBeVisible();
    // The name leads to the dossier's Données partagées tab.
    await expect(row.getByRole("link", { name: "DUPONT Léa" })).toHaveAttribute("href", /\/jeunes\/[0-9a-f-]+\?onglet=donnees-partagees$/);
    // Counts per status keep the recipient filter.
    await expect(
      page.getByRole("navigation", { name: "Transmissions par statut" }).getByRole("link", { name: /Refusée par le destinataire 1/ }),
    ).toHaveAttribute("href", /destinataire=asp&statut=rejetee/);
    await expectAccessible(page);

    const exportLink = page.getByRole("link", { name: "Exporter en CSV" });
    await expect(exportLink).toHaveAttribute("href", "/transmissions/export.csv?destinataire=asp");
    const csv = await page.request.get("/transmissions/export.csv?destinataire=asp");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.startsWith("\uFEFFCréée le;Mission locale;Dossier (identifiant);Transmission (identifiant);Destinataire;Finalité")).toBe(
      true,
    );
    const lines = text.trim().split("\r\n");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const refused = lines.find((l) => l.includes("Refusée par le destinataire"));
    expect(refused).toBeDefined();
    expect(lines.slice(1).every((l) => l.includes("Agence de services et de paiement"))).toBe(true);
    // Field names, never values nor names.
    expect(refused).toContain("Nom de naissance");
    expect(text).not.toContain("DUPONT");
  });

  test("odd filters fall back to the defaults instead of failing @mobile", async ({ page }) => {
    await signIn(page, ACCOUNTS.dpo);
    const response = await page.goto("/transmissions?destinataire=nsa&statut=perdue&du=2026-02-30&au=demain&page=-3&structure=x");
    expect(response?.status()).toBe(200);
    await expect(
      page
        .getByRole("table", { name: /Transmissions/ })
        .or(page.getByRole("list", { name: /Transmissions/ }))
        .getByText("FT-88231")
        .filter({ visible: true }),
    ).toBeVisible();
    await expectAccessible(page);
    expect((await page.request.get("/transmissions/export.csv?statut=%00&du=zz")).status()).toBe(200);
  });

  test("the admin sees every structure, with a structure filter, and no relaunch button", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/transmissions?destinataire=asp");
    await expect(page.getByLabel("Mission locale")).toBeVisible();
    const row = page
      .getByRole("table", { name: /Transmissions/ })
      .getByRole("row")
      .filter({ hasText: "DUPONT Léa" })
      .first();
    await expect(row.getByText("Mission locale de Lyon")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Relancer/ })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("the Marseille director sees no Lyon transfer", async ({ page }) => {
    await signIn(page, "directeur.marseille@sillage.demo");
    await page.goto("/transmissions");
    await expect(page.getByRole("heading", { level: 1, name: "Transmissions" })).toBeVisible();
    await expect(page.getByText("DUPONT Léa")).toHaveCount(0);
    await expect(page.getByText("FT-88231")).toHaveCount(0);
    const csv = await (await page.request.get("/transmissions/export.csv")).text();
    expect(csv.trim().split("\r\n")).toHaveLength(1);
  });

  test("a counsellor gets the 403 page and cannot export", async ({ page }) => {
    await signIn(page, ACCOUNTS.conseiller);
    const response = await page.goto("/transmissions");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    expect((await page.request.get("/transmissions/export.csv")).status()).toBe(403);
  });
});
