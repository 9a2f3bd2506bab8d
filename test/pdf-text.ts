/**
 * Reading back the PDFs Sillage draws: the text a viewer extracts (poppler's pdftotext, when installed:
 * .ci/run installs poppler-utils) and, without any tool, the strings drawn on a page decoded through
 * each font's ToUnicode map.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFArray, PDFDict, PDFName, PDFRawStream, decodePDFRawStream, type PDFPage } from "pdf-lib";

export const PDFTOTEXT = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));
export const NO_PDFTOTEXT = "pdftotext is not installed (Debian: poppler-utils; .ci/run installs it)";

/** People's names the fonts must keep: Polish, Turkish, Romanian, Vietnamese and Arabic. */
export const UNICODE_NAMES = [
  { prenoms: "Łukasz", nom: "Wiśniewski" },
  { prenoms: "Ayşe", nom: "Yılmaz" },
  { prenoms: "Șerban", nom: "Ionescu" },
  { prenoms: "Thị Minh Khai", nom: "Nguyễn" },
  { prenoms: "ليلى", nom: "حداد" },
] as const;

/** pdftotext's output (reading order, pages separated by form feeds). */
export function pdftotext(bytes: Uint8Array, args: string[] = []): string {
  if (!PDFTOTEXT) throw new Error(NO_PDFTOTEXT);
  const dir = mkdtempSync(path.join(tmpdir(), "pdf-text-"));
  try {
    const file = path.join(dir, "f.pdf");
    writeFileSync(file, bytes);
    return execFileSync(PDFTOTEXT, [...args, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text as read: pdftotext's bidi embedding marks around right-to-left words removed, spaces collapsed. */
export function readingText(bytes: Uint8Array): string {
  return pdftotext(bytes)
    .normalize("NFC")
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ");
}

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

const toUnicodeMaps = new WeakMap<PDFPage, Map<string, Map<string, string>>>();

/** The glyph code → text map of each font of the page (pdf-lib writes one bfchar line a glyph). */
function fontMaps(page: PDFPage): Map<string, Map<string, string>> {
  const cached = toUnicodeMaps.get(page);
  if (cached) return cached;
  const maps = new Map<string, Map<string, string>>();
  const fonts = page.node.Resources()?.lookup(PDFName.of("Font"), PDFDict);
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = page.doc.context.lookup(ref, PDFDict);
    const stream = font.lookup(PDFName.of("ToUnicode"));
    const map = new Map<string, string>();
    if (stream instanceof PDFRawStream) {
      const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      for (const m of cmap.matchAll(/^<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>$/gm)) {
        map.set(m[1]!.toLowerCase(), Buffer.from(m[2]!, "hex").swap16().toString("utf16le"));
      }
    }
    maps.set(name.decodeText(), map);
  }
  toUnicodeMaps.set(page, maps);
  return maps;
}

/** The strings drawn on a page in drawing order, with position and font size (right-to-left runs come out in visual order). */
export function drawnText(page: PDFPage): DrawnText[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const maps = fontMaps(page);
  const drawn: DrawnText[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    for (const m of ops.matchAll(/\/(\S+) ([\d.]+) Tf[\s\S]*?1 0 0 1 ([\d.]+) ([\d.]+) Tm\s*<([0-9A-Fa-f]*)> Tj/g)) {
      const map = maps.get(m[1]!) ?? new Map<string, string>();
      const codes = m[5]!.toLowerCase().match(/.{4}/g) ?? [];
      drawn.push({
        text: codes.map((c) => map.get(c) ?? "\ufffd").join(""),
        x: Number(m[3]),
        y: Number(m[4]),
        size: Number(m[2]),
        bold: m[1]!.includes("Bold"),
      });
    }
  }
  return drawn;
}
