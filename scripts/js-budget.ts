// First-load JavaScript of each page of the production build, as a browser gets it: the page's HTML is fetched
// from the running server with a signed-in session, every script it references (<script src>, and
// <link rel="preload"/"modulepreload" as="script">; not `nomodule` ones) is fetched once and gzipped (zlib, level 9), and the page's
// total is compared with its budget: 180 kB for staff pages, 160 kB for Mon espace and the sign-in page.
//
//   npm run budget [-- http://127.0.0.1:3100]   (after `npm run test:e2e` has opened the demo sessions, or with
//   SILLAGE_BUDGET_COOKIES_DIR pointing at Playwright storage states)
//
// The e2e suite runs the same measure (e2e/js-budget.spec.ts) and writes reports/js-budget.json.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type BudgetKind = "staff" | "jeune" | "public";
export interface BudgetPage {
  path: string;
  kind: BudgetKind;
  account: string | null;
}
interface MeasuredScript {
  src: string;
  raw: number;
  gzip: number;
}
export interface BudgetReport {
  measuredAt: string;
  baseURL: string;
  gzipLevel: number;
  unit: string;
  pages: { path: string; kind: BudgetKind; scripts: MeasuredScript[]; gzip: number; budgetBytes: number; kB: number; ok: boolean }[];
}

export const BUDGETS_KB: Record<BudgetKind, number> = { staff: 180, jeune: 160, public: 160 };

/** The pages measured, by the account whose session opens them (null: anonymous). */
export const BUDGET_PAGES: BudgetPage[] = [
  { path: "/connexion", kind: "public", account: null },
  { path: "/mon-espace", kind: "jeune", account: "lea.dupont@exemple.fr" },
  { path: "/mon-espace/demande", kind: "jeune", account: "lea.dupont@exemple.fr" },
  { path: "/mon-espace/parcours-des-donnees", kind: "jeune", account: "lea.dupont@exemple.fr" },
  { path: "/mon-espace/mes-informations", kind: "jeune", account: "lea.dupont@exemple.fr" },
  { path: "/mon-espace/mon-parcours", kind: "jeune", account: "lea.dupont@exemple.fr" },
  { path: "/mon-espace/mes-donnees", kind: "jeune", account: "lea.dupont@exemple.fr" },
  { path: "/mon-espace/connexions", kind: "jeune", account: "lea.dupont@exemple.fr" },
  { path: "/portefeuille", kind: "staff", account: "conseillere.lyon@sillage.demo" },
  { path: "/jeunes/:first", kind: "staff", account: "conseillere.lyon@sillage.demo" },
  { path: "/agenda", kind: "staff", account: "conseillere.lyon@sillage.demo" },
  { path: "/droits", kind: "staff", account: "dpo.lyon@sillage.demo" },
  { path: "/transmissions", kind: "staff", account: "dpo.lyon@sillage.demo" },
  { path: "/registre", kind: "staff", account: "directrice.lyon@sillage.demo" },
];

// A `nomodule` script (Next's polyfills) is skipped by every browser that runs modules: it is not first-load JS.
const SCRIPT_SRC = /<script\b(?![^>]*\bnomodule)[^>]*\bsrc="([^"]+)"/gi;
const PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")[^>]*\bhref="([^"]+)"/g;

/** The scripts a page's HTML references, same-origin, in order, once each. */
export function scriptsOf(html: string): string[] {
  const found = [...html.matchAll(SCRIPT_SRC), ...html.matchAll(PRELOAD)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  return [...new Set(found)];
}

/** Fetches `pathname` with the cookie; follows nothing (a redirect means the session did not open the page). */
async function fetchPage(baseURL: string, pathname: string, cookie: string | null): Promise<string> {
  const response = await fetch(new URL(pathname, baseURL), { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${pathname}: HTTP ${response.status} (session missing or page broken)`);
  return response.text();
}

/** One page's first-load JavaScript: each script's gzip size (cached across pages) and the total, in bytes. */
export async function measurePage(
  baseURL: string,
  pathname: string,
  cookie: string | null,
  cache = new Map<string, { raw: number; gzip: number }>(),
) {
  if (pathname.includes(":first")) {
    // A dossier: the first young person of the portfolio.
    const list = await fetchPage(baseURL, pathname.replace(/\/jeunes\/:first$/, "/portefeuille"), cookie);
    const id = list.match(/href="\/jeunes\/([0-9a-f-]{36})"/)?.[1];
    if (!id) throw new Error("no dossier linked from /portefeuille");
    pathname = `/jeunes/${id}`;
  }
  const html = await fetchPage(baseURL, pathname, cookie);
  const scripts: MeasuredScript[] = [];
  for (const src of scriptsOf(html)) {
    if (!cache.has(src)) {
      const res = await fetch(new URL(src, baseURL));
      if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
      const body = Buffer.from(await res.arrayBuffer());
      cache.set(src, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    scripts.push({ src, ...cache.get(src)! });
  }
  return { path: pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id"), scripts, gzip: scripts.reduce((n, s) => n + s.gzip, 0) };
}

/** Measures every page, with the cookie of its account, and checks each against its budget. */
export async function runBudget({
  baseURL,
  cookieFor,
  pages = BUDGET_PAGES,
}: {
  baseURL: string;
  cookieFor: (email: string) => string;
  pages?: BudgetPage[];
}): Promise<BudgetReport> {
  const cache = new Map<string, { raw: number; gzip: number }>();
  const results: BudgetReport["pages"] = [];
  for (const page of pages) {
    const measured = await measurePage(baseURL, page.path, page.account ? cookieFor(page.account) : null, cache);
    const budget = BUDGETS_KB[page.kind] * 1000;
    results.push({
      ...measured,
      kind: page.kind,
      budgetBytes: budget,
      kB: Math.round(measured.gzip / 100) / 10,
      ok: measured.gzip <= budget,
    });
  }
  return { measuredAt: new Date().toISOString(), baseURL, gzipLevel: 9, unit: "kB = 1000 bytes", pages: results };
}

/** The Cookie header of a Playwright storage state (the e2e suite's signed-in sessions). */
export function cookieFromStorageState(file: string): string {
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

export function writeReport(report: BudgetReport, file = path.join("reports", "js-budget.json")): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export function formatReport(report: BudgetReport): string {
  return report.pages
    .map((p) => `${p.ok ? "ok  " : "OVER"} ${String(p.kB.toFixed(1)).padStart(6)} kB / ${p.budgetBytes / 1000} kB  ${p.path}`)
    .join("\n");
}

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  const baseURL = process.argv[2] ?? `http://127.0.0.1:${port}`;
  const dir = process.env.SILLAGE_BUDGET_COOKIES_DIR ?? path.join(".data", `e2e-sessions-${port}`);
  const cookieFor = (email: string) => {
    const file = path.join(dir, `${email.replace(/[^a-z0-9.@-]/gi, "_")}.json`);
    if (!fs.existsSync(file)) throw new Error(`no session for ${email} in ${dir}: run the e2e suite once (it opens them)`);
    return cookieFromStorageState(file);
  };
  const report = await runBudget({ baseURL, cookieFor });
  const file = writeReport(report);
  console.info(`${formatReport(report)}\n→ ${file}`);
  if (report.pages.some((p) => !p.ok)) process.exit(1);
}

// Run as a command (npm run budget), not when the e2e spec imports it.
if (process.argv[1]?.endsWith("js-budget.ts")) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
