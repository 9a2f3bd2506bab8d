/**
 * The pages suite of the authorisation matrix (test/authz/matrix.ts), over HTTP against the production
 * build, with the sessions of the demo accounts (e2e/auth.setup.ts) in request contexts — no browser:
 * - every page route and route handler × role × ownership, with concrete ids read from the seeded pages,
 *   gets the status the matrix gives, and no body holds a marker of Marseille (its young people's names,
 *   e-mails and its staff, from db/seed/demo.ts) for a caller of Lyon, nor another young person's
 *   e-mail for Léa;
 * - the malformed-URL crawl: every GET route with malformed ids and odd query strings never answers a 500,
 *   and never reflects a script payload unescaped.
 * Requests are bounded (about 450 for the matrix, 400 for the crawl), spread over one test per role.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { type APIRequestContext, type APIResponse, request as playwrightRequest } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_JEUNES_PER_STRUCTURE, demoYoungPerson } from "../db/seed/demo";
import { ACCOUNTS, expect, sessionFile, test } from "./fixtures";
import { casesOf, MATRIX_ROLES, type MatrixRole, type Outcome, type Ownership, ROUTES, type RouteRow } from "../test/authz/matrix";

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const SCRIPT = `<script>alert("sillage")</script>`;

/** Who plays each role: the Lyon accounts of the demo. */
const PLAYERS: Record<Exclude<MatrixRole, "anonymous">, string> = {
  admin: ACCOUNTS.admin,
  directeur: ACCOUNTS.directeur,
  conseiller: ACCOUNTS.conseiller,
  dpo: ACCOUNTS.dpo,
  jeune: ACCOUNTS.jeune,
};

/** Markers of Marseille: its young people (as the seed generates them) and its staff. */
function marseilleMarkers(): string[] {
  const lyon = new Set(
    Array.from({ length: DEMO_JEUNES_PER_STRUCTURE }, (_, i) => demoYoungPerson("lyon", i)).map(
      (p) => `${p.nom.toUpperCase()} ${p.prenoms}`,
    ),
  );
  const people = Array.from({ length: DEMO_JEUNES_PER_STRUCTURE }, (_, i) => demoYoungPerson("marseille", i)).flatMap((p) => {
    const name = `${p.nom.toUpperCase()} ${p.prenoms}`;
    // Phones are generated alike in both structures: not a marker of either.
    return [p.email, ...(lyon.has(name) ? [] : [name])];
  });
  const staff = DEMO_ACCOUNTS.filter((a) => a.structure === "marseille").map((a) => a.name);
  return [...people, ...staff];
}

/** Other young people's e-mails: never on Léa's pages. */
const otherYoungPeople = (): string[] => [
  ...Array.from({ length: DEMO_JEUNES_PER_STRUCTURE }, (_, i) => demoYoungPerson("lyon", i).email),
  ACCOUNTS.jeuneMineur,
];

const contexts = new Map<string, APIRequestContext>();
async function contextOf(email: string | null): Promise<APIRequestContext> {
  const key = email ?? "anonymous";
  const known = contexts.get(key);
  if (known) return known;
  const storageState = email ? JSON.parse(fs.readFileSync(sessionFile(email), "utf8")) : undefined;
  const context = await playwrightRequest.newContext({ baseURL, storageState, maxRedirects: 0 });
  contexts.set(key, context);
  return context;
}

async function html(context: APIRequestContext, path: string): Promise<string> {
  const response = await context.get(path);
  expect(response.status(), `discovery: ${path}`).toBe(200);
  return (await response.text()).replace(/&amp;/g, "&");
}

const hrefs = (body: string, prefix: string) =>
  [...body.matchAll(new RegExp(`href="(${prefix}[^"#?]*)`, "g"))].map((m) => m[1]!).filter((h, i, all) => all.indexOf(h) === i);

