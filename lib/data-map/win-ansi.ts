/**
 * pdf-lib's standard fonts (Helvetica) only encode WinAnsi (Windows-1252). French text from Intl and
 * from our own copy carries characters outside it (narrow no-break spaces, typographic apostrophes):
 * they are replaced by their plain equivalents, and anything else unknown by its unaccented letter or "?".
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
  "\ufeff": "",
  "\u2018": "'",
  "\u2019": "'",
  "\u02bc": "'",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\t": " ",
  "\r": " ",
  "\n": " ",
};

/** Code points above 0x7F that Windows-1252 (and so pdf-lib's WinAnsi Helvetica) can draw. */
const WIN_ANSI_EXTRA = new Set(
  [
    0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x201c, 0x201d,
    0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
  ],
);

export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa1 && codePoint <= 0xff) || WIN_ANSI_EXTRA.has(codePoint);
}

/** Text any WinAnsi standard font can draw; one line (line breaks become spaces). */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const replaced = REPLACEMENTS[ch] ?? ch;
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
