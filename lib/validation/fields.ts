/**
 * zod field primitives shared by every form schema (lib/<feature>/schema.ts). Pure: no I/O, no Node API,
 * so the client can import it too.
 *
 * Free text is checked for characters a person cannot see but that change what others read or break the
 * database: C0/C1 control characters (NUL makes PostgreSQL refuse the row), and the Unicode bidirectional
 * controls (a name ending in U+202E reverses the sentence printed after it — Unicode TR #9, "Trojan
 * Source" CVE-2021-42574). Such a value is refused with a field error, never silently changed: what is
 * stored and sent to France Travail is exactly what the person saw in the box.
 */
import { z } from "zod";
import { isValidCivilDate, type CivilDate } from "@/lib/calendar/civil-date";

// ---------------------------------------------------------------------------------------------
// Invisible and control characters
// ---------------------------------------------------------------------------------------------

/** Why a text is refused: a control character, a line break in a one-line field, a direction control, broken UTF-16. */
export type UnsafeCharKind = "control" | "line" | "bidi" | "encoding";

export const UNSAFE_CHAR_MESSAGES: Record<UnsafeCharKind, string> = {
  control: "Ce champ contient un caractère de contrôle invisible (souvent arrivé par un copier-coller) : retirez-le ou retapez le texte.",
  line: "Ce champ tient sur une seule ligne : retirez les retours à la ligne et les tabulations.",
  bidi: "Ce champ contient un caractère invisible qui change le sens d'écriture du texte (de droite à gauche) : retirez-le ou retapez le texte.",
  encoding: "Ce champ contient un caractère mal encodé, qui ne peut pas s'afficher : retirez-le ou retapez le texte.",
};

/** Bidi marks, embeddings, overrides and isolates (ALM, LRM, RLM, LRE…RLO, LRI…PDI). */
function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F). */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * The first reason `value` may not be stored, or null. A multi-line field keeps line feeds and tabs
 * (carriage returns are normalised away by `text` before this check).
 */
export function findUnsafeChar(value: string, options: { multiline?: boolean } = {}): UnsafeCharKind | null {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return "encoding";
    } else if (code >= 0xdc00 && code <= 0xdfff) return "encoding";
    else if (code === 0x09 || code === 0x0a || code === 0x0d) {
      if (!options.multiline) return "line";
      if (code === 0x0d) return "control";
    } else if (isControl(code)) return "control";
    else if (isBidiControl(code)) return "bidi";
  }
  return null;
}

/**
 * For search boxes, which clean rather than refuse: controls and line breaks become spaces, direction
 * controls and broken surrogates disappear.
 */
