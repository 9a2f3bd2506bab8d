/**
 * Measuring and drawing one line of (already normalised) text with an embedded font, right-to-left runs
 * included (bidi.ts). The width is the font's own: the sum of the advances of the glyphs fontkit lays
 * out, exactly what pdf-lib draws.
 */
import type { Color, PDFFont, PDFPage } from "pdf-lib";
import { hasRtl, visualRuns } from "./bidi";

const widths = new WeakMap<PDFFont, Map<string, number>>();

/** Width at size 1 of a piece without spaces; shaping (ligatures, Arabic joining) never crosses a space. */
function wordWidth(font: PDFFont, word: string): number {
  let cache = widths.get(font);
  if (!cache) {
    cache = new Map();
    widths.set(font, cache);
  }
  let width = cache.get(word);
  if (width === undefined) {
    width = font.widthOfTextAtSize(word, 1);
    cache.set(word, width);
  }
  return width;
}

function runWidth(font: PDFFont, run: string): number {
  let width = 0;
  for (const part of run.split(/( )/)) if (part) width += wordWidth(font, part);
  return width;
}

/** The width of the line as drawLine draws it, in points. */
export function lineWidth(font: PDFFont, text: string, size: number): number {
  const runs = hasRtl(text) ? visualRuns(text) : [{ text }];
  return runs.reduce((sum, run) => sum + runWidth(font, run.text), 0) * size;
}

export interface LineStyle {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
}

/** Draws the line from `x` on the baseline `y`: one string when all left to right, else one per run in visual order. */
export function drawLine(page: PDFPage, text: string, style: LineStyle): void {
  const { font, size, color, y } = style;
  if (!hasRtl(text)) {
    page.drawText(text, { x: style.x, y, size, font, color });
    return;
  }
  let x = style.x;
  for (const run of visualRuns(text)) {
    // fontkit would reverse Arabic-Indic digits (Arabic script) in a left-to-right run: one digit at a time.
    const pieces = !run.rtl && hasRtl(run.text) ? [...run.text] : [run.text];
    for (const piece of pieces) {
      page.drawText(piece, { x, y, size, font, color });
      x += runWidth(font, piece) * size;
    }
  }
}
