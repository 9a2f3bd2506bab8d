import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { NO_PDFTOTEXT, PDFTOTEXT, UNICODE_NAMES, readingText } from "@/test/pdf-text";
import { renderEmargementPdf, type EmargementInput } from "./emargement-pdf";

const base: EmargementInput = {
  structureName: "Mission locale de Lyon",
  seance: {
    type: "atelier",
    titre: "Atelier CV — « premiers pas »",
    debut: new Date("2026-11-24T08:30:00Z"),
    fin: new Date("2026-11-24T10:30:00Z"),
    lieu: "Salle Rhône, 12 rue Garibaldi",
    annuleeLe: null,
    clotureeLe: null,
  },
  animateurName: "Camille Martin",
  participants: [
    { name: "DUPONT Léa", presence: "present" },
    { name: "NGUYEN Chloé", presence: "absent_excuse" },
    { name: "GIRARD Tom", presence: "absent_non_excuse" },
  ],
  generatedAt: new Date("2026-11-25T09:00:00Z"),
};

const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));

function textOf(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "emargement-"));
  try {
    const file = path.join(dir, "f.pdf");
    writeFileSync(file, bytes);
    return execFileSync(pdftotext!, ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("renderEmargementPdf", () => {
  it("is a French PDF titled after the séance", async () => {
    const bytes = await renderEmargementPdf(base);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Feuille d'émargement - Atelier CV — « premiers pas »");
    expect(doc.getPageCount()).toBe(1);
  });

  it.skipIf(!pdftotext)(
    "lists structure, séance, Paris times, place, animateur and each participant; no presence before closing",
    async () => {
      const text = textOf(await renderEmargementPdf(base));
      for (const expected of [
        "Mission locale de Lyon",
        "Feuille d'émargement",
        "Atelier : Atelier CV",
        "Mardi 24 novembre 2026, de 9 h 30 à 11 h 30",
        "Salle Rhône",
        "Animation : Camille Martin",
        "DUPONT Léa",
        "NGUYEN Chloé",
        "GIRARD Tom",
        "Signature",
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain("Présent");
      expect(text).not.toContain("Absent");
    },
  );

  it.skipIf(!pdftotext)("shows each line's presence once the séance is closed", async () => {
    const text = textOf(await renderEmargementPdf({ ...base, seance: { ...base.seance, clotureeLe: new Date("2026-11-24T11:00:00Z") } }));
    expect(text).toMatch(/DUPONT Léa\s+Présent/);
    expect(text).toMatch(/NGUYEN Chloé\s+Absent excusé/);
    expect(text).toMatch(/GIRARD Tom\s+Absent non excusé/);
    expect(text).toContain("Séance clôturée le 24 novembre 2026 à 12 h 00");
  });

  it("runs over several pages for a large information collective", async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ name: `PARTICIPANT ${i + 1} Ștefan`, presence: "prevu" as const }));
    const bytes = await renderEmargementPdf({ ...base, seance: { ...base.seance, type: "information_collective" }, participants: many });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
    if (pdftotext) expect(textOf(bytes)).toContain("PARTICIPANT 45 Ștefan");
  });

  it("prints participants' and the animateur's names in other alphabets as typed", async (ctx) => {
    const participants = UNICODE_NAMES.map((n) => ({ name: `${n.nom.toUpperCase()} ${n.prenoms}`, presence: "present" as const }));
    const bytes = await renderEmargementPdf({ ...base, animateurName: "Zoë Ğündüz", participants });
    ctx.skip(!PDFTOTEXT, NO_PDFTOTEXT);
    const text = readingText(bytes);
    for (const p of participants) expect(text).toContain(p.name);
    expect(text).toContain("Animation : Zoë Ğündüz");
  });
});
