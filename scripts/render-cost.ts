/**
 * Render cost of the dossier and the portfolio, against a running production server (`next start`) on
 * PostgreSQL: per page, the database transactions a request opens (pg_stat_database deltas of the app's
 * database: with postgres.js each statement outside a transaction is one), the response time seen from
 * here, the HTML bytes and the bytes of the inline RSC payload (`self.__next_f.push` chunks).
 * Nothing is asserted: it prints a table and writes reports/render-cost.json.
 *
 *   RENDER_BASE_URL=http://127.0.0.1:3310 DATABASE_URL=postgres://… E2E_PORT=3310 npx tsx scripts/render-cost.ts
 *
 * The server must run with SILLAGE_WORKER=off (the worker's polling would count) and be the database's only client.
 */
import fs from "node:fs";
import { chromium, type BrowserContext } from "@playwright/test";
import postgres from "postgres";
import { ACCOUNTS, signInWithForm } from "../e2e/fixtures";

const BASE_URL = process.env.RENDER_BASE_URL ?? "http://127.0.0.1:3310";
const DATABASE_URL = process.env.DATABASE_URL;
const REPEAT = Number(process.env.RENDER_REPEAT ?? 8);
/** PostgreSQL flushes a backend's statistics at most every second, and an idle backend's within ten. */
const STATS_WAIT_MS = Number(process.env.RENDER_STATS_WAIT_MS ?? 11_500);
const TABS = ["identite", "parcours", "actions", "rendez-vous", "droits", "historique"] as const;

if (!DATABASE_URL) throw new Error("DATABASE_URL: the database the server uses");
const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });

async function transactions(): Promise<number> {
  const [row] = await sql<
    { n: string }[]
  >`select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()`;
  return Number(row?.n ?? 0);
}

/** The bytes of the strings pushed to `self.__next_f` (the flight data React hydrates from). */
export function inlinePayloadBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)) {
    try {
      const chunk = JSON.parse(m[1]!) as unknown[];
      for (const part of chunk) if (typeof part === "string") total += Buffer.byteLength(part);
    } catch {
      total += Buffer.byteLength(m[1]!);
    }
  }
  return total;
}

interface Measure {
  account: string;
  page: string;
  status: number;
  htmlBytes: number;
  payloadBytes: number;
  msMedian: number;
  transactionsPerRequest: number;
}

async function measure(context: BrowserContext, account: string, label: string, url: string): Promise<Measure> {
  const warm = await context.request.get(url, { maxRedirects: 0 });
  const html = await warm.text();
  await new Promise((r) => setTimeout(r, STATS_WAIT_MS));
  const before = await transactions();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    const response = await context.request.get(url, { maxRedirects: 0 });
    await response.body();
    times.push(performance.now() - start);
  }
  await new Promise((r) => setTimeout(r, STATS_WAIT_MS));
  // The reading itself is one transaction.
  const delta = (await transactions()) - before - 1;
  times.sort((a, b) => a - b);
  return {
    account,
    page: label,
    status: warm.status(),
    htmlBytes: Buffer.byteLength(html),
    payloadBytes: inlinePayloadBytes(html),
    msMedian: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
    transactionsPerRequest: Math.round((delta / REPEAT) * 10) / 10,
  };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const results: Measure[] = [];
  try {
    for (const [key, email] of [
      ["conseiller", ACCOUNTS.conseiller],
      ["directeur", ACCOUNTS.directeur],
    ] as const) {
      const context = await browser.newContext({ baseURL: BASE_URL });
      const page = await context.newPage();
      await signInWithForm(page, email);
      await page.goto("/portefeuille");
      const href = await page.locator('table a[href^="/jeunes/"]').first().getAttribute("href");
      await page.close();
      results.push(await measure(context, key, "/portefeuille", "/portefeuille"));
      if (key === "conseiller" && href) {
        for (const tab of TABS) results.push(await measure(context, key, `/jeunes/<id>?onglet=${tab}`, `${href}?onglet=${tab}`));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await sql.end();
  }
  console.table(results);
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync("reports/render-cost.json", `${JSON.stringify({ at: new Date().toISOString(), repeat: REPEAT, results }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
