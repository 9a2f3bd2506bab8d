import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { formatMoneyCents, formatNumber } from "@/lib/format/fr";
import { embedFonts } from "@/lib/pdf/fonts";
import { lineWidth } from "@/lib/pdf/line";
import { NO_PDFTOTEXT, PDFTOTEXT, UNICODE_NAMES, readingText } from "@/test/pdf-text";
import { buildReceipt, buildResponseLetter, type LetterContext } from "./letters";
import { renderLetterPdf, sanitizeForPdf, wrapText } from "./pdf";

describe("sanitizeForPdf", () => {
  it("keeps the no-break spaces of fr-FR number formatting", () => {
    expect(sanitizeForPdf(formatMoneyCents(391014))).toBe(formatMoneyCents(391014));
    expect(sanitizeForPdf(formatNumber(1234567))).toBe(formatNumber(1234567));
  });

  it("keeps French letters, guillemets, typographic apostrophes, dashes and arrows", () => {
    const french = "Œuvre « été » l’année — déjà ½ çà et là, Ÿ, €, J‑5 → 7 ≤ 8";
    expect(sanitizeForPdf(french)).toBe(french);
  });

  it("keeps names in other alphabets, and replaces only what the font lacks", () => {
    expect(sanitizeForPdf("Ștefan Győző ليلى")).toBe("Ștefan Győző ليلى");
    expect(sanitizeForPdf("🙂 ok")).toBe("? ok");
    expect(sanitizeForPdf("a\nb")).toBe("a b");
  });
});

describe("wrapText", () => {
  it("keeps every line within the width and loses no word", async () => {
    const doc = await PDFDocument.create();
    const { regular: font } = await embedFonts(doc);
    const text = `${"Nous avons bien reçu votre demande. ".repeat(12)}unmotextrêmementlongquinetientpassurunelignemaisquidoitquandmêmeapparaître`;
    const lines = wrapText(text, font, 11, 200);
    for (const line of lines) expect(lineWidth(font, line, 11)).toBeLessThanOrEqual(200);
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

describe("letters with names in other alphabets", () => {
  const context = (n: (typeof UNICODE_NAMES)[number]): LetterContext => ({
    structure: { name: "Mission locale de Lyon", commune: "Lyon", dpoEmail: "dpo@ml-lyon.demo" },
    jeune: { prenoms: n.prenoms, nomNaissance: n.nom, nomUsage: null, adresse: "12 rue Garibaldi", codePostal: "69003", commune: "Lyon" },
    demande: { numero: "2026-0042", type: "acces", recueLe: "2026-01-31", finalite: null },
  });

  for (const n of UNICODE_NAMES) {
    it(`prints « ${n.prenoms} ${n.nom} » in the receipt and the answer`, async (ctx) => {
      ctx.skip(!PDFTOTEXT, NO_PDFTOTEXT);
      const receipt = await renderLetterPdf(buildReceipt(context(n), { echeance: "2026-02-28", today: "2026-01-31" }));
      const answer = await renderLetterPdf(
        buildResponseLetter(context(n), { issue: "acceptee", motif: `Dossier de ${n.prenoms} ${n.nom}.`, reponduLe: "2026-02-20" }),
      );
      for (const bytes of [receipt, answer]) {
        const text = readingText(bytes);
        expect(text).toContain(`${n.prenoms} ${n.nom.toUpperCase()}`);
        expect(text).toContain(`Bonjour ${n.prenoms},`);
      }
      expect(readingText(answer)).toContain(`Dossier de ${n.prenoms} ${n.nom}.`);
    });
  }
});
