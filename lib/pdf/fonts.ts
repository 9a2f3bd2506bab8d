/**
 * The fonts of every PDF Sillage draws: DejaVu Sans and DejaVu Sans Bold (Bitstream Vera licence, from
 * the dejavu-fonts-ttf package), embedded as subsets through fontkit. They cover Latin Extended,
 * Vietnamese, Greek, Cyrillic, Arabic and Hebrew, so people's names print as they were typed; the
 * standard Helvetica of pdf-lib only knew Windows-1252 ("Łukasz" printed "?ukasz").
 *
 * The files are read once per process, from the package folder that Node resolves at run time from the
 * project (a path the server bundle does not rewrite; checked under `next build` + `next start`).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
import { normalizePdfText, type PdfTextOptions } from "./text";

interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
  /** Code points both faces draw. */
  covered: ReadonlySet<number>;
}

let files: FontFiles | undefined;

/** The package's folder, found by Node's resolution from the project (works under Vitest, tsx and `next start`). */
function fontDir(): string {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

function fontFiles(): FontFiles {
  if (!files) {
    const dir = fontDir();
    const regular = readFileSync(path.join(dir, "DejaVuSans.ttf"));
    const bold = readFileSync(path.join(dir, "DejaVuSans-Bold.ttf"));
    const inBold = new Set(fontkit.create(bold).characterSet);
    const covered = new Set(fontkit.create(regular).characterSet.filter((cp) => inBold.has(cp)));
    files = { regular, bold, covered };
  }
  return files;
}

/** Whether both faces draw this code point. */
export function fontCovers(codePoint: number): boolean {
  return fontFiles().covered.has(codePoint);
}

/** The text as the embedded fonts draw it, on one line (see text.ts). */
export function pdfText(text: string, options: PdfTextOptions = {}): string {
  return normalizePdfText(text, fontCovers, options);
}

/**
 * pdf-lib draws each glyph at its advance width and ignores fontkit's positions (kerning, mark
 * attachment): computing them only costs time. Substitutions (ligatures, Arabic letter forms) stay on.
 */
const POSITIONING_OFF = { kern: false, mark: false, mkmk: false, curs: false };

/** Embeds the regular and bold faces in `doc`, as subsets of the glyphs drawn. */
export async function embedFonts(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  const { regular, bold } = fontFiles();
  doc.registerFontkit(fontkit);
  return {
    regular: await doc.embedFont(regular, { subset: true, features: POSITIONING_OFF }),
    bold: await doc.embedFont(bold, { subset: true, features: POSITIONING_OFF }),
  };
}
