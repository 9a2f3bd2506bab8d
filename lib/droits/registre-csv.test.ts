import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/csv";
import { registreCsv, type RegistreRow } from "./registre-csv";

const row: RegistreRow = {
  numero: "2026-0042",
  structureName: "Mission locale de Lyon",
  type: "opposition",
  finalite: "cej",
  canal: "guichet",
  recueLe: "2026-01-31",
  statut: "repondue",
  identiteVerifieeLe: "2026-01-31",
  identiteMethode: "Rencontre au guichet",
  pauses: 0,
  echeance: "2026-03-02",
  prolongeeLe: null,
  prolongationMotif: null,
  issue: "refusee",
  reponseMotif: 'Motif "légal"; suite',
  reponduLe: "2026-02-20",
  closeLe: null,
};

describe("register CSV", () => {
  it("starts with a BOM and a French header, ;-separated, CRLF", () => {
    const csv = registreCsv([row]);
    expect(csv.startsWith("\uFEFFNuméro;Mission locale;Droit exercé;")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `2026-0042;Mission locale de Lyon;Opposition;Contrat d'engagement jeune (CEJ);Au guichet (conseiller mandataire);31/01/2026;Répondue;31/01/2026;Rencontre au guichet;0;02/03/2026;;;Refusée;"Motif ""légal""; suite";20/02/2026;`,
    );
    expect(lines[2]).toBe("");
  });

  it("neutralises formulas and quotes separators", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("ligne\nsuivante")).toBe('"ligne\nsuivante"');
  });
});
