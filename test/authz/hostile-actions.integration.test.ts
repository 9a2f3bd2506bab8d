/**
 * Hostile input against every server action, run through runAction by a caller who holds it: a valid input
 * (test/write-fixtures.ts) with one field replaced by a hostile value or removed, and whole inputs that are
 * not objects or carry junk. Every call ends in a typed result — ok, or a code with a French message and
 * field errors as arrays of texts — never a thrown exception, never `unexpected` (the 500 of an action).
 * What an accepted write stored holds no invisible character (the schemas refuse them); markup is text.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { ACTION_REGISTRY, type AnyActionDefinition } from "@/lib/action-registry";
import { type ActionResult, runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { type Built, type Ctx, FIXTURES, fixtureContext } from "@/test/write-fixtures";
import { FC_OPTIONS, hostileInput, keysOf, mutatedInput } from "./hostile";
import { ACTIONS, casesOf, holders, type MatrixRole } from "./matrix";

/** A typed result, whatever came in. */
function expectTyped(key: string, raw: unknown, result: ActionResult<unknown>): void {
  const label = `${key} ← ${JSON.stringify(raw)?.slice(0, 120)}`;
  expect(typeof result.ok, label).toBe("boolean");
  if (result.ok) return;
  expect(result.code, `${label}: ${result.message}`).not.toBe("unexpected");
  expect(result.message.length, label).toBeGreaterThan(0);
  for (const messages of Object.values(result.fieldErrors)) {
    expect(Array.isArray(messages), label).toBe(true);
    for (const m of messages) expect(typeof m === "string" && m.length > 0, label).toBe(true);
  }
}

describe("every server action under hostile input", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  const who = {} as Record<"admin" | "directeur" | "conseiller" | "dpo", SessionUser>;
  let ctx: Ctx;
  let outbox: string;
  const previousOutbox = process.env.MAIL_OUTBOX_DIR;

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "sillage-hostile-outbox-"));
    process.env.MAIL_OUTBOX_DIR = outbox;
    await seedDemo(t.db, { today, jeunesPerStructure: 2 });
    who.admin = await sessionUserFor(t.db, "admin@sillage.demo");
    who.directeur = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    who.conseiller = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    who.dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    ctx = fixtureContext(t.db, today, { camille: who.conseiller, directrice: who.directeur, dpo: who.dpo });
  });
  afterAll(async () => {
    process.env.MAIL_OUTBOX_DIR = previousOutbox;
    await rm(outbox, { recursive: true, force: true });
  });

  /** A staff role the matrix lets through without a reason (the directeur first: the structure is her portfolio). */
  const holder = (key: string): keyof typeof who | null => {
    const row = ACTIONS[key];
    if (!row) return null;
    const order: MatrixRole[] = ["directeur", "conseiller", "dpo", "admin"];
    return (order.find((r) => casesOf(row.expect[r]).some(([, o]) => o === "allowed")) as keyof typeof who | undefined) ?? null;
  };

  const entries = Object.entries(ACTION_REGISTRY)
    .map(([key, def]) => ({ key, def: def as AnyActionDefinition, role: holder(key) }))
    .filter((e) => e.role !== null);

  it("reaches the writes of every staff role (the young person's own door is run by the matrix)", () => {
    // The young person's own writes are run by the matrix: only they are left out here.
    const jeuneOnly = Object.values(ACTIONS).filter((row) => holders(row.expect).every((r) => r === "jeune")).length;
    expect(entries.length).toBeGreaterThan(Object.keys(ACTION_REGISTRY).length - jeuneOnly - 3);
  });

  it.each(entries)("$key answers every hostile input with a typed result", { timeout: 60_000 }, async ({ key, def, role }) => {
    const user = who[role!];
    // Runs are few (each one may write): the fixed CI seed replays the same inputs, local runs roam.
    const runs = { numRuns: 6, ...FC_OPTIONS };
    const fixture = FIXTURES[key];
    const built: Built | null = fixture ? await fixture(ctx) : null;
    await fc.assert(
      fc.asyncProperty(built ? mutatedInput(built.input) : hostileInput(keysOf(def.schema)), async (raw) => {
        expectTyped(key, raw, await runAction(def, raw, user));
      }),
      runs,
    );
    // Whole inputs that are not what a form posts.
    for (const raw of [null, undefined, "", "texte", 42, [], [built?.input ?? {}], { __proto__: null }, Object.create(null)]) {
      expectTyped(key, raw, await runAction(def, raw, user));
    }
  });
});
