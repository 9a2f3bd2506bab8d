/**
 * An A4 document in DejaVu Sans (regular and bold, embedded: fonts.ts) written top to bottom: a cursor
 * `y` on the current page, and a new page whenever the next block would run into the bottom margin.
 * Shared by the letters, the access pack, the contract summary and the sign-in sheet.
 *
 * Every string drawn goes through pdfText (text.ts: what the font cannot draw is replaced) and every
 * line through drawLine (right-to-left names in visual order); typographic apostrophes are kept when
 * the flow is made with `typographicQuotes`.
 */
import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from "pdf-lib";
import { embedFonts, pdfText } from "./fonts";
import { drawLine, lineWidth } from "./line";
import { metadataText, type PdfTextOptions } from "./text";

export const A4 = { width: 595.28, height: 841.89 };
export const INK = rgb(0.086, 0.086, 0.086);
export const BLUE = rgb(0, 0, 0.569);
export const GREY = rgb(0.4, 0.4, 0.4);

/** Greedy word wrap to `maxWidth` points, measured with the font; a word longer than a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number, options: PdfTextOptions = {}): string[] {
  const words = pdfText(text, options).split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => lineWidth(font, s, size) <= maxWidth;
  for (let word of words) {
    while (!fits(word)) {
      const chars = [...word];
      let cut = chars.length - 1;
      while (cut > 1 && !fits(chars.slice(0, cut).join(""))) cut--;
      if (line) lines.push(line);
      lines.push(chars.slice(0, cut).join(""));
      line = "";
      word = chars.slice(cut).join("");
    }
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** One line of text, cut and ended with "…" when wider than `maxWidth` points. */
export function fitText(text: string, font: PDFFont, size: number, maxWidth: number, options: PdfTextOptions = {}): string {
  const out = pdfText(text, options);
  if (lineWidth(font, out, size) <= maxWidth) return out;
  const chars = [...out];
  while (chars.length > 1 && lineWidth(font, `${chars.join("")}…`, size) > maxWidth) chars.pop();
  return `${chars.join("")}…`;
}

export interface FlowOptions extends PdfTextOptions {
  title: string;
  author: string;
  /** Creation and modification dates; pdf-lib's own (now) when absent. */
  createdAt?: Date;
  /** Left, right, top and bottom margin, in points. */
  margin: number;
  /** Room kept free above the bottom margin (the page footer): ensure() breaks the page before it. */
  reserve: number;
  /** Font size of write() and text() when not given. */
  size: number;
}

interface TextOptions {
  bold?: boolean;
  size?: number;
  color?: Color;
  /** From the left margin, in points. */
  indent?: number;
}

export interface WriteOptions extends TextOptions {
  /** Space left below the text, in points. */
  gap?: number;
}

export class PdfFlow {
  private current: PDFPage;
  /** The baseline of the last line drawn (the top of the page's text area on a new page). */
  y: number;
  /** The width between the left and right margins. */
  readonly width: number;

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly options: FlowOptions,
  ) {
    this.width = A4.width - 2 * options.margin;
    this.current = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - options.margin;
  }

  get page(): PDFPage {
    return this.current;
  }

  get margin(): number {
    return this.options.margin;
  }

  newPage(): void {
    this.current = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - this.options.margin;
  }

  /** Opens a new page unless `height` points remain above the reserve; says whether it did. */
  ensure(height: number): boolean {
    if (this.y - height >= this.options.margin + this.options.reserve) return false;
    this.newPage();
    return true;
  }

  /** Moves the cursor down. */
  gap(points: number): void {
    this.y -= points;
  }

  /** The text wrapped to `maxWidth` (by default the width between the margins). */
  wrap(text: string, options: { bold?: boolean; size?: number; maxWidth?: number } = {}): string[] {
    return wrapText(
      text,
      options.bold ? this.bold : this.regular,
      options.size ?? this.options.size,
      options.maxWidth ?? this.width,
      this.options,
    );
  }

  /** One line, cut with "…" to `maxWidth` (by default the width between the margins). */
  fit(text: string, options: { bold?: boolean; size?: number; maxWidth?: number } = {}): string {
    return fitText(
      text,
      options.bold ? this.bold : this.regular,
      options.size ?? this.options.size,
      options.maxWidth ?? this.width,
      this.options,
    );
  }

  /** A paragraph below the cursor, wrapped within the right margin, lines 1.4 × the size apart, breaking pages as needed. */
  write(text: string, options: WriteOptions = {}): void {
    const size = options.size ?? this.options.size;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.4;
    const font = options.bold ? this.bold : this.regular;
    for (const line of wrapText(text, font, size, this.width - indent, this.options)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      drawLine(this.current, line, { x: this.options.margin + indent, y: this.y, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 0;
  }

  /** A bold title kept on one page with the `keep` points below it, `before` points under what precedes. */
  heading(text: string, options: WriteOptions & { keep: number; before: number }): void {
    const { keep, before, ...write } = options;
    this.ensure(keep);
    this.y -= before;
    this.write(text, { bold: true, ...write });
  }

  /** One line on the cursor's baseline, cut with "…" to `maxWidth` (by default up to the right margin); the cursor stays. */
  text(text: string, options: TextOptions & { maxWidth?: number } = {}): void {
    const size = options.size ?? this.options.size;
    const indent = options.indent ?? 0;
    const font = options.bold ? this.bold : this.regular;
    const line = fitText(text, font, size, options.maxWidth ?? this.width - indent, this.options);
    drawLine(this.current, line, { x: this.options.margin + indent, y: this.y, size, font, color: options.color ?? INK });
  }

  /** One line at a point of the current page (a label beside a value, text in a box); the cursor stays. */
  draw(text: string, options: { x: number; y: number; bold?: boolean; size?: number; color?: Color }): void {
    drawLine(this.current, pdfText(text, this.options), {
      x: options.x,
      y: options.y,
      size: options.size ?? this.options.size,
      font: options.bold ? this.bold : this.regular,
      color: options.color ?? INK,
    });
  }

  /** The width of the text in points, as drawn. */
  widthOf(text: string, options: { bold?: boolean; size?: number } = {}): number {
    return lineWidth(options.bold ? this.bold : this.regular, pdfText(text, this.options), options.size ?? this.options.size);
  }

  /** Draws `label(page number, page count)` at the foot of every page, small and grey. */
  footer(label: (pageNumber: number, pageCount: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      drawLine(p, pdfText(label(i + 1, pages.length), this.options), {
        x: this.options.margin,
        y: this.options.margin / 2,
        size: 8,
        font: this.regular,
        color: GREY,
      });
    });
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}

/** A new French A4 document by Sillage, its two fonts embedded and its first page open. */
export async function createFlow(options: FlowOptions): Promise<PdfFlow> {
  const doc = await PDFDocument.create();
  doc.setTitle(metadataText(options.title, options));
  doc.setAuthor(metadataText(options.author, options));
  doc.setLanguage("fr-FR");
  doc.setCreator("Sillage");
  doc.setProducer("Sillage");
  if (options.createdAt) {
    doc.setCreationDate(options.createdAt);
    doc.setModificationDate(options.createdAt);
  }
  const { regular, bold } = await embedFonts(doc);
  return new PdfFlow(doc, regular, bold, options);
}