/** `/jeunes/[id]/contrats/[contratId]/modifier` → a regular expression of its concrete paths. */
function patternOf(route: string): RegExp {
  const source = route
    .split("/")
    .map((part) => (/^\[\.\.\..+\]$/.test(part) ? ".+" : /^\[.+\]$/.test(part) ? "[^/]+" : part.replace(/\./g, "\\.")))
    .join("/");
  return new RegExp(`^${source}$`);
}

type Group = "portfolio" | "otherPortfolio" | "lyon" | "marseille";

/** Concrete paths found in the seeded pages, by route and by whose they are. */
interface Discovered {
  paths: Record<Group, Map<string, string>>;
}

/** Every dossier sub-path linked from a few files' tabs, plus the séances, requests and accounts of a structure. */
async function discover(): Promise<Discovered> {
  const paths: Discovered["paths"] = { portfolio: new Map(), otherPortfolio: new Map(), lyon: new Map(), marseille: new Map() };
  const note = (group: Group, found: string[]) => {
    for (const path of found) {
      const route = Object.keys(ROUTES).find((r) => patternOf(r).test(path));
      if (route && !paths[group].has(route)) paths[group].set(route, path);
    }
  };
  const dossiers = async (email: string, exclude: Set<string>) => {
    const context = await contextOf(email);
    const ids = hrefs(await html(context, "/portefeuille"), `/jeunes/${UUID}`).filter((h) => !exclude.has(h));
    const found: string[] = [];
    for (const dossier of ids.slice(0, 6)) {
      found.push(dossier);
      for (const onglet of ["parcours", "actions", "droits"])
        found.push(...hrefs(await html(context, `${dossier}?onglet=${onglet}`), "/jeunes/"));
    }
    // Contract pages are linked from the parcours tab; their phases from the contract's own pages.
    for (const contrat of found.filter((p) => /\/contrats\/[^/]+\/modifier$/.test(p)).slice(0, 2))
      found.push(...hrefs(await html(context, contrat), "/jeunes/"));
    return { ids, found };
  };
  const camille = await dossiers(ACCOUNTS.conseiller, new Set());
  note("portfolio", camille.found);
  // A file temporarily assigned to Julien is in both portfolios: left out of "another portfolio".
  note("otherPortfolio", (await dossiers(ACCOUNTS.conseiller2, new Set(camille.ids))).found);
  note("marseille", (await dossiers(ACCOUNTS.conseillerMarseille, new Set())).found);

  // Séances of each structure, and what their pages link to.
  for (const [group, email] of [
    ["lyon", ACCOUNTS.conseiller],
    ["marseille", ACCOUNTS.conseillerMarseille],
  ] as const) {
    const context = await contextOf(email);
    const seances = hrefs(await html(context, "/agenda"), `/agenda/${UUID}`);
    note(group, seances);
    for (const seance of seances.slice(0, 4)) note(group, hrefs(await html(context, seance), "/agenda/"));
  }
  // Requests, accounts and structures: the admin sees every structure, the director of Lyon only hers.
  const admin = await contextOf(ACCOUNTS.admin);
  const directrice = await contextOf(ACCOUNTS.directeur);
  for (const [list, prefix] of [
    ["/droits", "/droits/"],
    ["/admin/comptes", "/admin/comptes/"],
  ] as const) {
    const own = hrefs(await html(directrice, list), `${prefix}${UUID}`);
    const every = hrefs(await html(admin, list), `${prefix}${UUID}`);
    note("lyon", own);
    note(
      "marseille",
      every.filter((h) => !own.includes(h)),
    );
  }
  for (const demande of [paths.lyon.get("/droits/[id]"), paths.marseille.get("/droits/[id]")])
    if (demande) {
      const group = demande === paths.lyon.get("/droits/[id]") ? "lyon" : "marseille";
      note(group, hrefs(await html(admin, demande), "/droits/"));
    }
  const structures = hrefs(await html(admin, "/admin"), `/admin/structures/${UUID}`);
  note("lyon", structures.slice(0, 1));
  note("marseille", structures.slice(1, 2));
  return { paths };
}

