import { PDFDocument, PDFRawStream, StandardFonts, decodePDFRawStream, PDFArray, type PDFPage } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { FINALITY_LIST } from "./finalities";
import { registerPdf, wrapText } from "./pdf";
import { buildRegister } from "./register";
import { TEST_CONTEXT } from "./test-context";
import { isWinAnsi, toWinAnsi } from "@/lib/pdf/win-ansi";

// Windows-1252 bytes 0x80–0x9F (Node's TextDecoder may read them as Latin-1 control characters).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join("");
}

interface DrawnText {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

/** The strings drawn on a page, with position and font (pdf-lib writes standard-font text as hex strings shown with Tj). */
function drawnText(page: PDFPage): DrawnText[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const drawn: DrawnText[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    for (const m of ops.matchAll(/\/(\S+) ([\d.]+) Tf[\s\S]*?1 0 0 1 ([\d.]+) ([\d.]+) Tm\s*<([0-9A-Fa-f]*)> Tj/g)) {
      drawn.push({
        text: decodeWinAnsi(Buffer.from(m[5]!, "hex")),
        x: Number(m[3]),
        y: Number(m[4]),
        size: Number(m[2]),
        bold: m[1]!.includes("Bold"),
      });
    }
  }
  return drawn;
}

function pageText(page: PDFPage): string[] {
  return drawnText(page).map((d) => d.text);
}

describe("toWinAnsi", () => {
  it("replaces the spaces and apostrophes of French typography", () => {
    expect(toWinAnsi("3\u202f910,14\u00a0€")).toBe("3 910,14 €");
    expect(toWinAnsi("l’allocation d‘été")).toBe("l'allocation d'été");
    expect(toWinAnsi("ligne\nsuivante")).toBe("ligne suivante");
  });

  it("keeps French letters and WinAnsi signs, strips other accents, and marks the rest", () => {
    expect(toWinAnsi("Œuvre « déjà » — ça … 1er")).toBe("Œuvre « déjà » — ça … 1er");
    expect(toWinAnsi("Łódź Ő")).toBe("?ódz O");
    expect(toWinAnsi("ok 👍")).toBe("ok ?");
  });

  it("only returns characters Helvetica can encode in pdf-lib", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const every = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i)).join("");
    const safe = toWinAnsi(every);
    for (const ch of safe) expect(isWinAnsi(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
    expect(() => font.widthOfTextAtSize(safe, 10)).not.toThrow();
    expect(() => font.encodeText(safe)).not.toThrow();
  });
});

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
    FINALITY_LIST.forEach((f, i) => expect(text, f.id).toContain(toWinAnsi(`${i + 1}. ${f.name}`)));
    const headings = text.match(/\b\d\. /g) ?? [];
    expect(headings.length).toBeGreaterThanOrEqual(FINALITY_LIST.length);
  });

  it("numbers every page and keeps text inside the margins", async () => {
    const doc = await PDFDocument.load(await registerPdf(model));
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const total = doc.getPageCount();
    doc.getPages().forEach((page, i) => {
      const drawn = drawnText(page);
      expect(drawn.length).toBeGreaterThan(3);
      expect(drawn.at(-1)?.text).toBe(
        toWinAnsi(`Registre des activités de traitement — Mission locale de Lyon — page ${i + 1} sur ${total}`),
      );
      for (const d of drawn.slice(0, -1)) {
        const width = (d.bold ? bold : regular).widthOfTextAtSize(d.text, d.size);
        expect(d.x, d.text).toBeGreaterThanOrEqual(50);
        expect(d.x + width, d.text).toBeLessThanOrEqual(595.28 - 50 + 0.01);
        expect(d.y, d.text).toBeGreaterThanOrEqual(56);
        expect(d.y + d.size, d.text).toBeLessThanOrEqual(841.89 - 56 + 0.01);
      }
    });
  });
});
