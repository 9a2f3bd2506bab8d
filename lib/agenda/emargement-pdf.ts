/**
 * The sign-in sheet (feuille d'émargement) of a séance: A4, DejaVu Sans, one line per participant with a
 * signature box; once the séance is closed each line also says whether the young person came.
 * Every string is drawn through the flow (lib/pdf/flow.ts): names print as typed.
 */
import { rgb } from "pdf-lib";
import { formatDate, formatDateTime, formatTime } from "@/lib/format/fr";
import { BLUE, GREY, createFlow } from "@/lib/pdf/flow";
import { parisWallClock } from "@/lib/calendar/paris-time";
import { PRESENCE_LABELS, SEANCE_TYPE_LABELS, type Presence, type SeanceType } from "./rules";

export interface EmargementInput {
  structureName: string;
  seance: { type: SeanceType; titre: string; debut: Date; fin: Date; lieu: string | null; annuleeLe: Date | null; clotureeLe: Date | null };
  animateurName: string | null;
  participants: { name: string; presence: Presence }[];
  generatedAt: Date;
}

const MARGIN = 48;
const LINE = rgb(0.6, 0.6, 0.6);
const ROW = 34;

export async function renderEmargementPdf(input: EmargementInput): Promise<Uint8Array> {
  const { seance } = input;
  const closed = seance.clotureeLe !== null;
  // Nothing goes lower than 60 points above the bottom margin: a row (or the animateur's box) that would go lower starts a new page.
  const flow = await createFlow({
    title: `Feuille d'émargement - ${seance.titre}`,
    author: input.structureName,
    createdAt: input.generatedAt,
    margin: MARGIN,
    reserve: 60,
    size: 10,
  });
  const { width } = flow;

  // Columns: number, name, presence (after closing), signature; their left edges from the margin.
  const cols = closed ? [28, 200, 110, width - 338] : [28, 260, 0, width - 288];
  const xs = [0, cols[0]!, cols[0]! + cols[1]!, cols[0]! + cols[1]! + cols[2]!];

  // Heading: who, what, when, where.
  flow.gap(12);
  flow.text(input.structureName, { bold: true, size: 12, color: BLUE });
  flow.gap(26);
  flow.text("Feuille d'émargement", { bold: true, size: 18 });
  flow.gap(22);
  flow.text(`${SEANCE_TYPE_LABELS[seance.type]} : ${seance.titre}`, { bold: true, size: 12 });
  flow.gap(18);
  const day = formatDate(parisWallClock(seance.debut).date);
  flow.text(`Date : ${day.charAt(0).toUpperCase()}${day.slice(1)}, de ${formatTime(seance.debut)} à ${formatTime(seance.fin)}`, {
    size: 11,
  });
  flow.gap(16);
  flow.text(`Lieu : ${seance.lieu ?? "non renseigné"}`, { size: 11 });
  flow.gap(16);
  flow.text(`${seance.type === "rendez_vous_individuel" ? "Conseiller" : "Animation"} : ${input.animateurName ?? "non renseigné"}`, {
    size: 11,
  });
  flow.gap(16);
  const status = seance.annuleeLe
    ? `Séance annulée le ${formatDateTime(seance.annuleeLe)}`
    : closed
      ? `Séance clôturée le ${formatDateTime(seance.clotureeLe!)} : présences arrêtées`
      : "Présences à compléter : chaque participant signe en face de son nom.";
  flow.text(status, { color: GREY });
  flow.gap(24);

  const header = () => {
    flow.page.drawRectangle({ x: MARGIN, y: flow.y - 8, width, height: 22, color: rgb(0.965, 0.965, 0.965) });
    flow.text("N°", { indent: xs[0]! + 4, bold: true });
    flow.text("Nom et prénom", { indent: xs[1]! + 4, bold: true });
    if (closed) flow.text("Présence", { indent: xs[2]! + 4, bold: true });
    flow.text("Signature", { indent: xs[3]! + 4, bold: true });
    flow.gap(8);
  };
  header();

  const rows = input.participants.length > 0 ? input.participants : [];
  rows.forEach((p, i) => {
    if (flow.ensure(ROW)) {
      flow.gap(12);
      header();
    }
    const top = flow.y;
    flow.y = top - ROW / 2 - 4;
    flow.text(String(i + 1), { indent: xs[0]! + 4 });
    flow.text(p.name, { indent: xs[1]! + 4, maxWidth: cols[1]! - 8 });
    if (closed) flow.text(PRESENCE_LABELS[p.presence], { indent: xs[2]! + 4, maxWidth: cols[2]! - 8 });
    // The signature box: left empty, to sign on paper.
    flow.page.drawRectangle({
      x: MARGIN + xs[3]! + 4,
      y: top - ROW + 4,
      width: cols[3]! - 8,
      height: ROW - 8,
      borderColor: LINE,
      borderWidth: 0.75,
    });
    flow.y = top - ROW;
    flow.page.drawLine({ start: { x: MARGIN, y: flow.y }, end: { x: MARGIN + width, y: flow.y }, thickness: 0.5, color: LINE });
  });
  if (rows.length === 0) {
    flow.gap(20);
    flow.text("Aucun participant inscrit.", { color: GREY });
  }

  flow.ensure(30);
  flow.gap(36);
  flow.text("Signature de l'animateur ou de l'animatrice :", { bold: true });
  flow.page.drawRectangle({ x: MARGIN, y: flow.y - 56, width: 220, height: 46, borderColor: LINE, borderWidth: 0.75 });

  flow.footer((page, pages) =>
    flow.fit(`Feuille d'émargement - ${seance.titre} - éditée le ${formatDateTime(input.generatedAt)} - page ${page} sur ${pages}`, {
      size: 8,
    }),
  );
  return flow.save();
}
