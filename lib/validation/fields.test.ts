import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkbox,
  civilDate,
  findUnsafeChar,
  optionalCivilDate,
  optionalText,
  parseCivilDateInput,
  stripUnsafeChars,
  text,
  UNSAFE_CHAR_MESSAGES,
  version,
} from "./fields";

const name = text({ required: "Indiquez le nom.", max: 100, tooLong: "Trop long." });
const comment = optionalText({ max: 4000, multiline: true });

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

/** Code points a person types in names and comments: Latin with accents, Vietnamese, Arabic, Hebrew, CJK, emoji. */
const SAFE_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x36f],
  [0x391, 0x3c9],
  [0x400, 0x44f],
  [0x5d0, 0x5ea],
  [0x621, 0x64a],
  [0x660, 0x669],
  [0x1ea0, 0x1ef9],
  [0x4e00, 0x4e80],
  [0x1f300, 0x1f64f],
];
const safeChar = fc
  .oneof(...SAFE_RANGES.map(([min, max]) => fc.integer({ min, max })), fc.constant(0x200d))
  .map((cp) => String.fromCodePoint(cp));
const safeText = fc.string({ unit: safeChar, maxLength: 40 });

const FORBIDDEN_ANYWHERE = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0xd800,
  0xdbff,
  0xdc00,
  0xdfff,
].map((c) => String.fromCharCode(c));
const forbiddenChar = fc.constantFrom(...FORBIDDEN_ANYWHERE);

describe("findUnsafeChar", () => {
  it("names the kind of character in plain words", () => {
    expect(findUnsafeChar("Dupont\u0000")).toBe("control");
    expect(findUnsafeChar("Dupont\u0085")).toBe("control");
    expect(findUnsafeChar("Dupont\u007f")).toBe("control");
    expect(findUnsafeChar("Dupont\u202e")).toBe("bidi");
    expect(findUnsafeChar("\u2066Dupont")).toBe("bidi");
    expect(findUnsafeChar("Dupont\u200f")).toBe("bidi");
    expect(findUnsafeChar("Dupont\ud83d")).toBe("encoding");
    expect(findUnsafeChar("\ude00Dupont")).toBe("encoding");
    expect(findUnsafeChar("Du\tpont")).toBe("line");
    expect(findUnsafeChar("Du\tpont\nsuite", { multiline: true })).toBeNull();
    expect(findUnsafeChar("Nguyễn Thị Ánh 😀 محمد")).toBeNull();
    expect(UNSAFE_CHAR_MESSAGES.bidi).toMatch(/sens d'écriture/);
  });
});

describe("text", () => {
  it("trims, and refuses a missing, blank or too long value with the field's own messages", () => {
    expect(name.parse("  Dupont ")).toBe("Dupont");
    expect(messages(name.safeParse(undefined))).toEqual(["Indiquez le nom."]);
    expect(messages(name.safeParse("   "))).toEqual(["Indiquez le nom."]);
    expect(messages(name.safeParse("x".repeat(101)))).toEqual(["Trop long."]);
  });

  it("refuses NUL, a direction override or isolate with one French message", () => {
    expect(messages(name.safeParse("Dup\u0000ont"))).toEqual([UNSAFE_CHAR_MESSAGES.control]);
    expect(messages(name.safeParse("Dupont\u202e"))).toEqual([UNSAFE_CHAR_MESSAGES.bidi]);
    expect(messages(name.safeParse("\u2066Dupont\u2069"))).toEqual([UNSAFE_CHAR_MESSAGES.bidi]);
  });

  it("checks a minimum length with its message, blank included", () => {
    const libelle = text({ required: "Décrivez.", min: { length: 3, message: "3 au moins." }, max: 200 });
    expect(messages(libelle.safeParse(""))).toEqual(["3 au moins."]);
    expect(messages(libelle.safeParse(undefined))).toEqual(["Décrivez."]);
    expect(messages(libelle.safeParse("x".repeat(201)))).toEqual(["200 caractères au plus."]);
  });

  it("collapses spaces on request and passes the typed length to a message function", () => {
    expect(text({ required: "?", max: 50, collapseSpaces: true }).parse(" Jean   Pierre ")).toBe("Jean Pierre");
    const short = text({ required: "?", max: 3, tooLong: (n) => `${n} saisis` });
    expect(messages(short.safeParse("abcde"))).toEqual(["5 saisis"]);
  });

  it("property: any string holding a forbidden character is refused, never stored", () => {
    fc.assert(
      fc.property(safeText, forbiddenChar, safeText, (before, bad, after) => {
        const input = `${before}${bad}${after}`;
        expect(name.safeParse(input).success).toBe(false);
        expect(comment.safeParse(input).success).toBe(false);
      }),
    );
  });

  it("property: safe printable Unicode comes back unchanged but for trimming", () => {
    fc.assert(
      fc.property(
        safeText.filter((s) => s.trim() !== "" && s.length <= 100),
        (input) => {
          expect(name.parse(input)).toBe(input.trim());
          expect(comment.parse(input)).toBe(input.trim());
        },
      ),
    );
  });
});

describe("optionalText", () => {
  it("turns blank into null and keeps line breaks and tabs of a multi-line field, CRLF as LF", () => {
    expect(comment.parse(undefined)).toBeNull();
    expect(comment.parse("  \r\n ")).toBeNull();
    expect(comment.parse("Ligne 1\r\n\tLigne 2\rLigne 3")).toBe("Ligne 1\n\tLigne 2\nLigne 3");
    expect(messages(comment.safeParse("Ligne\u0000"))).toEqual([UNSAFE_CHAR_MESSAGES.control]);
  });

  it("refuses a line break in a one-line field", () => {
    const lieu = optionalText({ max: 200 });
    expect(messages(lieu.safeParse("Salle 1\nSalle 2"))).toEqual([UNSAFE_CHAR_MESSAGES.line]);
  });
});

describe("stripUnsafeChars", () => {
  it("cleans what a search box received instead of refusing it", () => {
    expect(stripUnsafeChars("Du\u0000pont\u202e\u2066 \ud800x")).toBe("Du pont x");
    expect(stripUnsafeChars("Nguyễn 😀")).toBe("Nguyễn 😀");
  });

  it("property: the result never holds a forbidden character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (input) => {
        expect(findUnsafeChar(stripUnsafeChars(input))).toBeNull();
      }),
    );
  });
});

