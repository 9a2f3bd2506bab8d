#!/usr/bin/env node
// The layering rules of docs/ARCHITECTURE.md, checked on every import of app/, components/ and lib/:
//   lib/ never imports components/ (the UI depends on the domain, not the reverse);
//   app/ and components/ never import the database (drizzle-orm, @/db/…): they call lib/;
//   no import cycle between lib/ feature folders (type-only imports aside: they vanish at run time).
// Exit 1 with one line per violation. `node scripts/check-deps.mjs --self-test` plants each violation in a
// temporary tree and checks it is caught.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /\.(test|spec)\.(ts|tsx)$|\.d\.ts$/;
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

function walk(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(entry) && !TEST.test(entry)) out.push(full);
  }
  return out;
}

/** Every import of a file: its target and whether it is type-only. */
function importsOf(source) {
  const found = [];
  for (const m of source.matchAll(IMPORT)) found.push({ target: m[3], typeOnly: Boolean(m[2]) });
  for (const m of source.matchAll(DYNAMIC)) found.push({ target: m[1], typeOnly: false });
  return found;
}

/** "@/lib/jeunes/x" or "./x" from lib/jeunes/y.ts → "lib/jeunes/x"; packages → the package name. */
function resolve(root, file, target) {
  if (target.startsWith("@/")) return target.slice(2);
  if (target.startsWith("."))
    return path
      .relative(root, path.resolve(path.dirname(file), target))
      .split(path.sep)
      .join("/");
  return target;
}

/** lib/jeunes/x → "jeunes"; lib/csv → "csv" (a top-level file is a node of its own). */
function featureOf(rel) {
  const parts = rel.split("/");
  return parts[0] === "lib" ? parts[1].replace(SOURCE, "") : null;
}

export function check(root) {
  const violations = [];
  const graph = new Map();
  const edgeSample = new Map();
  for (const top of ["app", "components", "lib"]) {
    let files = [];
    try {
      files = walk(path.join(root, top));
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join("/");
      for (const { target, typeOnly } of importsOf(readFileSync(file, "utf8"))) {
        const to = resolve(root, file, target);
        if (top === "lib" && to.startsWith("components/"))
          violations.push(`${rel}: lib/ imports ${target} (components depend on lib, not the reverse)`);
        if ((top === "app" || top === "components") && (to === "drizzle-orm" || to.startsWith("drizzle-orm/") || to.startsWith("db/"))) {
          violations.push(`${rel}: ${top}/ imports ${target} (move the read into lib/<feature>/queries.ts)`);
        }
        if (top === "lib" && !typeOnly && to.startsWith("lib/")) {
          const from = featureOf(rel);
          const into = featureOf(to);
          if (from && into && from !== into) {
            if (!graph.has(from)) graph.set(from, new Set());
            graph.get(from).add(into);
            const key = `${from}→${into}`;
            if (!edgeSample.has(key)) edgeSample.set(key, `${rel} → ${target}`);
          }
        }
      }
    }
  }
  for (const cycle of stronglyConnected(graph)) {
    const edges = [...edgeSample.entries()]
      .filter(([key]) => {
        const [a, b] = key.split("→");
        return cycle.includes(a) && cycle.includes(b);
      })
      .map(([, sample]) => sample);
    violations.push(`import cycle between lib/ folders ${cycle.join(", ")}:\n    ${edges.join("\n    ")}`);
  }
  return violations;
}

/** Tarjan: the components of more than one folder are the cycles. */
function stronglyConnected(graph) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const out = [];
  const visit = (v) => {
    meta.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!meta.has(w)) {
        visit(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!meta.has(v)) visit(v);
  return out;
}

function selfTest() {
  const dir = mkdtempSync(path.join(tmpdir(), "check-deps-"));
  const put = (rel, body) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), body);
  };
  try {
    put("lib/a/x.ts", 'import { y } from "@/lib/b/y";\nimport type { T } from "@/lib/c/t";\nexport const x = y;\n');
    put("lib/b/y.ts", 'import { z } from "../a/z";\nexport const y = z;\n');
    put("lib/a/z.ts", "export const z = 1;\n");
    put("lib/c/t.ts", 'import { x } from "@/lib/a/x";\nexport type T = typeof x;\n');
    put("lib/d/ui.ts", 'import { Badge } from "@/components/ui/badge";\nexport { Badge };\n');
    put("components/p.tsx", 'import { eq } from "drizzle-orm";\nexport const p = eq;\n');
    put("app/page.tsx", 'import { jeunes } from "@/db/schema";\nexport default jeunes;\n');
    const found = check(dir).join("\n");
    const expected = [
      "lib/d/ui.ts: lib/ imports",
      "components/p.tsx: components/ imports drizzle-orm",
      "app/page.tsx: app/ imports @/db/schema",
      "cycle between lib/ folders a, b",
    ];
    const missing = expected.filter((e) => !found.includes(e));
    // a → c is type-only, c → a is a value import: no cycle through c.
    if (found.includes("a, b, c") || found.includes("a, c")) missing.push("type-only import counted in a cycle");
    if (missing.length > 0) {
      console.error(`check-deps self-test failed:\n${missing.join("\n")}\n--- found:\n${found}`);
      process.exit(1);
    }
    console.log("check-deps self-test: every planted violation is caught.");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--self-test")) selfTest();
else {
  const violations = check(process.cwd());
  if (violations.length > 0) {
    console.error(`Dependency rules broken (${violations.length}):\n${violations.map((v) => `  ${v}`).join("\n")}`);
    process.exit(1);
  }
  console.log("Dependency rules hold: lib/ → no components/, app/ and components/ → no database, no cycle between lib/ folders.");
}
