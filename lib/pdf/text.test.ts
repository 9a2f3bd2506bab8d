import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fontCovers, pdfText } from "./fonts";
import { metadataText, normalizePdfText } from "./text";

const ascii = (cp: number) => cp >= 0x20 && cp <= 0x7e;

describe("pdfText (DejaVu Sans)", () => {
  it("keeps people's names as typed, in NFC", () => {
    for (const name of [
      "Łukasz Wiśniewski",
      "Ayşe Yılmaz",
      "Șerban Ionescu",
      "Nguyễn Thị Minh Khai",
      "ليلى حداد",
      "Őrsi Gyöngyvér",
      "Ξένια",
      "Мирослава",
    ])
      expect(pdfText(name)).toBe(name);
    // Decomposed input (a Mac keyboard, a copy from a PDF) comes out composed.
    expect(pdfText("Nguye\u0302\u0303n")).toBe("Nguyễn");
  });

  it("keeps French typography: no-break spaces, guillemets, arrows, ligatures", () => {
    expect(pdfText("3\u202f910,14\u00a0€ → J\u20115 ≤ 8, « Œuvre » — ça …")).toBe("3\u202f910,14\u00a0€ → J\u20115 ≤ 8, « Œuvre » — ça …");
  });

  it("straightens apostrophes unless asked to keep them", () => {
    expect(pdfText("l’allocation d‘été")).toBe("l'allocation d'été");
    expect(pdfText("l’allocation", { typographicQuotes: true })).toBe("l’allocation");
  });

  it("puts the text on one line and drops invisible characters", () => {
    expect(pdfText("ligne\nsuivante\r\n\tfin")).toBe("ligne suivante   fin");
    expect(pdfText("a\u0000b\u007fc\u0085d\u2028e")).toBe("a b c d e");
    expect(pdfText("in\u200bvi\u00adsi\ufeffble \u202eevil\u202c \u2066x\u2069")).toBe("invisible evil x");
  });

  it("replaces what the font lacks by a base letter or ?", () => {
    expect(fontCovers(0x1f642)).toBe(false);
    expect(pdfText("ok 🙂")).toBe("ok ?");
    expect(pdfText("ok 🙂\ufe0f")).toBe("ok ?");
    expect(pdfText("\ud800 seul")).toBe("? seul");
  });

  it("returns only characters both faces draw, for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const out = pdfText(s);
        for (const ch of out) expect(fontCovers(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
        expect(out).not.toMatch(/[\n\r\t]/);
      }),
    );
  });
});

describe("normalizePdfText with a narrow font", () => {
  it("uses plain equivalents, then base letters, then ?", () => {
    expect(normalizePdfText("3\u202f910 → J\u20115 ≤ 8 … ✓", ascii)).toBe("3 910 -> J-5 <= 8 ... ");
    expect(normalizePdfText("Łódź Ștefan Győző", ascii)).toBe("?odz Stefan Gyozo");
    expect(normalizePdfText("e\u0301\u0334", ascii)).toBe("e");
  });
});

describe("metadataText", () => {
  it("keeps any Unicode on one trimmed line", () => {
    expect(metadataText(" Réponse à ليلى حداد\n(Łukasz) 🙂 ")).toBe("Réponse à ليلى حداد (Łukasz) 🙂");
    expect(metadataText("l’année")).toBe("l'année");
  });
});
