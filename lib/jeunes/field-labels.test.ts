import { describe, expect, it } from "vitest";
import { getTableColumns } from "drizzle-orm";
import { jeunes } from "@/db/schema";
import { JEUNE_FIELD_LABELS, PROTECTION_LABELS, fieldLabel, fieldLabels, valueLabel } from "./field-labels";

describe("dossier field labels", () => {
  it("names every column of the dossier a person can change, in French", () => {
    const technical = new Set(["id", "searchText", "version", "createdAt", "updatedAt"]);
    const missing = Object.keys(getTableColumns(jeunes)).filter((c) => !technical.has(c) && !(c in JEUNE_FIELD_LABELS));
    expect(missing).toEqual([]);
  });

  it("shows the three NIR columns as one change and keeps the order", () => {
    expect(fieldLabels(["telephone", "nirEncrypted", "nirHmac", "email"])).toEqual([
      "Téléphone",
      "Numéro de sécurité sociale",
      "Adresse e-mail",
    ]);
  });

  it("shows an unknown field as stored rather than hiding it", () => {
    expect(fieldLabel("nouveauChamp")).toBe("nouveauChamp");
  });

  it("covers every legal protection the database accepts", () => {
    expect(Object.keys(PROTECTION_LABELS).sort()).toEqual(["aucune", "curatelle", "sauvegarde", "tutelle"]);
    expect(valueLabel(PROTECTION_LABELS, "tutelle")).toBe("Tutelle");
    expect(valueLabel(PROTECTION_LABELS, "")).toBeNull();
  });
});
