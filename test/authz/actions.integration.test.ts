/**
 * The actions suite of the authorisation matrix (test/authz/matrix.ts): every definition of the registry,
 * run directly through runAction as each role × ownership case of its row, asserting the outcome the row
 * gives; that the refusals wrote nothing; and that no result (data, message, field errors) holds another
 * structure's young people or another person's file.
 *
 * Inputs: the write fixtures (test/write-fixtures.ts, a valid input per write that targets a young person,
 * its file in Camille's portfolio in Lyon) and SAMPLES below. A definition with neither (account, structure,
 * settings writes: their record rules are tested beside them) is run with an empty input: its holders must
 * get past the capability check (to `invalid_input` or the handler's own refusal), everyone else is refused
 * before it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { jeunes, structures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { ACTION_REGISTRY, type AnyActionDefinition } from "@/lib/action-registry";
import { detachedSettled } from "@/lib/actions/detached";
import { type ActionResult, runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { displayName } from "@/lib/jeunes/labels";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { BUSINESS_REFUSALS, type Built, type Ctx, FIXTURES, fixtureContext, type Raw } from "@/test/write-fixtures";
import { ACTIONS, casesOf, type MatrixRole, type Outcome, type Ownership } from "./matrix";

let created = 0;

/** Inputs for definitions that target nobody's file but are simple to make valid. */
const SAMPLES: Record<string, (ctx: Ctx, who: Who) => Promise<Built>> = {
  "jeunes/writes.createJeune": async (_ctx, who) => ({
    jeuneId: "",
    input: {
      nomNaissance: `Matrice-${String.fromCharCode(65 + created++)}`,
      prenoms: "Sam",
      dateNaissance: "2006-03-14",
      sexe: "M",
      nationalite: "francaise",
      telephone: "06 11 22 33 44",
      codePostal: "69008",
      commune: "Lyon",
      protectionJuridique: "aucune",
      dispositif: "aucun",
      antenneId: who.camille.antenneId!,
      conseillerId: who.camille.id,
    },
  }),
  "dossier/break-glass-writes.giveConsultationReason": async (ctx) => {
    const jeuneId = await ctx.jeune();
    return { jeuneId, input: { jeuneId, onglet: "parcours", motif: "autre", motifDetail: "Vérification demandée par la direction" } };
  },
};

type Who = Record<"admin" | "nadia" | "karim" | "camille" | "julien" | "ines" | "sophie" | "malik" | "lea", SessionUser>;

const CODES: Record<Exclude<Outcome, "allowed">, string> = {
  signin: "unauthenticated",
  forbidden: "forbidden",
  not_found: "not_found",
  reason: "reason_required",
  redirect: "(no action redirects)",
  error: "(no action fails on purpose)",
};

const TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