export function stripUnsafeChars(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i]! + value[i + 1]!;
        i++;
      }
    } else if ((code >= 0xdc00 && code <= 0xdfff) || isBidiControl(code)) {
      // dropped
    } else out += isControl(code) ? " " : value[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Free text
// ---------------------------------------------------------------------------------------------

interface TextShape {
  /** At most this many characters (UTF-16 units, as the database's varchar counts them closely enough). */
  max: number;
  /** Message when longer than `max`; a function receives the length typed. Default « 2 000 caractères au plus. » */
  tooLong?: string | ((length: number) => string);
  /** A textarea: keeps line feeds and tabs, CRLF becomes LF. */
  multiline?: boolean;
  /** One-line fields only: runs of spaces become one space (names, addresses). */
  collapseSpaces?: boolean;
}

export interface RequiredTextOptions extends TextShape {
  /** Message when the field is missing or blank. */
  required: string;
  /** At least this many characters (after trimming), with its message; a blank value gets `tooShort` too. */
  min?: { length: number; message: string };
}

function tooLongError(shape: TextShape) {
  const { max, tooLong = `${max.toLocaleString("fr-FR")} caractères au plus.` } = shape;
  return { error: (issue: { input?: unknown }) => (typeof tooLong === "function" ? tooLong(String(issue.input ?? "").length) : tooLong) };
}

/** Checks the characters, then trims (and collapses spaces); `z.NEVER` with a field error when refused. */
function cleanText(raw: string, shape: TextShape, ctx: z.RefinementCtx): string {
  const value = shape.multiline ? raw.replace(/\r\n?/g, "\n") : raw;
  const unsafe = findUnsafeChar(value, shape);
  if (unsafe) {
    ctx.addIssue({ code: "custom", message: UNSAFE_CHAR_MESSAGES[unsafe] });
    return z.NEVER;
  }
  const trimmed = value.trim();
  return shape.collapseSpaces && !shape.multiline ? trimmed.replace(/\s+/g, " ") : trimmed;
}

/** A required free-text field: checked for invisible characters, trimmed, length-checked. */
export function text(options: RequiredTextOptions) {
  const min = options.min ?? { length: 1, message: options.required };
  return z
    .string({ error: options.required })
    .transform((v, ctx) => cleanText(v, options, ctx))
    .pipe(z.string().min(min.length, min.message).max(options.max, tooLongError(options)));
}

/** An optional free-text field: like `text`, and blank (or absent) becomes null. */
export function optionalText(options: TextShape) {
  return z
    .string({ error: "Valeur inattendue : rechargez la page." })
    .optional()
    .transform((v, ctx) => {
      const t = cleanText(v ?? "", options, ctx);
      return t === "" ? null : t;
    })
    .pipe(z.string().max(options.max, tooLongError(options)).nullable());
}

// ---------------------------------------------------------------------------------------------
// Civil dates, versions, checkboxes
// ---------------------------------------------------------------------------------------------

/** « Cette date n'existe pas… »: the message most date fields use when the day does not exist. */
export const BAD_DATE = "Cette date n'existe pas. Saisissez-la sous la forme JJ/MM/AAAA.";

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * "2026-03-14" (what `<input type="date">` posts) or "14/03/2026" (typed where the browser has no date
 * picker) → "2026-03-14"; anything else, or a day that does not exist, → null.
 */
export function parseCivilDateInput(value: string): CivilDate | null {
  const t = value.trim();
  const french = FRENCH_DATE.exec(t);
  const iso = french ? `${french[3]}-${french[2]!.padStart(2, "0")}-${french[1]!.padStart(2, "0")}` : t;
  return isValidCivilDate(iso) ? iso : null;
}

interface DateOptions {
  /** Message when the day does not exist or is not a date. */
  invalid: string;
  /** Earliest accepted day (a typing error before it, e.g. a birth year 1066). */
  min?: CivilDate;
}

function parseDateField(raw: string | undefined, options: DateOptions, ctx: z.RefinementCtx): CivilDate | null {
  const t = (raw ?? "").trim();
  if (t === "") return null;
  const date = parseCivilDateInput(t);
  if (date === null || (options.min !== undefined && date < options.min)) {
    ctx.addIssue({ code: "custom", message: options.invalid });
    return z.NEVER;
  }
  return date;
}

/** A required civil date; `required` (default: `invalid`) is said when it is missing. */
export function civilDate(options: DateOptions & { required?: string }) {
  const missing = options.required ?? options.invalid;
  return z
    .string({ error: missing })
    .optional()
    .transform((v, ctx): CivilDate => {
      const date = parseDateField(v, options, ctx);
      if (date === null) {
        ctx.addIssue({ code: "custom", message: missing });
        return z.NEVER;
      }
      return date;
    });
}

/** An optional civil date: blank becomes null. */
export function optionalCivilDate(options: DateOptions) {
  return z
    .string({ error: options.invalid })
    .optional()
    .transform((v, ctx) => parseDateField(v, options, ctx));
}

/** The optimistic-lock version a form carries in a hidden field (an integer from 1). */
export function version(message = "Version manquante : rechargez la page.") {
  return z.coerce.number({ error: message }).int(message).min(1, message);
}

/** An HTML checkbox: "on" when ticked, absent otherwise (booleans accepted from code). */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
