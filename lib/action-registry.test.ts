import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY, isActionDefinition } from "./action-registry";

// Every module of lib/ (tests aside), loaded as the app would: a definition exported anywhere must be in the registry.
const modules = import.meta.glob<Record<string, unknown>>(["./**/*.ts", "!./**/*.test.ts", "!./**/*.d.ts"]);

describe("action registry", () => {
  it("lists every action definition exported by lib/, each from a writes module", async () => {
    const registered = new Set(Object.values(ACTION_REGISTRY));
    const missing: string[] = [];
    const unloadable: string[] = [];
    const misplaced: string[] = [];
    for (const [file, load] of Object.entries(modules)) {
      let exports: Record<string, unknown>;
      try {
        exports = await load();
      } catch {
        // Modules that need the Next.js server (Auth.js, next/headers) cannot load here: they must not define actions.
        const source = await readFile(path.join(import.meta.dirname, file), "utf8");
        if (/\bdossier:/.test(source) && /\bhandler\b/.test(source)) unloadable.push(file);
        continue;
      }
      for (const [name, value] of Object.entries(exports)) {
        if (!isActionDefinition(value)) continue;
        if (!registered.has(value)) missing.push(`${file} → ${name}`);
        // The naming convention (docs/ARCHITECTURE.md): writes live in writes.ts or <topic>-writes.ts.
        if (!/(\/|-)writes\.ts$/.test(file)) misplaced.push(`${file} → ${name}`);
      }
    }
    expect(unloadable).toEqual([]);
    expect(misplaced).toEqual([]);
    expect(missing).toEqual([]);
    expect(Object.keys(ACTION_REGISTRY).length).toBeGreaterThan(40);
  });

  it("gives every definition a dossier target or a reason for having none", () => {
    for (const [key, def] of Object.entries(ACTION_REGISTRY)) {
      const dossier = def.dossier as { none?: unknown; jeuneIds?: unknown } | undefined;
      expect(dossier, key).toBeDefined();
      if (dossier && "none" in dossier) expect(String(dossier.none).length, key).toBeGreaterThan(20);
      else expect(typeof dossier?.jeuneIds, key).toBe("function");
    }
  });
});
