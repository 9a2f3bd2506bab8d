/**
 * The matrix covers the tree: every page and route handler found under app/ and every definition of the
 * action registry has a row, and every row names something that still exists. A new route or action
 * without a row fails here, before any suite runs it.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY } from "@/lib/action-registry";
import { CAPABILITIES, isAllowedPath } from "@/lib/auth/permissions";
import { ACTIONS, casesOf, holders, MATRIX_ROLES, OUTCOMES, OWNERSHIPS, ROUTES, routeOf } from "./matrix";

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [path.relative(root, full)];
  });
}

const files = walk(path.join(root, "app"));
const found = (name: "page.tsx" | "route.ts") => files.filter((f) => path.basename(f) === name).map(routeOf);

describe("the authorisation matrix covers the tree", () => {
  it("has a page row for every app/**/page.tsx and none for a page that no longer exists", () => {
    const pages = found("page.tsx");
    expect(pages.length).toBeGreaterThan(50);
    const rows = Object.entries(ROUTES)
      .filter(([, r]) => r.kind === "page")
      .map(([p]) => p);
    expect(
      pages.filter((p) => !rows.includes(p)),
      "pages without a row in test/authz/matrix.ts",
    ).toEqual([]);
    expect(
      rows.filter((p) => !pages.includes(p)),
      "rows for pages that no longer exist",
    ).toEqual([]);
  });

  it("has a route row for every app/**/route.ts and none for a handler that no longer exists", () => {
    const handlers = found("route.ts");
    expect(handlers.length).toBeGreaterThan(8);
    const rows = Object.entries(ROUTES)
      .filter(([, r]) => r.kind === "route")
      .map(([p]) => p);
    expect(
      handlers.filter((p) => !rows.includes(p)),
      "route handlers without a row",
    ).toEqual([]);
    expect(
      rows.filter((p) => !handlers.includes(p)),
      "rows for route handlers that no longer exist",
    ).toEqual([]);
  });

  it("has an action row for every definition of the registry and none for a definition that no longer exists", () => {
    const registered = Object.keys(ACTION_REGISTRY);
    expect(registered.length).toBeGreaterThan(70);
    expect(
      registered.filter((k) => !(k in ACTIONS)),
      "actions without a row",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((k) => !registered.includes(k)),
      "rows for actions that no longer exist",
    ).toEqual([]);
  });

  it("gives every role a cell, with known ownership cases and outcomes", () => {
    for (const [key, row] of [...Object.entries(ROUTES), ...Object.entries(ACTIONS)]) {
      for (const role of MATRIX_ROLES) {
        const cell = row.expect[role];
        expect(cell, `${key} × ${role}`).toBeDefined();
        for (const [ownership, outcome] of casesOf(cell)) {
          expect(["any", ...OWNERSHIPS], `${key} × ${role}`).toContain(ownership);
          expect(OUTCOMES, `${key} × ${role}`).toContain(outcome);
        }
      }
    }
  });
});

describe("the matrix and the tables of lib/auth/permissions.ts agree", () => {
  // The matrix is written by hand: a capability granted to one more role, or an area opened wider, contradicts it here.
  it("lets exactly the roles of each action's capability run it", () => {
    const disagreements: string[] = [];
    for (const [key, def] of Object.entries(ACTION_REGISTRY)) {
      const row = ACTIONS[key];
      if (!row) continue;
      const expected = holders(row.expect).sort();
      const granted = [...(CAPABILITIES[def.capability] as readonly string[])].sort();
      if (expected.join() !== granted.join())
        disagreements.push(`${key}: matrix ${expected.join("+")} ≠ ${def.capability} ${granted.join("+")}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("sends each role of a staff or espace page to 403 exactly where the proxy's areas refuse it", () => {
    const disagreements: string[] = [];
    for (const [route, row] of Object.entries(ROUTES)) {
      const concrete = route.replace(/\[[^\]]+\]/g, "x");
      for (const role of ["admin", "directeur", "conseiller", "dpo", "jeune"] as const) {
        // The proxy refuses before the page; a page may refuse more (its capability), never less.
        if (!isAllowedPath(role, concrete) && casesOf(row.expect[role]).some(([, o]) => o !== "forbidden"))
          disagreements.push(`${route} × ${role}: the proxy answers 403`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
