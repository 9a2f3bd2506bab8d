/**
 * The contract summary as PDF (A4, Helvetica), in the spirit of the cerfa 15656 (PACEA) and of the
 * contrat d'engagement (CEJ): parties, contract, phases and objectives or engagements, signature boxes.
 * No NIR, no contact or sensitive data. Every string goes through toWinAnsi (via wrapText / text()).
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { wrapText } from "@/lib/droits/pdf";
import { toWinAnsi } from "@/lib/pdf/win-ansi";
import { formatLongCivilDate, maxEndDate, type ContractKind } from "./contrats";
import { durationLabel } from "./durees";
import { CONTRAT_TYPE_LONG, PHASE_TYPE_LABELS } from "./labels";
import { motifSortieLabel } from "./motifs-sortie";

export interface Recapitulatif {
  structure: { name: string; commune: string; siret: string };
  jeune: { nom: string; prenoms: string; dateNaissance: string; mineurALaSignature: boolean };
  conseiller: string | null;
  contrat: {
    type: ContractKind;
    signeLe: string;
    debut: string;
    finPrevue: string;
    finReelle: string | null;
    motifSortie: string | null;
    prolongationMotif: string | null;
    basculeMotif: string | null;
    precedent: { type: ContractKind; debut: string } | null;
  };
  phases: { type: "diagnostic" | "accompagnement"; debut: string; fin: string; objectifs: string; bilan: string | null; bilanLe: string | null }[];
  editeLe: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const INK = rgb(0.086, 0.086, 0.086);
const BLUE = rgb(0, 0, 0.569);
const GREY = rgb(0.4, 0.4, 0.4);
const LINE = rgb(0.6, 0.6, 0.6);

const CEJ_ENGAGEMENTS = [
  "Le jeune s'engage à suivre un programme intensif de 15 à 20 heures d'activités par semaine (ateliers, immersions en entreprise, formation, démarches d'emploi, rendez-vous avec son conseiller), défini avec son conseiller et mis à jour tout au long du contrat.",
  "Le jeune s'engage à se présenter aux rendez-vous et aux activités prévus, à prévenir son conseiller en cas d'absence et à justifier ses absences. Des manquements répétés et non justifiés peuvent entraîner la réduction ou la suppression de l'allocation, et la fin du contrat.",
  "La mission locale s'engage à accompagner le jeune par un conseiller référent, à lui proposer les activités du programme et à verser, s'il remplit les conditions, l'allocation du contrat d'engagement jeune (code du travail, articles L5131-6 et D5131-19), versée chaque mois par l'ASP.",
  "Le jeune est inscrit automatiquement à France Travail, l'organisme qui aide à trouver un emploi (loi du 18 décembre 2023 pour le plein emploi).",
];

const PACEA_ENGAGEMENTS = [
  "Le PACEA se compose de phases successives : une phase de diagnostic, puis des phases d'accompagnement, chacune avec des objectifs et un bilan. Sa durée totale est de 24 mois au plus (code du travail, articles L5131-3 et suivants).",
  "Le jeune s'engage à participer aux actions et aux rendez-vous prévus dans chaque phase et à informer son conseiller de tout changement de sa situation.",
  "La mission locale s'engage à accompagner le jeune par un conseiller référent et, pendant les mois sans autres ressources, peut lui attribuer l'allocation PACEA dans la limite du plafond réglementaire.",
];

export async function renderRecapitulatifPdf(r: Recapitulatif): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const title = `Récapitulatif du contrat ${r.contrat.type}`;
  doc.setTitle(toWinAnsi(title));
  doc.setAuthor(toWinAnsi(r.structure.name));
  doc.setLanguage("fr-FR");
  doc.setCreator("Sillage");
  doc.setProducer("Sillage");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - 2 * MARGIN;
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;

  const ensure = (height: number) => {
    if (y - height < MARGIN + 24) {
      page = doc.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    }
  };
  const write = (text: string, o: { font?: PDFFont; size?: number; x?: number; maxWidth?: number; color?: ReturnType<typeof rgb>; gap?: number } = {}) => {
    const font = o.font ?? regular;
    const size = o.size ?? 10;
    const x = o.x ?? MARGIN;
    const lh = size * 1.4;
    for (const line of wrapText(text, font, size, o.maxWidth ?? width - (x - MARGIN))) {
      ensure(lh);
      y -= lh;
      page.drawText(line, { x, y, size, font, color: o.color ?? INK });
    }
    y -= o.gap ?? 0;
  };
  const heading = (text: string) => {
    ensure(48);
    y -= 10;
    page.drawRectangle({ x: MARGIN, y: y - 18, width, height: 20, color: rgb(0.93, 0.93, 0.97) });
    y -= 4;
    write(text, { font: bold, size: 11, color: BLUE, x: MARGIN + 6, gap: 6 });
  };
  const field = (label: string, value: string) => {
    const labelWidth = 170;
    const lines = wrapText(value, regular, 10, width - labelWidth);
    ensure(14 * lines.length);
    y -= 14;
    page.drawText(toWinAnsi(label), { x: MARGIN, y, size: 10, font: bold, color: INK });
    lines.forEach((line, i) => {
      if (i > 0) y -= 14;
      page.drawText(line, { x: MARGIN + labelWidth, y, size: 10, font: regular, color: INK });
    });
  };

  // Header: the structure, then the document's title and what it is (and is not).
  write(r.structure.name, { font: bold, size: 13, color: BLUE });
  write(`${r.structure.commune} · SIRET ${r.structure.siret}`, { size: 9, color: GREY, gap: 16 });
  write(title, { font: bold, size: 16, gap: 2 });
  write(CONTRAT_TYPE_LONG[r.contrat.type], { size: 11, gap: 4 });
  write(
    r.contrat.type === "PACEA"
      ? "Document de suivi établi d'après le dossier, sur le modèle du cerfa n° 15656. Il ne remplace pas le contrat signé."
      : "Document de suivi établi d'après le dossier, sur le modèle du contrat d'engagement jeune (décret n° 2022-199). Il ne remplace pas le contrat signé.",
    { size: 9, color: GREY, gap: 4 },
  );

  heading("Le jeune");
  field("Nom", r.jeune.nom);
  field("Prénom(s)", r.jeune.prenoms);
  field("Date de naissance", formatLongCivilDate(r.jeune.dateNaissance));

  heading("La mission locale");
  field("Structure", r.structure.name);
  field("Conseiller référent", r.conseiller ?? "Non renseigné");

  heading("Le contrat");
  const c = r.contrat;
  const extended = c.type === "CEJ" && !!c.prolongationMotif;
  field("Dispositif", c.type);
  field("Signé le", formatLongCivilDate(c.signeLe));
  field("Début", formatLongCivilDate(c.debut));
  field("Fin prévue", formatLongCivilDate(c.finPrevue));
  field("Durée prévue", durationLabel(c.debut, c.finPrevue));
  field("Durée maximale", `${c.type === "PACEA" ? "24 mois" : extended ? "18 mois (prolongation exceptionnelle)" : "12 mois"}, soit au plus tard le ${formatLongCivilDate(maxEndDate(c.type, c.debut, { extended }))}`);
  if (c.type === "CEJ") field("Motif de prolongation", c.prolongationMotif ?? "Aucun");
  if (c.precedent) field("Fait suite au", `${c.precedent.type} commencé le ${formatLongCivilDate(c.precedent.debut)}`);
  if (c.basculeMotif) field("Motif du changement", c.basculeMotif);
  if (c.finReelle) {
    field("Sortie le", formatLongCivilDate(c.finReelle));
    field("Durée effective", durationLabel(c.debut, c.finReelle));
    field("Motif de sortie", motifSortieLabel(c.motifSortie));
  }

  if (c.type === "PACEA") {
    heading("Phases et objectifs");
    if (r.phases.length === 0) write("Aucune phase n'est encore enregistrée. Le PACEA commence par une phase de diagnostic.", { gap: 4 });
    r.phases.forEach((p, i) => {
      ensure(40);
      y -= 4;
      write(`Phase ${i + 1} - ${PHASE_TYPE_LABELS[p.type]}, du ${formatLongCivilDate(p.debut)} au ${formatLongCivilDate(p.fin)} (${durationLabel(p.debut, p.fin)})`, { font: bold, gap: 2 });
      write(`Objectifs : ${p.objectifs}`, { x: MARGIN + 12, gap: 2 });
      write(p.bilan ? `Bilan${p.bilanLe ? ` du ${formatLongCivilDate(p.bilanLe)}` : ""} : ${p.bilan}` : "Bilan : à faire", { x: MARGIN + 12, gap: 4 });
    });
  }

  heading("Engagements");
  for (const paragraph of c.type === "CEJ" ? CEJ_ENGAGEMENTS : PACEA_ENGAGEMENTS) write(paragraph, { gap: 6 });

  // Signature boxes side by side.
  ensure(130);
  y -= 6;
  write(`Fait à ${r.structure.commune}, le ____________________, en deux exemplaires.`, { gap: 10 });
  const boxWidth = (width - 20) / 2;
  const boxHeight = 90;
  const boxes = [
    r.jeune.mineurALaSignature ? "Le jeune et son représentant légal" : "Le jeune",
    "La mission locale, représentée par le conseiller référent",
  ];
  boxes.forEach((label, i) => {
    const x = MARGIN + i * (boxWidth + 20);
    page.drawRectangle({ x, y: y - boxHeight, width: boxWidth, height: boxHeight, borderColor: LINE, borderWidth: 1 });
    const lines = wrapText(label, bold, 10, boxWidth - 16);
    lines.forEach((line, j) => page.drawText(line, { x: x + 8, y: y - 16 - j * 13, size: 10, font: bold, color: INK }));
    page.drawText(toWinAnsi("Date et signature :"), { x: x + 8, y: y - 20 - lines.length * 13, size: 9, font: regular, color: GREY });
  });
  y -= boxHeight;

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = `${title} · édité le ${formatLongCivilDate(r.editeLe)} · page ${i + 1} sur ${pages.length}`;
    p.drawText(toWinAnsi(label), { x: MARGIN, y: MARGIN / 2, size: 8, font: regular, color: GREY });
  });
  return doc.save();
}