/** The group of ids a role's ownership case reads. */
function groupOf(ownership: Ownership | "any", row: RouteRow): Group {
  if (ownership === "other_structure") return "marseille";
  if (ownership === "other_portfolio") return "otherPortfolio";
  // A file of Camille's portfolio is also a file of Lyon, for the roles without a portfolio.
  return row.subject === "dossier" ? "portfolio" : "lyon";
}

/** A concrete path for a route: from the seeded pages, else its ids replaced by fresh UUIDs (then nothing is found). */
function concrete(route: string, row: RouteRow, group: Group, found: Discovered): { path: string; missing: boolean } {
  if (route === "/api/auth/[...nextauth]") return { path: "/api/auth/session", missing: false };
  if (!route.includes("[")) return { path: route, missing: false };
  const seeded = found.paths[group].get(route);
  if (seeded) return { path: seeded, missing: false };
  // The file itself is seeded: keep it, so the gate answers as for any child; the child row is made up.
  const dossier = row.subject === "dossier" ? found.paths[group].get("/jeunes/[id]") : undefined;
  let path = route.replace(/\[[^\]]+\]/g, () => randomUUID());
  if (dossier) path = path.replace(new RegExp(`^/jeunes/${UUID}`), dossier);
  if (route.endsWith("[document]")) path = path.replace(new RegExp(`${UUID}$`), "accuse-reception.pdf");
  return { path, missing: true };
}

function outcomeOf(response: APIResponse, body: string, kind: RouteRow["kind"]): Outcome | `status ${number}` {
  const status = response.status();
  const location = response.headers().location ?? "";
  if (status >= 300 && status < 400) {
    const target = new URL(location, baseURL);
    const signIn = target.pathname === "/connexion" && [...target.searchParams.keys()].every((k) => k === "retour");
    if (signIn) return "signin";
    return new RegExp(`^/jeunes/${UUID}$`).test(target.pathname) ? "reason" : "redirect";
  }
  if (status === 200) return kind === "page" && body.includes("Motif de consultation") ? "reason" : "allowed";
  if (status === 401) return "signin";
  if (status === 403) return kind === "route" && body.includes("motif de votre consultation") ? "reason" : "forbidden";
  if (status === 404) return "not_found";
  if (status === 500) return "error";
  return `status ${status}`;
}

/** What a role may not read: Marseille's people for anyone of Lyon (not the admin, platform-wide), others' files for Léa. */
function markersFor(role: MatrixRole, route: string): string[] {
  if (role === "admin" || route === "/dev/courriels") return [];
  return role === "jeune" ? [...marseilleMarkers(), ...otherYoungPeople()] : marseilleMarkers();
}

let discovered: Discovered | undefined;

test.describe("authorisation matrix over HTTP", () => {
  test.describe.configure({ mode: "parallel" });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    discovered ??= await discover();
  });
  test.afterAll(async () => {
    for (const context of contexts.values()) await context.dispose();
    contexts.clear();
  });

  for (const role of MATRIX_ROLES) {
    test(`every route as ${role}`, async () => {
      test.setTimeout(240_000);
      const found = discovered!;
      const context = await contextOf(role === "anonymous" ? null : PLAYERS[role]);
      const failures: string[] = [];
      const made: string[] = [];
      let requests = 0;
      // The sign-out door last: a GET must not end a session in use, which the request after it checks.
      const routes = Object.entries(ROUTES).sort(([a], [b]) => Number(a === "/session-expiree") - Number(b === "/session-expiree"));
      for (const [route, row] of routes) {
        for (const [ownership, outcome] of casesOf(row.expect[role])) {
          const { path, missing } = concrete(route, row, groupOf(ownership, row), found);
          if (missing) made.push(route);
          // A made-up child row is missing: what the matrix allows is a 404 there.
          const expected: Outcome = missing && outcome === "allowed" && row.subject !== "none" ? "not_found" : outcome;
          requests++;
          const response = await context.get(path);
          const body = await response.text();
          const got = outcomeOf(response, body, row.kind);
          if (got !== expected) failures.push(`${route} (${ownership}) ${path}: expected ${expected}, got ${got}`);
          const leaked = markersFor(role, route).filter((m) => body.includes(m));
          if (leaked.length) failures.push(`${route} (${ownership}) ${path}: shows ${leaked.slice(0, 3).join(", ")}`);
        }
      }
      if (role !== "anonymous") {
        const home = outcomeOf(await context.get("/"), "", "page");
        if (home !== "redirect") failures.push(`the session ended after GET /session-expiree: / answers ${home}`);
      }
      test.info().annotations.push({ type: "requests", description: String(requests) });
      test.info().annotations.push({ type: "ids made up (not in the seed)", description: [...new Set(made)].join(", ") || "none" });
      expect(failures).toEqual([]);
    });
  }
});

