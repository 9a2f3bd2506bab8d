/**
 * Text as the PDFs draw it: one line, NFC, every character the embedded font has kept as typed (people's
 * names in Polish, Turkish, Romanian, Vietnamese, Arabic…). Control characters and line breaks become
 * spaces, invisible format characters go; a character the font lacks becomes a plain equivalent, its
 * base letter or "?". One implementation for every PDF Sillage draws.
 */

/** Whether the font draws this code point (a glyph other than .notdef). */
export type Covers = (codePoint: number) => boolean;

export interface PdfTextOptions {
  /** Keep ‘ and ’ (letters: « l’année ») instead of straight apostrophes (even-looking tables). */
  typographicQuotes?: boolean;
}

/** Used only when the font lacks the character itself. */
const FALLBACKS: Record<string, string> = {
  "\u00a0": " ",
  "\u202f": " ",
  "\u205f": " ",
  "\u3000": " ",
  "\u02bc": "'",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": "...",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2713": "",
  "\u2714": "",
};
for (let cp = 0x2000; cp <= 0x200a; cp++) FALLBACKS[String.fromCodePoint(cp)] = " ";

const STRAIGHT_QUOTES: Record<string, string> = { "\u2018": "'", "\u2019": "'" };
/** Line and paragraph separators and C0/C1 controls (tabs, CR, LF, NEL…). */
const BREAK = /^[\p{Cc}\u2028\u2029]$/u;
/** Zero-width spaces, bidi marks and overrides, soft hyphen, BOM…; ZWNJ/ZWJ change Arabic joining and are kept when drawable. */
const FORMAT = /^(?:\p{Cf}|\p{Variation_Selector})$/u;
const JOINER_CONTROLS = new Set([0x200c, 0x200d]);
const MARK = /^\p{M}$/u;

function drawable(text: string, covers: Covers): boolean {
  for (const c of text) if (!covers(c.codePointAt(0) ?? 0)) return false;
  return true;
}

/** The text as the font can draw it, on one line. */
export function normalizePdfText(text: string, covers: Covers, options: PdfTextOptions = {}): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0) ?? 0;
    if (BREAK.test(ch)) {
      out += " ";
      continue;
    }
    if (FORMAT.test(ch)) {
      if (JOINER_CONTROLS.has(cp) && covers(cp)) out += ch;
      continue;
    }
    const quote = options.typographicQuotes ? undefined : STRAIGHT_QUOTES[ch];
    if (quote !== undefined) {
      out += quote;
      continue;
    }
    if (covers(cp)) {
      out += ch;
      continue;
    }
    // A combining mark the font lacks: the letter it sits on is still there.
    if (MARK.test(ch)) continue;
    const fallback = FALLBACKS[ch];
    if (fallback !== undefined && drawable(fallback, covers)) {
      out += fallback;
      continue;
    }
    const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
    out += base && drawable(base, covers) ? base : "?";
  }
  return out;
}

/** Title, author and subject: any Unicode is fine there, but still one line, without invisible characters. */
export function metadataText(text: string, options: PdfTextOptions = {}): string {
  return normalizePdfText(text, () => true, options).trim();
}
