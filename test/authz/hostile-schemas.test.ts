/**
 * Hostile input against every zod schema of the registry's definitions (and the download params): a parse
 * never throws, a refusal is a zod error whose every issue carries a message, and what a parse lets through
 * holds no control character, direction control or broken UTF-16 — nothing stored that a reader cannot
 * see. Markup passes as text (stored as typed, rendered escaped: the crawl checks no payload is reflected).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY } from "@/lib/action-registry";
import { findUnsafeChar } from "@/lib/validation/fields";
import { FC_OPTIONS, hostileInput, keysOf, stringsOf } from "./hostile";

/** Secrets compared with a hash and never stored: any character may be typed (it simply does not match). */
const NEVER_STORED = new Set(["recoveryCode", "password", "passwordConfirmation", "code"]);

const WHOLE_VALUES: unknown[] = [null, undefined, "", "texte", 0, 42, true, [], [{}], Object.create(null), new Date(0)];

const schemas = Object.entries(ACTION_REGISTRY).map(([key, def]) => ({ key, schema: def.schema }));

describe("every action schema under hostile input", () => {
  it("finds the fields of the schemas (else the properties would only try whole-value junk)", () => {
    const blind = schemas.filter(({ schema }) => keysOf(schema).length === 0).map(({ key }) => key);
    // Writes that take no input at all (the session's own acts, the young person's own pack, a dry run), and the
    // attendance sheet, whose schema is a preprocessed record of rows (its own tests try each row's fields).
    expect(blind.sort()).toEqual([
      "agenda/participation-writes.recordAttendance",
      "droits/pack-writes.requestAccessPack",
      "droits/pack-writes.retryAccessPack",
      "retention/writes.simulatePurge",
      "sessions/writes.closeOtherSessions",
      "sessions/writes.signOutEverywhere",
    ]);
  });

  it.each(schemas)("$key parses or refuses with messages, never throws, never lets an invisible character through", ({ schema }) => {
    const keys = keysOf(schema);
    fc.assert(
      fc.property(hostileInput(keys), (raw) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true);
          return;
        }
        const stored =
          parsed.data && typeof parsed.data === "object"
            ? Object.fromEntries(Object.entries(parsed.data).filter(([k]) => !NEVER_STORED.has(k)))
            : parsed.data;
        for (const value of stringsOf(stored))
          expect(findUnsafeChar(value, { multiline: true }), JSON.stringify(value).slice(0, 80)).toBeNull();
      }),
      { numRuns: 40, ...FC_OPTIONS },
    );
    // Whole values a forged request could send instead of an object, every time (not left to chance).
    // (Writes that take no input accept them; the others refuse them.)
    for (const raw of WHOLE_VALUES) expect(() => schema.safeParse(raw), Object.prototype.toString.call(raw)).not.toThrow();
  });
});
