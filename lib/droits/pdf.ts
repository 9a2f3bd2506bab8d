/**
 * Letters as PDF (A4, DejaVu Sans embedded: the recipient's name prints as typed, in any script the
 * font covers). Text goes through lib/pdf/text.ts: one line, what the font lacks replaced.
 */
import type { PDFFont } from "pdf-lib";
import { pdfText } from "@/lib/pdf/fonts";
import { BLUE, createFlow, wrapText as wrapFlowText } from "@/lib/pdf/flow";
import type { Letter } from "./letters";

/** One line of text the embedded font draws; letters keep their typographic apostrophes. */
export function sanitizeForPdf(text: string): string {
  return pdfText(text, { typographicQuotes: true });
}

/** Greedy word wrap to `maxWidth` points; a word longer than a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  return wrapFlowText(text, font, size, maxWidth, { typographicQuotes: true });
}

const MARGIN = 56;

export async function renderLetterPdf(letter: Letter, options: { createdAt?: Date } = {}): Promise<Uint8Array> {
  const flow = await createFlow({
    title: letter.title,
    author: letter.signature.at(-1) ?? "",
    createdAt: options.createdAt,
    margin: MARGIN,
    reserve: 20,
    size: 11,
    typographicQuotes: true,
  });
  const right = { indent: flow.width / 2 };

  // Sender (top left), in the structure's blue.
  letter.sender.forEach((line, i) => flow.write(line, { bold: i === 0, size: i === 0 ? 12 : 10, color: i === 0 ? BLUE : undefined }));
  flow.gap(24);
  // Recipient, in the window of a DL envelope (right half).
  letter.recipient.forEach((line, i) => flow.write(line, { bold: i === 0, ...right }));
  flow.gap(28);
  flow.write(letter.placeAndDate, { ...right, gap: 20 });
  flow.write(`Objet : ${letter.subject}`, { bold: true, gap: 16 });
  flow.write(letter.salutation, { gap: 10 });
  for (const section of letter.sections) {
    if (section.heading) flow.heading(section.heading, { keep: 40, before: 6, size: 12, color: BLUE, gap: 4 });
    for (const paragraph of section.paragraphs) flow.write(paragraph, { gap: 8 });
  }
  flow.gap(6);
  flow.write(letter.closing, { gap: 18 });
  letter.signature.forEach((line, i) => flow.write(line, { bold: i === 0 }));

  flow.footer((page, pages) => `${letter.title} · page ${page} sur ${pages}`);
  return flow.save();
}
