import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { A4, createFlow, type FlowOptions } from "./flow";
import { lineWidth } from "./line";

const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));

function pdftotextOf(bytes: Uint8Array, args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "flow-"));
  try {
    const file = path.join(dir, "f.pdf");
    writeFileSync(file, bytes);
    return execFileSync(pdftotext!, [...args, file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each word drawn, with its page and horizontal extent (pdftotext -bbox). */
function wordsOf(bytes: Uint8Array): { page: number; xMin: number; xMax: number; text: string }[] {
  const html = pdftotextOf(bytes, ["-bbox"]);
  const words: { page: number; xMin: number; xMax: number; text: string }[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (m[0].startsWith("<page")) page++;
    else words.push({ page, xMin: Number(m[1]), xMax: Number(m[2]), text: m[3]! });
  }
  return words;
}

const options: FlowOptions = { title: "Essai", author: "Sillage", margin: 50, reserve: 20, size: 10 };
const paragraph = "Une phrase de plusieurs mots qui revient souvent dans ce paragraphe. ".repeat(8).trim();

describe("createFlow", () => {
  it("starts an A4 document with its metadata, fonts and first page", async () => {
    const flow = await createFlow({ ...options, title: "Réponse → l’année", createdAt: new Date("2026-01-02T03:04:05Z") });
    expect(flow.y).toBe(A4.height - 50);
    expect(flow.width).toBeCloseTo(A4.width - 100);
    const doc = await PDFDocument.load(await flow.save());
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: A4.width, height: A4.height });
    expect(doc.getTitle()).toBe("Réponse → l'année");
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
  });
});

describe("ensure", () => {
  it("opens a new page only when the height does not fit above the margin and the reserve", async () => {
    const flow = await createFlow(options);
    flow.y = 50 + 20 + 30;
    expect(flow.ensure(30)).toBe(false);
    expect(flow.y).toBe(100);
    const first = flow.page;
    expect(flow.ensure(30.5)).toBe(true);
    expect(flow.page).not.toBe(first);
    expect(flow.y).toBe(A4.height - 50);
    expect(flow.doc.getPageCount()).toBe(2);
  });
});

describe("write", () => {
  it("moves the cursor down 1.4 × the size a line, plus the gap", async () => {
    const flow = await createFlow(options);
    const top = flow.y;
    flow.write("Une ligne", { size: 12, gap: 5 });
    expect(flow.y).toBeCloseTo(top - 12 * 1.4 - 5);
  });

  it("wraps a long paragraph into several lines, each within the width left after the indent", async () => {
    const flow = await createFlow(options);
    const lines = flow.wrap(paragraph, { maxWidth: flow.width - 40 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(lineWidth(flow.regular, line, 10)).toBeLessThanOrEqual(flow.width - 40);
    expect(lines.join(" ")).toBe(paragraph);
    const top = flow.y;
    flow.write(paragraph, { indent: 40 });
    expect(flow.y).toBeCloseTo(top - lines.length * 14);
  });

  it.skipIf(!pdftotext)("draws every word between the indent and the right margin", async () => {
    const flow = await createFlow(options);
    flow.write(`${paragraph} unmotbeaucouptroplongpourtenirsurunelignequidoitdonccoupéenplusieursmorceauxsansdépasserlamarge`, {
      indent: 40,
    });
    const words = wordsOf(await flow.save());
    expect(words.length).toBeGreaterThan(20);
    for (const w of words) {
      expect(w.xMin).toBeGreaterThanOrEqual(50 + 40 - 0.5);
      expect(w.xMax).toBeLessThanOrEqual(A4.width - 50 + 0.5);
    }
  });

  it.skipIf(!pdftotext)("breaks the page when the text runs past the bottom, and carries on at the top of the next", async () => {
    const flow = await createFlow(options);
    for (let i = 1; i <= 60; i++) flow.write(`Paragraphe ${i}. ${paragraph}`, { gap: 4 });
    const bytes = await flow.save();
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    const pages = pdftotextOf(bytes, ["-layout"]).split("\f");
    expect(pages[0]).toContain("Paragraphe 1.");
    expect(pages[0]).not.toContain("Paragraphe 60.");
    expect(pages[doc.getPageCount() - 1]).toContain("Paragraphe 60.");
    // No line lower than the margin and the reserve: pdftotext's yMax is measured from the top.
    const html = pdftotextOf(bytes, ["-bbox"]);
    for (const m of html.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">/g)) {
      expect(A4.height - Number(m[1])).toBeGreaterThanOrEqual(50 + 20 - 3);
    }
  });

  it.skipIf(!pdftotext)("draws every character the font has as typed, straight or typographic apostrophes as asked", async () => {
    const nasty = "Montant\u202f: 3\u00a0910 € → J\u20115 ≤ 8, Ștefan Łukasz 🙂, l’année\u200b";
    const straight = await createFlow(options);
    straight.write(nasty);
    const typographic = await createFlow({ ...options, typographicQuotes: true });
    typographic.write(nasty);
    const textOf = async (flow: typeof straight) =>
      pdftotextOf(await flow.save(), ["-raw", "-enc", "UTF-8"])
        .replace(/\f/g, "")
        .trim();
    // The no-break spaces are drawn as such (pdftotext reads them back as plain spaces).
    expect(await textOf(straight)).toBe("Montant : 3 910 € → J\u20115 ≤ 8, Ștefan Łukasz ?, l'année");
    expect(await textOf(typographic)).toContain("l’année");
  });

  it.skipIf(!pdftotext)("draws an Arabic name inside a French line shaped and in reading order", async () => {
    const flow = await createFlow(options);
    flow.write("Nom : ليلى حداد, né le 3 mars");
    const text = pdftotextOf(await flow.save(), ["-enc", "UTF-8"])
      .replace(/[\u202a-\u202e\f]/g, "")
      .trim();
    expect(text).toBe("Nom : ليلى حداد, né le 3 mars");
  });
});

describe("heading", () => {
  it("keeps a title with what follows it: a new page when `keep` points do not remain", async () => {
    const flow = await createFlow(options);
    flow.y = 50 + 20 + 39;
    flow.heading("Titre", { keep: 40, before: 6 });
    expect(flow.doc.getPageCount()).toBe(2);
    expect(flow.y).toBeCloseTo(A4.height - 50 - 6 - 14);
  });
});

describe("text and fit", () => {
  it("cuts a line too wide with an ellipsis and leaves the cursor where it is", async () => {
    const flow = await createFlow(options);
    const cut = flow.fit(paragraph, { maxWidth: 100 });
    expect(cut.endsWith("…")).toBe(true);
    expect(lineWidth(flow.regular, cut, 10)).toBeLessThanOrEqual(100);
    expect(paragraph.startsWith(cut.slice(0, -1))).toBe(true);
    expect(flow.fit("court", { maxWidth: 100 })).toBe("court");
    const y = flow.y;
    flow.text(paragraph, { maxWidth: 100 });
    expect(flow.y).toBe(y);
  });
});

describe("footer", () => {
  it.skipIf(!pdftotext)("numbers every page", async () => {
    const flow = await createFlow(options);
    flow.newPage();
    flow.newPage();
    flow.footer((page, pages) => `Essai → page ${page} sur ${pages}`);
    const pages = pdftotextOf(await flow.save(), ["-layout"]).split("\f");
    for (const n of [1, 2, 3]) expect(pages[n - 1]).toContain(`Essai → page ${n} sur 3`);
  });
});