describe("the authorisation matrix, action by action", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  const who = {} as Who;
  let ctx: Ctx;
  /** Marseille's young people (names, e-mails; phones are generated alike in both) and Léa's own file: never in a Lyon caller's result. */
  let foreignMarkers: string[] = [];
  let leaMarkers: string[] = [];
  let outbox: string;
  const previousOutbox = process.env.MAIL_OUTBOX_DIR;

  async function fingerprint(): Promise<Record<string, number>> {
    // Work an earlier act started after its commit (an access pack being prepared) is counted once it ends.
    await detachedSettled();
    const counts = Object.fromEntries(
      TABLES.map((table) => [getTableName(table), sql<number>`(select count(*) from ${table})`.mapWith(Number)]),
    );
    const [row] = await t.db.select(counts).from(schema.structures).limit(1);
    return row!;
  }

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-matrix-outbox-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today, jeunesPerStructure: 2 });
    const accounts = {
      admin: "admin@sillage.demo",
      nadia: "directrice.lyon@sillage.demo",
      karim: "directeur.marseille@sillage.demo",
      camille: "conseillere.lyon@sillage.demo",
      julien: "conseiller.lyon@sillage.demo",
      ines: "conseillere.marseille@sillage.demo",
      sophie: "dpo.lyon@sillage.demo",
      malik: "dpo.marseille@sillage.demo",
      lea: "lea.dupont@exemple.fr",
    } as const;
    for (const [name, email] of Object.entries(accounts)) who[name as keyof Who] = await sessionUserFor(t.db, email);
    ctx = fixtureContext(t.db, today, { camille: who.camille, directrice: who.nadia, dpo: who.sophie });

    const rows = await t.db
      .select({ jeune: jeunes, structure: structures.name })
      .from(jeunes)
      .innerJoin(structures, eq(structures.id, jeunes.structureId));
    const lyonNames = new Set(rows.filter((r) => r.structure.includes("Lyon")).map((r) => displayName(r.jeune)));
    foreignMarkers = rows
      .filter((r) => r.structure.includes("Marseille"))
      .flatMap((r) => [r.jeune.email, lyonNames.has(displayName(r.jeune)) ? null : displayName(r.jeune)])
      .filter((m): m is string => Boolean(m));
    const lea = rows.find((r) => r.jeune.email === "lea.dupont@exemple.fr")!.jeune;
    leaMarkers = [lea.email!, lea.telephone!];
    expect(foreignMarkers.length).toBeGreaterThan(3);
  });

  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  /** The account that plays `role` in `ownership` for a write on a file of Camille's portfolio in Lyon. */
  async function caller(role: MatrixRole, ownership: Ownership | "any", built: Built): Promise<SessionUser | null> {
    switch (role) {
      case "anonymous":
        return null;
      case "admin":
        return who.admin;
      case "directeur":
        return ownership === "other_structure" ? who.karim : who.nadia;
      case "dpo":
        return ownership === "other_structure" ? who.malik : who.sophie;
      case "conseiller":
        return ownership === "other_structure" ? who.ines : ownership === "other_portfolio" ? who.julien : who.camille;
      case "jeune":
        return ownership === "self" && built.jeuneId ? accountOf(built.jeuneId) : who.lea;
    }
  }

  const accounts = new Map<string, SessionUser>();
  async function accountOf(jeuneId: string): Promise<SessionUser> {
    const known = accounts.get(jeuneId);
    if (known) return known;
    const email = `matrice.${jeuneId}@exemple.test`;
    await t.db.insert(users).values({ email, name: "Jeune de la matrice", role: "jeune", jeuneId });
    const user = await sessionUserFor(t.db, email);
    accounts.set(jeuneId, user);
    return user;
  }

  /** No result carries Marseille's young people, nor Léa's file when the write was about someone else. */
  function expectNoLeak(label: string, result: ActionResult<unknown>, built: Built): void {
    const text = JSON.stringify(result);
    const markers = [...foreignMarkers, ...(built.jeuneId === who.lea.jeuneId ? [] : leaMarkers)];
    expect(
      markers.filter((m) => text.includes(m)),
      `${label}: another person's data in the result`,
    ).toEqual([]);
  }

  const build = async (key: string): Promise<Built> => {
    const fixture = FIXTURES[key];
    if (fixture) return fixture(ctx);
    const sample = SAMPLES[key];
    if (sample) return sample(ctx, who);
    return { jeuneId: "", input: {} };
  };

  const entries = Object.entries(ACTIONS).map(([key, row]) => ({ key, row, def: ACTION_REGISTRY[key] as AnyActionDefinition }));

  it.each(entries)("$key", { timeout: 60_000 }, async ({ key, row, def }) => {
    expect(def, `${key} is not in the registry`).toBeDefined();
    const valid = key in FIXTURES || key in SAMPLES;
    const cases = (Object.keys(row.expect) as MatrixRole[]).flatMap((role) =>
      casesOf(row.expect[role]).map(([ownership, outcome]) => ({ role, ownership, outcome })),
    );
    const refusals = cases.filter((c) => c.outcome !== "allowed");
    const allowed = cases.filter((c) => c.outcome === "allowed");

    // Every refusal on one valid input (refused writes change nothing, so the input stays valid).
    let built = await build(key);
    // What the previous write started after its commit (a pack being built) must not be counted as this one's.
    await detachedSettled();
    const before = await fingerprint();
    const seen = new Map<string, Outcome>();
    for (const { role, ownership, outcome } of refusals) {
      const user = await caller(role, ownership, built);
      const id = user?.id ?? "anonymous";
      if (seen.has(id)) {
        expect(seen.get(id), `${key}: ${role} plays two ownership cases with different outcomes`).toBe(outcome);
        continue;
      }
      seen.set(id, outcome);
      const label = `${key} × ${role} (${ownership})`;
      const result = await runAction(def, built.input as Raw, user);
      expect(result.ok ? "ok" : result.code, `${label}: ${result.ok ? "" : result.message}`).toBe(
        CODES[outcome as Exclude<Outcome, "allowed">],
      );
      expectNoLeak(label, result, built);
    }
    await detachedSettled();
    expect(await fingerprint(), `${key}: a refused call wrote something`).toEqual(before);

    // Each allowed case on an input of its own (an allowed write changes the rows the next one would post).
    for (const [i, { role, ownership }] of allowed.entries()) {
      if (i > 0) built = await build(key);
      const user = await caller(role, ownership, built);
      const label = `${key} × ${role} (${ownership})`;
      const result = await runAction(def, built.input as Raw, user);
      expectNoLeak(label, result, built);
      if (!valid) {
        // Past the capability check: stopped by the empty input, or by the handler's own record rules.
        expect(result.ok ? "ok" : result.code, label).not.toBe("forbidden");
        continue;
      }
      if (BUSINESS_REFUSALS[key]) {
        expect(result.ok, label).toBe(false);
        if (!result.ok) expect(["forbidden", "not_found", "reason_required", "unauthenticated"], label).not.toContain(result.code);
        continue;
      }
      expect(result.ok ? "ok" : `${result.code} ${result.message} ${JSON.stringify(result.fieldErrors)}`, label).toBe("ok");
    }
    await detachedSettled();
  });
});