/** The first role of the matrix that may open the route: the crawl reads it as that role, past the guards. */
function holderOf(row: RouteRow): MatrixRole {
  const order: MatrixRole[] = ["directeur", "conseiller", "dpo", "admin", "jeune", "anonymous"];
  return order.find((r) => casesOf(row.expect[r]).some(([, o]) => o === "allowed")) ?? "anonymous";
}

const MALFORMED_IDS = ["pas-un-uuid", "%00", "a".repeat(2_000), "00000000-0000-0000-0000-00000000000g", "..%2F..%2Fadmin"];
const ODD_QUERIES = [
  "?page=-1&page=2&page=abc&tri=inconnu&ordre=zzz&du=2026-13-45&au=pas-une-date&semaine=2026-W99&mois=2026-00",
  `?q=${encodeURIComponent("é".repeat(1_500))}&onglet=%00&statut[]=x&type=__proto__&constructor=1&inconnu=1&inconnu=2`,
  `?onglet=${encodeURIComponent(SCRIPT)}&q=${encodeURIComponent(SCRIPT)}&transmission=${encodeURIComponent(SCRIPT)}&ligne=..%2F..%2Fx&jeune=x&compte=0&fait=1&etape=-3`,
];

test.describe("malformed-URL crawl", () => {
  test.describe.configure({ mode: "parallel" });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    discovered ??= await discover();
  });
  test.afterAll(async () => {
    for (const context of contexts.values()) await context.dispose();
    contexts.clear();
  });

  for (const half of [0, 1]) {
    test(`every GET route with malformed ids and odd query strings never answers a 500 (part ${half + 1})`, async () => {
      test.setTimeout(240_000);
      const found = discovered!;
      const failures: string[] = [];
      let requests = 0;
      const routes = Object.entries(ROUTES).filter(([route], i) => i % 2 === half && route !== "/essais/panne");
      for (const [route, row] of routes) {
        const role = holderOf(row);
        const context = await contextOf(role === "anonymous" ? null : PLAYERS[role]);
        const base = concrete(route, row, "portfolio", found).path;
        const urls = ODD_QUERIES.map((q) => `${base}${q}`);
        // Each id of the path in turn, the others kept as seeded.
        const segments = base.split("/");
        route.split("/").forEach((part, i) => {
          if (!/^\[.+\]$/.test(part) || route === "/api/auth/[...nextauth]") return;
          for (const bad of MALFORMED_IDS) urls.push([...segments.slice(0, i), bad, ...segments.slice(i + 1)].join("/"));
          urls.push([...segments.slice(0, i), randomUUID(), ...segments.slice(i + 1)].join("/"));
        });
        for (const url of urls) {
          requests++;
          const response = await context.get(url);
          const body = await response.text();
          if (response.status() >= 500) failures.push(`${role} ${url.slice(0, 160)}: ${response.status()}`);
          if (body.includes(SCRIPT)) failures.push(`${role} ${url.slice(0, 160)}: the script payload is in the page, unescaped`);
        }
      }
      test.info().annotations.push({ type: "requests", description: String(requests) });
      expect(failures).toEqual([]);
    });
  }
});
