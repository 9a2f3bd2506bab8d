/**
 * The sign-in sheet (feuille d'émargement) of a séance: A4, Helvetica, one line per participant with a
 * signature box; once the séance is closed each line also says whether the young person came.
 * Every string goes through toWinAnsi: pdf-lib's standard fonts only encode Windows-1252.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDate, formatDateTime, formatTime } from "@/lib/format/fr";
import { toWinAnsi } from "@/lib/pdf/win-ansi";
import { parisWallClock } from "./paris-time";
import { PRESENCE_LABELS, SEANCE_TYPE_LABELS, type Presence, type SeanceType } from "./rules";

export interface EmargementInput {
  structureName: string;
  seance: { type: SeanceType; titre: string; debut: Date; fin: Date; lieu: string | null; annuleeLe: Date | null; clotureeLe: Date | null };
  animateurName: string | null;
  participants: { name: string; presence: Presence }[];
  generatedAt: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const INK = rgb(0.086, 0.086, 0.086);
const BLUE = rgb(0, 0, 0.569);
const GREY = rgb(0.4, 0.4, 0.4);
const LINE = rgb(0.6, 0.6, 0.6);
const ROW = 34;

function fit(text: string, font: PDFFont, size: number, width: number): string {
  let out = toWinAnsi(text);
  if (font.widthOfTextAtSize(out, size) <= width) return out;
  while (out.length > 1 && font.widthOfTextAtSize(`${out}…`, size) > width) out = out.slice(0, -1);
  return `${out}…`;
}

export async function renderEmargementPdf(input: EmargementInput): Promise<Uint8Array> {
  const { seance } = input;
  const closed = seance.clotureeLe !== null;
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(`Feuille d'émargement - ${seance.titre}`));
  doc.setAuthor(toWinAnsi(input.structureName));
  doc.setLanguage("fr-FR");
  doc.setCreator("Sillage");
  doc.setProducer("Sillage");
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - 2 * MARGIN;

  // Columns: number, name, presence (after closing), signature.
  const cols = closed ? [28, 200, 110, width - 338] : [28, 260, 0, width - 288];
  const x0 = MARGIN;
  const xs = [x0, x0 + cols[0]!, x0 + cols[0]! + cols[1]!, x0 + cols[0]! + cols[1]! + cols[2]!];

  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const text = (t: string, x: number, opts: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; maxWidth?: number } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 10;
    page.drawText(fit(t, font, size, opts.maxWidth ?? width - (x - MARGIN)), { x, y, size, font, color: opts.color ?? INK });
  };

  // Heading: who, what, when, where.
  y -= 12;
  text(input.structureName, MARGIN, { font: bold, size: 12, color: BLUE });
  y -= 26;
  text("Feuille d'émargement", MARGIN, { font: bold, size: 18 });
  y -= 22;
  text(`${SEANCE_TYPE_LABELS[seance.type]} : ${seance.titre}`, MARGIN, { font: bold, size: 12 });
  y -= 18;
  const day = formatDate(parisWallClock(seance.debut).date);
  text(`Date : ${day.charAt(0).toUpperCase()}${day.slice(1)}, de ${formatTime(seance.debut)} à ${formatTime(seance.fin)}`, MARGIN, { size: 11 });
  y -= 16;
  text(`Lieu : ${seance.lieu ?? "non renseigné"}`, MARGIN, { size: 11 });
  y -= 16;
  text(`${seance.type === "rendez_vous_individuel" ? "Conseiller" : "Animation"} : ${input.animateurName ?? "non renseigné"}`, MARGIN, { size: 11 });
  y -= 16;
  const status = seance.annuleeLe
    ? `Séance annulée le ${formatDateTime(seance.annuleeLe)}`
    : closed
      ? `Séance clôturée le ${formatDateTime(seance.clotureeLe!)} : présences arrêtées`
      : "Présences à compléter : chaque participant signe en face de son nom.";
  text(status, MARGIN, { size: 10, color: GREY });
  y -= 24;

  const header = () => {
    page.drawRectangle({ x: x0, y: y - 8, width, height: 22, color: rgb(0.965, 0.965, 0.965) });
    text("N°", xs[0]! + 4, { font: bold });
    text("Nom et prénom", xs[1]! + 4, { font: bold });
    if (closed) text("Présence", xs[2]! + 4, { font: bold });
    text("Signature", xs[3]! + 4, { font: bold });
    y -= 8;
  };
  header();

  const rows = input.participants.length > 0 ? input.participants : [];
  rows.forEach((p, i) => {
    if (y - ROW < MARGIN + 60) {
      page = doc.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN - 12;
      header();
    }
    const top = y;
    y = top - ROW / 2 - 4;
    text(String(i + 1), xs[0]! + 4);
    text(p.name, xs[1]! + 4, { maxWidth: cols[1]! - 8 });
    if (closed) text(PRESENCE_LABELS[p.presence], xs[2]! + 4, { maxWidth: cols[2]! - 8 });
    // The signature box: left empty, to sign on paper.
    page.drawRectangle({ x: xs[3]! + 4, y: top - ROW + 4, width: cols[3]! - 8, height: ROW - 8, borderColor: LINE, borderWidth: 0.75 });
    y = top - ROW;
    page.drawLine({ start: { x: x0, y }, end: { x: x0 + width, y }, thickness: 0.5, color: LINE });
  });
  if (rows.length === 0) {
    y -= 20;
    text("Aucun participant inscrit.", MARGIN, { color: GREY });
  }

  if (y < MARGIN + 90) {
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  }
  y -= 36;
  text("Signature de l'animateur ou de l'animatrice :", MARGIN, { font: bold });
  page.drawRectangle({ x: MARGIN, y: y - 56, width: 220, height: 46, borderColor: LINE, borderWidth: 0.75 });

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = toWinAnsi(`Feuille d'émargement - ${seance.titre} - éditée le ${formatDateTime(input.generatedAt)} - page ${i + 1} sur ${pages.length}`);
    p.drawText(fit(label, regular, 8, width), { x: MARGIN, y: MARGIN / 2, size: 8, font: regular, color: GREY });
  });
  return doc.save();
}
