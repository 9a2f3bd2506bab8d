import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDateTime } from "@/lib/format/fr";
import { embedFonts, pdfText } from "@/lib/pdf/fonts";
import { drawLine, lineWidth } from "@/lib/pdf/line";
import { metadataText } from "@/lib/pdf/text";
import { REGISTER_COLUMNS, type RegisterModel } from "./register";

// A4 in PostScript points.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 56, side: 50 };
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN.side;
const INK = rgb(0x16 / 255, 0x16 / 255, 0x16 / 255);
const INK_2 = rgb(0x3a / 255, 0x3a / 255, 0x3a / 255);
const PRIMARY = rgb(0, 0, 0x91 / 255);
const BORDER = rgb(0xdd / 255, 0xdd / 255, 0xdd / 255);

interface TextStyle {
  font: PDFFont;
  size: number;
  color?: ReturnType<typeof rgb>;
  indent?: number;
  /** Extra indent of the wrapped lines (hanging indent for bullets). */
  hanging?: number;
}

/** Greedy word wrap measured with the font; a word longer than the line is cut. */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const words = text.split(" ").filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = [...word];
    while (measure(rest.join("")) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut).join("")) > width) cut--;
      lines.push(rest.slice(0, cut).join(""));
      rest = rest.slice(cut);
    }
    line = rest.join("");
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** Lays text out top to bottom and opens a new page when the next line would not fit. */
class PdfWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(private readonly doc: PDFDocument) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
  }

  /** Starts a new page unless `height` points remain (keeps a heading with what follows it). */
  keep(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  space(points: number) {
    this.y -= points;
  }

  lineHeight(style: TextStyle) {
    return style.size * 1.35;
  }

  paragraph(text: string, style: TextStyle) {
    const indent = style.indent ?? 0;
    const hanging = style.hanging ?? 0;
    const safe = pdfText(text);
    const measure = (s: string) => lineWidth(style.font, s, style.size);
    const first = wrapText(safe, CONTENT_WIDTH - indent, measure);
    // Re-wrap the continuation at the hanging width so no line overflows.
    const lines =
      hanging && first.length > 1 ? [first[0]!, ...wrapText(first.slice(1).join(" "), CONTENT_WIDTH - indent - hanging, measure)] : first;
    const lh = this.lineHeight(style);
    lines.forEach((line, i) => {
      this.keep(lh);
      this.y -= lh;
      drawLine(this.page, line, {
        x: MARGIN.side + indent + (i > 0 ? hanging : 0),
        y: this.y + (lh - style.size) / 2,
        size: style.size,
        font: style.font,
        color: style.color ?? INK,
      });
    });
  }

  rule() {
    this.keep(8);
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN.side, y: this.y },
      end: { x: PAGE.width - MARGIN.side, y: this.y },
      thickness: 0.75,
      color: BORDER,
    });
    this.y -= 6;
  }
}

/** The register as an A4 PDF: title, generation date, controller, one block per finality, then the flows. */
export async function registerPdf(model: RegisterModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedFonts(doc);
  const scope = model.controller.structureName ?? "Toutes les missions locales";
  doc.setTitle(metadataText(`${model.title} — ${scope}`));
  doc.setAuthor("Sillage");
  doc.setSubject("Registre des activités de traitement (RGPD, art. 30)");
  doc.setLanguage("fr-FR");
  doc.setCreator("Sillage");
  doc.setProducer("Sillage (pdf-lib)");
  doc.setCreationDate(model.generatedAt);

  const w = new PdfWriter(doc);
  const body: TextStyle = { font: regular, size: 9.5 };
  const label: TextStyle = { font: bold, size: 9.5, color: INK_2 };

  w.paragraph(model.title, { font: bold, size: 18, color: PRIMARY });
  w.space(4);
  w.paragraph(`RGPD, article 30 — ${scope}`, { font: regular, size: 11, color: INK_2 });
  w.paragraph(`Généré le ${formatDateTime(model.generatedAt)} à partir de la cartographie des données de Sillage.`, {
    font: regular,
    size: 9.5,
    color: INK_2,
  });
  w.space(10);
  w.paragraph("Responsables conjoints du traitement", { font: bold, size: 12 });
  for (const c of model.jointControllers) w.paragraph(`- ${c.name} — ${c.role}`, { ...body, hanging: 8 });
  w.paragraph(`Délégué à la protection des données : ${model.controller.dpoEmail ?? "celui de chaque mission locale"}`, body);
  w.paragraph("Transferts hors de l'Union européenne : aucun.", body);

  model.rows.forEach((row, index) => {
    w.space(8);
    w.rule();
    w.keep(60);
    w.paragraph(`${index + 1}. ${row.finalite.join(" ")}`, { font: bold, size: 13, color: PRIMARY, hanging: 14 });
    w.space(2);
    for (const column of REGISTER_COLUMNS) {
      if (column.key === "finalite") continue;
      w.keep(30);
      w.space(3);
      w.paragraph(column.label, label);
      // Short labels read better on one line than as a long bulleted column.
      const lines = column.key === "donnees" ? [row[column.key].join(", ")] : row[column.key];
      for (const line of lines)
        w.paragraph(lines.length > 1 ? `- ${line}` : line, { ...body, indent: 8, hanging: lines.length > 1 ? 8 : 0 });
    }
  });

  w.newPage();
  w.paragraph("Flux de données vers les destinataires", { font: bold, size: 14, color: PRIMARY });
  w.paragraph("Liste fermée des données transmissibles par destinataire et par finalité.", { ...body, color: INK_2 });
  for (const flow of model.flows) {
    w.space(6);
    w.rule();
    w.keep(70);
    w.paragraph(`${flow.recipient} — ${flow.finality}`, { font: bold, size: 11, hanging: 12 });
    const details: [string, string][] = [
      ["Base légale", flow.legalBasis],
      ["Données", `${flow.fields.join(", ")}${flow.pseudonymised ? " (pseudonymisées)" : ""}`],
      ["Déclencheur", flow.trigger],
      ["Fréquence", flow.frequency],
      ["Conservation chez le destinataire", flow.retention],
      ...(flow.toConfirm ? ([["À vérifier", flow.toConfirm]] as [string, string][]) : []),
    ];
    for (const [name, value] of details) w.paragraph(`${name} : ${value}`, { ...body, indent: 8, hanging: 8 });
  }

  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    const footer = pdfText(`${model.title} — ${scope} — page ${i + 1} sur ${total}`);
    drawLine(page, footer, { x: MARGIN.side, y: MARGIN.bottom / 2, size: 8, font: regular, color: INK_2 });
  });
  return doc.save();
}
