/**
 * The contract summary as PDF (A4, DejaVu Sans), in the spirit of the cerfa 15656 (PACEA) and of the
 * contrat d'engagement (CEJ): parties, contract, phases and objectives or engagements, signature boxes.
 * No NIR, no contact or sensitive data. Every string is drawn through the flow (lib/pdf/flow.ts).
 */
import { rgb } from "pdf-lib";
import { BLUE, GREY, INK, createFlow } from "@/lib/pdf/flow";
import { metadataText } from "@/lib/pdf/text";
import { maxEndDate, type ContractKind } from "./contrats";
import { formatLongCivilDate } from "@/lib/format/fr";
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
  phases: {
    type: "diagnostic" | "accompagnement";
    debut: string;
    fin: string;
    objectifs: string;
    bilan: string | null;
    bilanLe: string | null;
  }[];
  editeLe: string;
}

const MARGIN = 50;
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
  const title = `Récapitulatif du contrat ${r.contrat.type}`;
  // The metadata keeps straight apostrophes, the text drawn typographic ones.
  const flow = await createFlow({
    title: metadataText(title),
    author: metadataText(r.structure.name),
    margin: MARGIN,
    reserve: 24,
    size: 10,
    typographicQuotes: true,
  });
  const { width } = flow;

  const heading = (text: string) => {
    flow.ensure(48);
    flow.gap(10);
    flow.page.drawRectangle({ x: MARGIN, y: flow.y - 18, width, height: 20, color: rgb(0.93, 0.93, 0.97) });
    flow.gap(4);
    flow.write(text, { bold: true, size: 11, color: BLUE, indent: 6, gap: 6 });
  };
  const field = (label: string, value: string) => {
    const labelWidth = 170;
    const lines = flow.wrap(value, { maxWidth: width - labelWidth });
    flow.ensure(14 * lines.length);
    flow.gap(14);
    flow.draw(label, { x: MARGIN, y: flow.y, size: 10, bold: true, color: INK });
    lines.forEach((line, i) => {
      if (i > 0) flow.gap(14);
      flow.draw(line, { x: MARGIN + labelWidth, y: flow.y, size: 10, color: INK });
    });
  };

  // Header: the structure, then the document's title and what it is (and is not).
  flow.write(r.structure.name, { bold: true, size: 13, color: BLUE });
  flow.write(`${r.structure.commune} · SIRET ${r.structure.siret}`, { size: 9, color: GREY, gap: 16 });
  flow.write(title, { bold: true, size: 16, gap: 2 });
  flow.write(CONTRAT_TYPE_LONG[r.contrat.type], { size: 11, gap: 4 });
  flow.write(
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
  field(
    "Durée maximale",
    `${c.type === "PACEA" ? "24 mois" : extended ? "18 mois (prolongation exceptionnelle)" : "12 mois"}, soit au plus tard le ${formatLongCivilDate(maxEndDate(c.type, c.debut, { extended }))}`,
  );
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
    if (r.phases.length === 0)
      flow.write("Aucune phase n'est encore enregistrée. Le PACEA commence par une phase de diagnostic.", { gap: 4 });
    r.phases.forEach((p, i) => {
      flow.heading(
        `Phase ${i + 1} - ${PHASE_TYPE_LABELS[p.type]}, du ${formatLongCivilDate(p.debut)} au ${formatLongCivilDate(p.fin)} (${durationLabel(p.debut, p.fin)})`,
        { keep: 40, before: 4, gap: 2 },
      );
      flow.write(`Objectifs : ${p.objectifs}`, { indent: 12, gap: 2 });
      flow.write(p.bilan ? `Bilan${p.bilanLe ? ` du ${formatLongCivilDate(p.bilanLe)}` : ""} : ${p.bilan}` : "Bilan : à faire", {
        indent: 12,
        gap: 4,
      });
    });
  }

  heading("Engagements");
  for (const paragraph of c.type === "CEJ" ? CEJ_ENGAGEMENTS : PACEA_ENGAGEMENTS) flow.write(paragraph, { gap: 6 });

  // Signature boxes side by side.
  flow.ensure(130);
  flow.gap(6);
  flow.write(`Fait à ${r.structure.commune}, le ____________________, en deux exemplaires.`, { gap: 10 });
  const boxWidth = (width - 20) / 2;
  const boxHeight = 90;
  const boxes = [
    r.jeune.mineurALaSignature ? "Le jeune et son représentant légal" : "Le jeune",
    "La mission locale, représentée par le conseiller référent",
  ];
  boxes.forEach((label, i) => {
    const x = MARGIN + i * (boxWidth + 20);
    const { page, y } = flow;
    page.drawRectangle({ x, y: y - boxHeight, width: boxWidth, height: boxHeight, borderColor: LINE, borderWidth: 1 });
    const lines = flow.wrap(label, { bold: true, maxWidth: boxWidth - 16 });
    lines.forEach((line, j) => flow.draw(line, { x: x + 8, y: y - 16 - j * 13, size: 10, bold: true, color: INK }));
    flow.draw("Date et signature :", { x: x + 8, y: y - 20 - lines.length * 13, size: 9, color: GREY });
  });
  flow.gap(boxHeight);

  // Straight apostrophes in the footer, as in the metadata.
  flow.footer((page, pages) => metadataText(`${title} · édité le ${formatLongCivilDate(r.editeLe)} · page ${page} sur ${pages}`));
  return flow.save();
}
