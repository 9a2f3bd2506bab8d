import { describe, expect, it } from "vitest";
import { FINALITIES, FINALITY_LIST } from "./finalities";
import { FLOW_LIST } from "./flows";
import { REGISTER_COLUMNS, buildRegister, registerTable, securityMeasuresFor } from "./register";
import { TEST_CONTEXT } from "./test-context";

const generatedAt = new Date("2026-11-25T08:30:00Z");
const lyon = { structureName: "Mission locale de Lyon", dpoEmail: "dpo@ml-lyon.demo" };

describe("buildRegister", () => {
  const model = buildRegister(TEST_CONTEXT, lyon, generatedAt);

  it("has one row per finality, in data-map order, with every column filled", () => {
    expect(model.rows.map((r) => r.finalityId)).toEqual(FINALITY_LIST.map((f) => f.id));
    for (const row of model.rows) {
      for (const column of REGISTER_COLUMNS) expect(row[column.key].length, `${row.finalityId}.${column.key}`).toBeGreaterThan(0);
      expect(row.transferts).toEqual(["Aucun"]);
    }
  });

  it("names the legal basis with its article and the reference texts", () => {
    const cej = model.rows.find((r) => r.finalityId === "cej");
    expect(cej?.baseLegale).toEqual(["Mission d'intérêt public (RGPD, art. 6-1-e)"]);
    expect(cej?.references.join(" ")).toContain("L5131-6");
    expect(model.rows.find((r) => r.finalityId === "droits")?.baseLegale).toEqual(["Obligation légale (RGPD, art. 6-1-c)"]);
  });

  it("lists internal staff and each flow's recipient", () => {
    const c2s = model.rows.find((r) => r.finalityId === "c2s");
    expect(c2s?.destinataires[0]).toMatch(/Personnels habilités/);
    expect(c2s?.destinataires.some((d) => d.startsWith("Assurance maladie (CNAM et CPAM)"))).toBe(true);
    const stats = model.rows.find((r) => r.finalityId === "statistiques");
    expect(stats?.destinataires.filter((d) => d.includes("pseudonymisées"))).toHaveLength(2);
  });

  it("writes retention from the settings and names the setting keys", () => {
    const conservation = model.rows.find((r) => r.finalityId === "cej")?.conservation.join(" ");
    expect(conservation).toContain("25 ans révolus");
    expect(conservation).toContain("la veille des 28 ans");
    expect(conservation).toContain("10 ans après la fin du contrat");
    expect(conservation).toContain("paramètre « Durées de conservation »");
    const moved = buildRegister({ ...TEST_CONTEXT, retention: { ...TEST_CONTEXT.retention!, cejAnneesApresFin: 12 } }, lyon, generatedAt);
    expect(moved.rows.find((r) => r.finalityId === "cej")?.conservation.join(" ")).toContain("12 ans après la fin du contrat");
    const fse = model.rows.find((r) => r.finalityId === "accompagnement")?.conservation.join(" ");
    expect(fse).toContain("19 ans après le dernier enregistrement");
  });

  it("adds the NIR encryption only where the NIR is processed, pseudonymisation only where flows are pseudonymised", () => {
    expect(securityMeasuresFor({ ...FINALITIES.cej, id: "cej" }).join(" ")).toMatch(/NIR chiffré/);
    expect(securityMeasuresFor({ ...FINALITIES.allocation, id: "allocation" }).join(" ")).not.toMatch(/NIR/);
    expect(securityMeasuresFor({ ...FINALITIES.statistiques, id: "statistiques" }).join(" ")).toMatch(/Pseudonymisation/);
    for (const row of model.rows) {
      expect(row.securite.join(" ")).toMatch(/Journal d'audit en ajout seul/);
      expect(row.securite.join(" ")).toMatch(/rôle/);
      expect(row.securite.join(" ")).toMatch(/Journal des consultations/);
      expect(row.securite.join(" ")).toMatch(/limité à la mission locale/);
    }
  });

  it("names the reader's mission locale as joint controller, or every mission locale for the admin", () => {
    expect(model.jointControllers.map((c) => c.name)).toEqual([
      "Mission locale de Lyon",
      "France Travail (directeur général)",
      "DSIML (président)",
    ]);
    const all = buildRegister(TEST_CONTEXT, { structureName: null, dpoEmail: null }, generatedAt);
    expect(all.jointControllers[0]?.name).toBe("Chaque mission locale");
  });

  it("lists every flow with its field labels", () => {
    expect(model.flows.map((f) => f.id)).toEqual(FLOW_LIST.map((f) => f.id));
    const asp = model.flows.find((f) => f.id === "asp.allocation");
    expect(asp?.fields).toContain("IBAN");
    expect(model.flows.find((f) => f.id === "cte.statistiques")?.toConfirm).toBeTruthy();
  });

  it("makes a table: the header row, then one row per finality", () => {
    const table = registerTable(model);
    expect(table[0]).toEqual(REGISTER_COLUMNS.map((c) => c.label));
    expect(table).toHaveLength(FINALITY_LIST.length + 1);
    expect(table[1]?.[0]).toBe(FINALITIES.accompagnement.name);
  });
});
