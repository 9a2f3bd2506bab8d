/**
 * pdf-lib's standard fonts (Helvetica) only encode WinAnsi (Windows-1252). French text from Intl and
 * from our own copy carries characters outside it (narrow no-break spaces, arrows…): they are replaced
 * by plain equivalents, and anything else unknown by its unaccented letter or "?". One implementation
 * for every PDF Sillage draws (register, letters, access pack).
 */
const REPLACEMENTS: Record<string, string> = {
  "\u00a0": " ", // no-break space
  "\u202f": " ", // narrow no-break space (Intl fr-FR thousands)
  "\u2007": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u200b": "", // zero-width space
  "\u200d": "",
  "\ufeff": "",
  "\u02bc": "'",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2713": "",
  "\u2714": "",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\t": " ",
  "\r": " ",
  "\n": " ",
};

/** Code points above 0x7F that Windows-1252 (and so pdf-lib's WinAnsi Helvetica) can draw. */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178, 0x2018, 0x2019,
]);

export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa1 && codePoint <= 0xff) || WIN_ANSI_EXTRA.has(codePoint);
}

const STRAIGHT_QUOTES: Record<string, string> = { "\u2018": "'", "\u2019": "'" };

/**
 * Text any WinAnsi standard font can draw; one line (line breaks become spaces).
 * Typographic apostrophes become plain ones (even-looking tables) unless `typographicQuotes` keeps them
 * (letters, where « l’année » reads better).
 */
export function toWinAnsi(text: string, options: { typographicQuotes?: boolean } = {}): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const replaced = (options.typographicQuotes ? undefined : STRAIGHT_QUOTES[ch]) ?? REPLACEMENTS[ch] ?? ch;
    for (const c of replaced) {
      const cp = c.codePointAt(0) ?? 0x3f;
      if (isWinAnsi(cp)) {
        out += c;
        continue;
      }
      const base = c.normalize("NFD").replace(/\p{M}/gu, "");
      out += base && [...base].every((b) => isWinAnsi(b.codePointAt(0) ?? 0)) ? base : "?";
    }
  }
  return out;
}
