import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { formatMoneyCents, formatNumber } from "@/lib/format/fr";
import { buildResponseLetter } from "./letters";
import { renderLetterPdf, sanitizeForPdf, wrapText } from "./pdf";

describe("sanitizeForPdf", () => {
  it("turns the spaces of fr-FR number formatting into plain spaces", () => {
    expect(sanitizeForPdf(formatMoneyCents(391014))).toBe("3 910,14 €");
    expect(sanitizeForPdf(formatNumber(1234567))).toBe("1 234 567");
    expect(sanitizeForPdf("a\u00a0:\u202fb")).toBe("a : b");
  });

  it("keeps French letters, guillemets, apostrophes and dashes WinAnsi can draw", () => {
    const french = "Œuvre « été » l’année — déjà ½ çà et là, Ÿ, €";
    expect(sanitizeForPdf(french)).toBe(french);
  });

  it("maps or replaces the rest", () => {
    expect(sanitizeForPdf("J‑5 → 7 ≤ 8")).toBe("J-5 -> 7 <= 8");
    expect(sanitizeForPdf("Ștefan Győző")).toBe("Stefan Gyozo");
    expect(sanitizeForPdf("🙂 ok")).toBe("? ok");
    expect(sanitizeForPdf("a\nb")).toBe("a b");
  });

  it("yields text Helvetica can always encode", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const nasty = "\u202f\u00a0→≤ Ș 🙂 \u200b \u2011 ‘’“” … œ";
    expect(() => font.encodeText(sanitizeForPdf(nasty))).not.toThrow();
  });
});

describe("wrapText", () => {
  it("keeps every line within the width and loses no word", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const text = `${"Nous avons bien reçu votre demande. ".repeat(12)}unmotextrêmementlongquinetientpassurunelignemaisquidoitquandmêmeapparaître`;
    const lines = wrapText(text, font, 11, 200);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 11)).toBeLessThanOrEqual(200);
    expect(lines.join("").replace(/ /g, "")).toBe(sanitizeForPdf(text).replace(/ /g, ""));
  });
});

describe("renderLetterPdf", () => {
  it("produces a PDF, in French, over several pages when needed", async () => {
    const letter = buildResponseLetter(
      {
        structure: { name: "Mission locale de Lyon", commune: "Lyon", dpoEmail: "dpo@ml-lyon.demo" },
        jeune: { prenoms: "Léa", nomNaissance: "DUPONT", nomUsage: null, adresse: null, codePostal: null, commune: null },
        demande: { numero: "2026-0042", type: "effacement", recueLe: "2026-01-31", finalite: null },
      },
      {
        issue: "refusee",
        motif: `Montant : ${formatMoneyCents(56168)}. ${"Une longue explication. ".repeat(200)}`,
        reponduLe: "2026-02-20",
      },
    );
    const bytes = await renderLetterPdf(letter);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe("Réponse à votre demande n° 2026-0042");
  });
});
