import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { embedFonts, pdfText } from "@/lib/pdf/fonts";
import { lineWidth } from "@/lib/pdf/line";
import { NO_PDFTOTEXT, PDFTOTEXT, UNICODE_NAMES, drawnText, readingText } from "@/test/pdf-text";
import { FINALITY_LIST } from "./finalities";
import { registerPdf, wrapText } from "./pdf";
import { buildRegister } from "./register";
import { TEST_CONTEXT } from "./test-context";

function pageText(page: Parameters<typeof drawnText>[0]): string[] {
  return drawnText(page).map((d) => d.text);
}

describe("wrapText", () => {
  const measure = (s: string) => s.length;
  it("wraps at word boundaries within the width", () => {
    const lines = wrapText("un deux trois quatre cinq", 9, measure);
    expect(lines).toEqual(["un deux", "trois", "quatre", "cinq"]);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(9);
  });
  it("cuts a word longer than the line", () => {
    expect(wrapText("abcdefghijkl", 5, measure)).toEqual(["abcde", "fghij", "kl"]);
  });
});

describe("registerPdf", () => {
  const model = buildRegister(
    TEST_CONTEXT,
    { structureName: "Mission locale de Lyon", dpoEmail: "dpo@ml-lyon.demo" },
    new Date("2026-11-25T08:30:00Z"),
  );

  it("is a readable A4 PDF with a title, the generation date, the controller and one block per finality", async () => {
    const bytes = await registerPdf(model);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe("Registre des activités de traitement — Mission locale de Lyon");
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
    const text = doc
      .getPages()
      .map((p) => pageText(p).join(" "))
      .join(" ");
    expect(text).toContain("Registre des activités de traitement");
    expect(text).toContain("Généré le 25 novembre 2026 à 9 h 30");
    expect(text).toContain("Mission locale de Lyon");
    expect(text).toContain("dpo@ml-lyon.demo");
    FINALITY_LIST.forEach((f, i) => expect(text, f.id).toContain(pdfText(`${i + 1}. ${f.name}`)));
    const headings = text.match(/\b\d\. /g) ?? [];
    expect(headings.length).toBeGreaterThanOrEqual(FINALITY_LIST.length);
  });

  it("numbers every page and keeps text inside the margins", async () => {
    const doc = await PDFDocument.load(await registerPdf(model));
    const { regular, bold } = await embedFonts(doc);
    const total = doc.getPageCount();
    doc.getPages().forEach((page, i) => {
      const drawn = drawnText(page);
      // Some text and the footer (the last lines of a finality may end alone on a page before the flows).
      expect(drawn.length).toBeGreaterThanOrEqual(2);
      expect(drawn.at(-1)?.text).toBe(
        pdfText(`Registre des activités de traitement — Mission locale de Lyon — page ${i + 1} sur ${total}`),
      );
      for (const d of drawn.slice(0, -1)) {
        const width = lineWidth(d.bold ? bold : regular, d.text, d.size);
        expect(d.x, d.text).toBeGreaterThanOrEqual(50);
        expect(d.x + width, d.text).toBeLessThanOrEqual(595.28 - 50 + 0.01);
        expect(d.y, d.text).toBeGreaterThanOrEqual(56);
        expect(d.y + d.size, d.text).toBeLessThanOrEqual(841.89 - 56 + 0.01);
      }
    });
  });

  it("prints a structure's name in any script the fonts cover, in the text and the title", async (ctx) => {
    const name = UNICODE_NAMES.map((n) => `${n.prenoms} ${n.nom}`).join(" · ");
    const bytes = await registerPdf(
      buildRegister(TEST_CONTEXT, { structureName: `Mission locale ${name}`, dpoEmail: null }, new Date("2026-11-25T08:30:00Z")),
    );
    expect((await PDFDocument.load(bytes)).getTitle()).toBe(`Registre des activités de traitement — Mission locale ${name}`);
    ctx.skip(!PDFTOTEXT, NO_PDFTOTEXT);
    const text = readingText(bytes);
    for (const n of UNICODE_NAMES) expect(text).toContain(`${n.prenoms} ${n.nom}`);
  });
});
