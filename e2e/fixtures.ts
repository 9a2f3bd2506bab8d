import AxeBuilder from "@axe-core/playwright";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

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

/**
 * Page states this worker has already checked with no violation, by structure: the path (ids replaced)
 * plus every element's tag, the attributes axe's rules read (id, classes, role, aria-*, for, alt, lang…)
 * and whether it holds text, the landmarks with their roles and accessible names, and the document's title,
 * at this viewport. The same structure gives axe the same answer, so it is not run twice; any new state
 * (an error message, another tab, a dialog, another layout, two landmarks that now share a name) differs
 * and is checked.
 */
const checkedStructures = new Set<string>();

async function structureOf(page: Page): Promise<string> {
  const viewport = page.viewportSize();
  const dom = await page.evaluate(() => {
    const KEPT = ["id", "class", "role", "style", "type", "hidden", "for", "alt", "lang", "tabindex", "scope", "title", "disabled", "open"];
    const parts: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const attrs = Array.from(el.attributes)
        .filter((a) => KEPT.includes(a.name) || a.name.startsWith("aria-"))
        .map((a) => `${a.name}=${a.value.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id")}`)
        .join(",");
      const text = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
      parts.push(`${el.tagName}[${attrs}]${text ? "t" : ""}`);
    }
    // Landmark names come from texts (aria-labelledby → a heading) the list above leaves out: two states
    // alike but for a heading's words may differ for landmark-unique.
    const textOf = (id: string) => document.getElementById(id)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    const landmarks = Array.from(
      document.querySelectorAll(
        "[role], main, nav, aside, header, footer, section[aria-label], section[aria-labelledby], form[aria-label], form[aria-labelledby], search",
      ),
    ).map((el) => {
      const labelledBy = el.getAttribute("aria-labelledby");
      const name = labelledBy ? labelledBy.split(/\s+/).map(textOf).join(" ") : (el.getAttribute("aria-label") ?? "");
      return `${el.getAttribute("role") ?? el.tagName}:${name.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id")}`;
    });
    return `${parts.join(";")}|${landmarks.join(";")}|title=${document.title}`;
  });
  const path = new URL(page.url()).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id");
  return createHash("sha256").update(`${viewport?.width}x${viewport?.height}|${path}|${dom}`).digest("hex");
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/**
 * axe files its landmark rules under "best-practice", not under a WCAG tag: run by tag alone they never run.
 * Landmarks are how RGAA 12.6 / WCAG 1.3.1 and 2.4.1 are met here, so they are checked too.
 */
const LANDMARK_RULES = [
  "landmark-unique",
  "landmark-one-main",
  "landmark-no-duplicate-main",
  "landmark-no-duplicate-banner",
  "landmark-no-duplicate-contentinfo",
  "landmark-main-is-top-level",
  "landmark-banner-is-top-level",
  "landmark-contentinfo-is-top-level",
];

/**
 * Lets a client-side navigation settle before the page is looked at: the document loaded and a title
 * in place. If none comes, axe runs all the same and reports it (document-title).
 */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.readyState === "complete" && document.title.trim() !== "", null, { timeout: 5_000 })
    .catch(() => undefined);
}

/** Fails the test on any WCAG 2.2 A/AA violation axe can detect on the current page, landmarks included. */
export async function expectAccessible(page: Page): Promise<void> {
  await settled(page);
  const structure = await structureOf(page);
  if (checkedStructures.has(structure)) return;
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: "tag", values: WCAG_TAGS },
      // With runOnly by tag, axe also runs the rules enabled here (axe-core's API, "rules" option).
      rules: Object.fromEntries(LANDMARK_RULES.map((id) => [id, { enabled: true }])),
    })
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
  expect(summary, "axe violations").toEqual([]);
  checkedStructures.add(structure);
}

