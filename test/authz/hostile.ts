/**
 * Hostile values for the fast-check properties over every schema and every server action: unicode of all
 * planes, control characters, direction marks, SQL/HTML/script payloads, huge lengths, wrong types,
 * missing fields. The seed is fixed in CI (a failure replays), random locally (more ground covered).
 */
import fc from "fast-check";
import type { z } from "zod";

export const FC_OPTIONS: { seed?: number; numRuns?: number } = process.env.CI ? { seed: 20_261_202 } : {};

export const PAYLOADS = [
  "'; drop table jeunes; --",
  "1' or '1'='1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  // A template-injection probe, typed as text on purpose.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is the literal text.
  "{{7*7}}${7*7}",
  "\u202Eeliforp",
  "a\u200Fb",
  "\u2066x\u2069",
  "\u061C",
  "x\u0000y",
  "\u0007\u001B[31m",
  "\u0085",
  "a\r\nb",
  "a\tb",
  "\uD800",
  "\uDFFF",
  "𝕊𝕚𝕝𝕝𝕒𝕘𝕖 🧑🏽‍🤝‍🧑🏻",
  "Łukasz Şahin-Nguyễn",
  "محمد بن علي",
  "Z̸̡̛a̶l̵g̷o",
  "%00",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "０１２３",
  "2026-02-30",
  "9999-99-99",
  "00000000-0000-0000-0000-000000000000",
  " ",
  "",
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.constantFrom(...PAYLOADS)).map(([a, b]) => `${a}${b}`) },
  { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS).map((p) => p.repeat(Math.ceil(20_000 / Math.max(1, p.length)))) },
);

/** Any value a forged request could carry in one field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 2 }) },
);

/** The top-level keys a schema reads (objects, through pipes, refinements and unions), for inputs that reach its refinements. */
export function keysOf(schema: z.ZodType): string[] {
  const seen = new Set<string>();
  const visit = (s: unknown, depth: number) => {
    if (!s || depth > 6) return;
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.shape && typeof def.shape === "object") for (const k of Object.keys(def.shape)) seen.add(k);
    for (const inner of [def.in, def.out, def.innerType, def.schema, def.left, def.right]) visit(inner, depth + 1);
    if (Array.isArray(def.options)) for (const option of def.options) visit(option, depth + 1);
  };
  visit(schema, 0);
  return [...seen];
}

/** A whole input: the schema's keys (some missing) with hostile values, sometimes extra keys, sometimes not an object at all. */
export function hostileInput(keys: readonly string[]): fc.Arbitrary<unknown> {
  const record = fc
    .tuple(
      fc.subarray([...keys]),
      fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }),
      fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 2 }),
    )
    .map(([present, values, extra]) => ({ ...extra, ...Object.fromEntries(present.map((k, i) => [k, values[i]])) }));
  return fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: hostileValue });
}

/** A valid input with one field replaced by a hostile value (or removed): reaches the refinements that need the others valid. */
export function mutatedInput(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid);
  if (keys.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 3 });
  return fc.tuple(fc.constantFrom(...keys), fc.option(hostileValue, { nil: undefined, freq: 6 })).map(([key, value]) => {
    const copy: Record<string, unknown> = { ...valid };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  });
}

/** Every string inside a parsed value (what would be stored). */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === "object" && !(value instanceof Date)) for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}