describe("civil dates", () => {
  it("reads ISO and JJ/MM/AAAA, and refuses a day that does not exist", () => {
    expect(parseCivilDateInput("2026-03-14")).toBe("2026-03-14");
    expect(parseCivilDateInput(" 4/3/2026 ")).toBe("2026-03-04");
    expect(parseCivilDateInput("31/02/2026")).toBeNull();
    expect(parseCivilDateInput("2026-3-4")).toBeNull();
  });

  it("says `required` when missing and `invalid` when wrong; optional dates are null when blank", () => {
    const debut = civilDate({ required: "Indiquez la date.", invalid: "Date fausse." });
    expect(debut.parse("14/03/2026")).toBe("2026-03-14");
    expect(messages(debut.safeParse(""))).toEqual(["Indiquez la date."]);
    expect(messages(debut.safeParse(undefined))).toEqual(["Indiquez la date."]);
    expect(messages(debut.safeParse("2026-02-30"))).toEqual(["Date fausse."]);
    const naissance = optionalCivilDate({ invalid: "Date fausse.", min: "1900-01-01" });
    expect(naissance.parse(" ")).toBeNull();
    expect(messages(naissance.safeParse("1899-12-31"))).toEqual(["Date fausse."]);
  });
});

describe("version and checkbox", () => {
  it("reads a hidden version field, with one message for anything else", () => {
    const v = version("Version manquante.");
    expect(v.parse("3")).toBe(3);
    for (const bad of ["", "0", "1.5", "abc", undefined]) expect(messages(v.safeParse(bad))).toEqual(["Version manquante."]);
  });

  it("reads a checkbox", () => {
    expect(checkbox.parse("on")).toBe(true);
    expect(checkbox.parse(true)).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
    expect(checkbox.parse("")).toBe(false);
  });
});