/**
 * Signs in through the sign-in form, as a person would; ends on the account's landing page. An account with
 * a second factor (admin, DPO) sets it up at its first sign-in and types a code afterwards, computed from the
 * secret its enrolment page showed (kept per run in TOTP_DIR).
 */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if ((YOUNG_ACCOUNTS as readonly string[]).includes(email)) return signInWithCode(page, email);
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  // "/" then sends the account to its home, or to the second-factor page.
  await page.waitForURL((url) => url.pathname !== "/connexion" && url.pathname !== "/");
  if (new URL(page.url()).pathname === MFA_PATH) await passSecondFactor(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

// ── Mon espace: young people sign in with a code sent by e-mail ─────────────────────────────────────────
const YOUNG_ACCOUNTS = [ACCOUNTS.jeune, ACCOUNTS.jeuneMineur] as const;
/** The development outbox of this run's server (scripts/e2e-server.mjs). */
export const OUTBOX_DIR = process.env.MAIL_OUTBOX_DIR ?? path.join(".data", `e2e-${process.env.E2E_PORT ?? "3100"}-outbox`);

/**
 * The text of the newest message to `to` whose subject matches, written after `since`, read from the outbox
 * folder as a tester reads /dev/courriels (the message leaves just after the answer: it is waited for).
 */
export async function waitForMail(to: string, subject: RegExp, since: number, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = fs.existsSync(OUTBOX_DIR) ? fs.readdirSync(OUTBOX_DIR).filter((f) => f.endsWith(".json")) : [];
    const found = files
      .map((f) => path.join(OUTBOX_DIR, f))
      .filter((f) => fs.statSync(f).mtimeMs >= since - 1000)
      .flatMap((f) => {
        // A message still being written (another process) is read at the next round.
        try {
          return [JSON.parse(fs.readFileSync(f, "utf8")) as { to: string; subject: string; text: string; date: string }];
        } catch {
          return [];
        }
      })
      .filter((m) => m.to === to && subject.test(m.subject) && Date.parse(m.date) >= since - 1000)
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0];
    if (found) return found.text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no message "${subject}" to ${to} in ${OUTBOX_DIR}`);
}

/** The 6-digit code of a code e-mail. */
export function codeOf(text: string): string {
  const code = /^(\d{6})$/m.exec(text)?.[1];
  if (!code) throw new Error("no code in the message");
  return code;
}

/** Signs a young person in as they would: their address, then the code read from the e-mail. Ends on Mon espace. */
export async function signInWithCode(page: Page, email: string): Promise<void> {
  await page.goto("/connexion/code");
  await page.getByLabel("Votre adresse e-mail").fill(email);
  const since = Date.now();
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page.getByLabel(/^Code reçu par e-mail/)).toBeVisible();
  const code = codeOf(await waitForMail(email, /Votre code/, since));
  await page.getByLabel(/^Code reçu par e-mail/).fill(code);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/mon-espace"));
}

// ── Second factor (TOTP) ──────────────────────────────────────────────────────────────────────────────────
export const MFA_PATH = "/connexion/double-authentification";
/** The TOTP secrets the enrolment pages of this server showed, by account (kept apart from the sessions). */
const TOTP_DIR = path.join(".data", `e2e-totp-${process.env.E2E_PORT ?? "3100"}`);
const totpFile = (email: string) => path.join(TOTP_DIR, `${email.replace(/[^a-z0-9.@-]/gi, "_")}.txt`);

export function totpStepNow(): number {
  return Math.floor(Date.now() / 30_000);
}

/** The 6-digit code of a step (RFC 6238, SHA-1, 30 s), from the secret as the page shows it (groups of four). */
export function totpCode(secret: string, step = totpStepNow()): string {
  return generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s/g, "")), BigInt(step), 6);
}

/** Sets up the second factor on the enrolment page: returns the secret, the step used and the recovery codes. */
export async function enrolTotp(page: Page): Promise<{ secret: string; step: number; codes: string[] }> {
  const secret = ((await page.locator("#cle-totp").textContent()) ?? "").replace(/\s/g, "");
  const step = totpStepNow();
  await page.getByLabel(/^Code à 6 chiffres/).fill(totpCode(secret, step));
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  const list = page.getByRole("region", { name: "Vos codes de secours" }).getByRole("listitem");
  await expect(list).toHaveCount(10);
  return { secret, step, codes: (await list.allTextContents()).map((c) => c.trim()) };
}

/**
 * Types a code on the verification page until one is accepted: a code is accepted once, so a step already
 * used by a parallel sign-in of the same account is followed by the next one (the server accepts one step
 * ahead), or by a wait for the next window.
 */
export async function completeMfa(page: Page, secret: string): Promise<void> {
  let step = totpStepNow();
  for (let attempt = 0; attempt < 5; attempt++) {
    const wait = (step - 1) * 30_000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait + 500);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === MFA_PATH);
    await page.getByLabel(/^Code à 6 chiffres/).fill(totpCode(secret, step));
    await page.getByRole("button", { name: "Valider le code" }).click();
    await answered;
    const left = await page
      .waitForURL((url) => url.pathname !== MFA_PATH, { timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (left) return;
    step = Math.max(step + 1, totpStepNow());
  }
  throw new Error("no TOTP code accepted");
}

async function passSecondFactor(page: Page, email: string): Promise<void> {
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  if ((await heading.textContent())?.includes("Activez")) {
    const { secret } = await enrolTotp(page);
    fs.mkdirSync(TOTP_DIR, { recursive: true });
    fs.writeFileSync(totpFile(email), secret);
    await page.getByRole("link", { name: /continuer vers Sillage/ }).click();
    return;
  }
  if (!fs.existsSync(totpFile(email))) throw new Error(`${email} has a second factor this run did not set up: restart the e2e server`);
  await completeMfa(page, fs.readFileSync(totpFile(email), "utf8"));
}

/** Where e2e/auth.setup.ts keeps each demo account's session cookies for this run. */
export function sessionFile(email: string): string {
  return path.join(SESSIONS_DIR, `${email.replace(/[^a-z0-9.@-]/gi, "_")}.json`);
}
export const SESSIONS_DIR = path.join(".data", `e2e-sessions-${process.env.E2E_PORT ?? "3100"}`);

/**
 * Signs in and ends on the account's landing page. A demo account reuses the session the setup project
 * opened through the form (e2e/auth.setup.ts) — the form itself is tested in auth.spec.ts — so each test
 * does not pay for the sign-in page and the password hash again.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const file = sessionFile(email);
  if (password !== DEMO_PASSWORD || !fs.existsSync(file)) return signInWithForm(page, email, password);
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
  await page.context().addCookies(state.cookies);
  await page.goto("/");
  await page.waitForURL((url) => url.pathname !== "/" && !url.pathname.startsWith("/connexion"));
}

export const test = base;
export { expect };

/**
 * Registers a new young person of the signed-in counsellor's portfolio, with no dispositif, under a random
 * name: a journey that changes a dossier (a contract, a gauge) starts from a dossier of its own, so a retry
 * or a second run against the same server finds it as the first one did.
 */
export async function registerYoungPerson(
  page: Page,
  prenoms: string,
  sexe: "Femme" | "Homme" = "Femme",
): Promise<{ href: string; name: string }> {
  const nom = `Essai${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
  const birth = new Date();
  birth.setUTCFullYear(birth.getUTCFullYear() - 20);
  birth.setUTCDate(birth.getUTCDate() - 40);
  await page.goto("/jeunes/nouveau");
  await page.getByLabel("Nom de naissance").fill(nom);
  await page.getByLabel("Prénoms").fill(prenoms);
  await page.getByLabel("Date de naissance").fill(birth.toISOString().slice(0, 10));
  await page.getByRole("radio", { name: sexe }).check();
  await page.getByLabel("Téléphone").fill("06 12 34 56 78");
  await page.getByLabel("Adresse e-mail").fill(`${nom.toLowerCase()}@exemple.fr`);
  await page.getByLabel("Code postal").fill("69008");
  await page.getByLabel("Commune", { exact: true }).fill("Lyon");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await page.waitForURL(/\/jeunes\/[0-9a-f-]{36}$/);
  return { href: new URL(page.url()).pathname, name: `${nom.toUpperCase()} ${prenoms}` };
}
