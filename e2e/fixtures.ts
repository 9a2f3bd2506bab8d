import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Sillage-demo-2026";

export const ACCOUNTS = {
  admin: "admin@sillage.demo",
  directeur: "directrice.lyon@sillage.demo",
  conseiller: "conseillere.lyon@sillage.demo",
  conseiller2: "conseiller.lyon@sillage.demo",
  dpo: "dpo.lyon@sillage.demo",
  conseillerMarseille: "conseillere.marseille@sillage.demo",
  jeune: "lea.dupont@exemple.fr",
  jeuneMineur: "tom.girard@exemple.fr",
} as const;

/** Fails the test on any WCAG 2.2 A/AA violation axe can detect on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(summary, "axe violations").toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

export const test = base;
export { expect };
