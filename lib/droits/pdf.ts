/**
 * Letters as PDF (A4, Helvetica). The standard fonts only encode WinAnsi (CP-1252): anything else
 * (the narrow no-break spaces of fr-FR number formatting, arrows…) is mapped to a close character
 * first, else pdf-lib would throw on the whole document.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { toWinAnsi } from "@/lib/pdf/win-ansi";
import type { Letter } from "./letters";

/** One line of text → only characters Helvetica can draw; letters keep their typographic apostrophes. */
export function sanitizeForPdf(text: string): string {
  return toWinAnsi(text, { typographicQuotes: true });
}

/** Greedy word wrap to `maxWidth` points; a word longer than a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const words = sanitizeForPdf(text).split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= maxWidth;
  for (let word of words) {
    while (!fits(word)) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(word.slice(0, cut))) cut--;
      if (line) lines.push(line);
      lines.push(word.slice(0, cut));
      line = "";
      word = word.slice(cut);
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

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.086, 0.086, 0.086);
const BLUE = rgb(0, 0, 0.569);

export async function renderLetterPdf(letter: Letter, options: { createdAt?: Date } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(sanitizeForPdf(letter.title));
  doc.setAuthor(sanitizeForPdf(letter.signature.at(-1) ?? ""));
  doc.setLanguage("fr-FR");
  doc.setCreator("Sillage");
  doc.setProducer("Sillage");
  if (options.createdAt) {
    doc.setCreationDate(options.createdAt);
    doc.setModificationDate(options.createdAt);
  }
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - 2 * MARGIN;

  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;

  const ensure = (height: number) => {
    if (y - height < MARGIN + 20) {
      page = doc.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    }
  };
  const write = (text: string, opts: { font?: PDFFont; size?: number; x?: number; maxWidth?: number; color?: ReturnType<typeof rgb>; gap?: number } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 11;
    const x = opts.x ?? MARGIN;
    const lineHeight = size * 1.4;
    for (const line of wrapText(text, font, size, opts.maxWidth ?? width - (x - MARGIN))) {
      ensure(lineHeight);
      y -= lineHeight;
      page.drawText(line, { x, y, size, font, color: opts.color ?? INK });
    }
    y -= opts.gap ?? 0;
  };

  // Sender (top left), in the structure's blue.
  letter.sender.forEach((line, i) => write(line, { font: i === 0 ? bold : regular, size: i === 0 ? 12 : 10, color: i === 0 ? BLUE : INK }));
  y -= 24;
  // Recipient, in the window of a DL envelope (right half).
  letter.recipient.forEach((line, i) => write(line, { font: i === 0 ? bold : regular, x: A4.width / 2, maxWidth: A4.width / 2 - MARGIN }));
  y -= 28;
  write(letter.placeAndDate, { x: A4.width / 2, maxWidth: A4.width / 2 - MARGIN, gap: 20 });
  write(`Objet : ${letter.subject}`, { font: bold, gap: 16 });
  write(letter.salutation, { gap: 10 });
  for (const section of letter.sections) {
    if (section.heading) {
      ensure(40);
      y -= 6;
      write(section.heading, { font: bold, size: 12, color: BLUE, gap: 4 });
    }
    for (const paragraph of section.paragraphs) write(paragraph, { gap: 8 });
  }
  y -= 6;
  write(letter.closing, { gap: 18 });
  letter.signature.forEach((line, i) => write(line, { font: i === 0 ? bold : regular }));

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = `${sanitizeForPdf(letter.title)} · page ${i + 1} sur ${pages.length}`;
    p.drawText(sanitizeForPdf(label), { x: MARGIN, y: MARGIN / 2, size: 8, font: regular, color: rgb(0.4, 0.4, 0.4) });
  });
  return doc.save();
}
