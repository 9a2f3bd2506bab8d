import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { NO_PDFTOTEXT, PDFTOTEXT, UNICODE_NAMES, readingText } from "@/test/pdf-text";
import { renderRecapitulatifPdf, type Recapitulatif } from "./recapitulatif-pdf";

const summary = (n: (typeof UNICODE_NAMES)[number]): Recapitulatif => ({
  structure: { name: "Mission locale de Lyon", commune: "Lyon", siret: "12345678900011" },
  jeune: { nom: n.nom.toUpperCase(), prenoms: n.prenoms, dateNaissance: "2006-03-14", mineurALaSignature: false },
  conseiller: "Camille Martin",
  contrat: {
    type: "PACEA",
    signeLe: "2026-01-05",
    debut: "2026-01-05",
    finPrevue: "2027-01-04",
    finReelle: null,
    motifSortie: null,
    prolongationMotif: null,
    basculeMotif: null,
    precedent: null,
  },
  phases: [
    { type: "diagnostic", debut: "2026-01-05", fin: "2026-02-04", objectifs: `Bilan avec ${n.prenoms}`, bilan: null, bilanLe: null },
  ],
  editeLe: "2026-11-25",
});

describe("renderRecapitulatifPdf", () => {
  for (const n of UNICODE_NAMES) {
    it(`prints « ${n.prenoms} ${n.nom} » as typed`, async (ctx) => {
      const bytes = await renderRecapitulatifPdf(summary(n));
      expect((await PDFDocument.load(bytes)).getTitle()).toBe("Récapitulatif du contrat PACEA");
      ctx.skip(!PDFTOTEXT, NO_PDFTOTEXT);
      // pdftotext reads the label column, then the value column.
      const text = readingText(bytes);
      expect(text).toMatch(/Le jeune Nom Prénom\(s\) Date de naissance /);
      expect(text).toContain(`${n.nom.toUpperCase()} ${n.prenoms} 14 mars 2006`);
      expect(text).toContain(`Objectifs : Bilan avec ${n.prenoms}`);
    });
  }
});
