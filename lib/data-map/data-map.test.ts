import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jeunes } from "@/db/schema/jeunes";
import { CATEGORY_IDS, DATA_CATEGORIES, FIELDS, fieldInfo, isBlockedField, type FieldId } from "./categories";
import { FINALITIES, FINALITY_LIST } from "./finalities";
import { FLOW_LIST, allowedFields } from "./flows";
import { RECIPIENTS, RECIPIENT_IDS } from "./recipients";
import { REFERENCES } from "./references";
import { RIGHT_IDS, rightsFor } from "./rights";

describe("data categories", () => {
  it("declares every field id once across all categories", () => {
    const ids = FIELDS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names `jeunes` fields exactly like the columns of the jeunes table, and only those", () => {
    const columns = new Set(Object.keys(getTableColumns(jeunes)));
    for (const f of FIELDS) {
      if (f.source === "jeunes") expect(columns.has(f.id), `${f.id} is not a jeunes column`).toBe(true);
      else expect(columns.has(f.id), `${f.id} is a jeunes column: mark it source "jeunes"`).toBe(false);
    }
  });

  it("flags health and justice as sensitive and never transmitted, and the counsellor's comment as never transmitted", () => {
    expect(fieldInfo("sante")).toMatchObject({ sensitive: true, neverTransmitted: true });
    expect(fieldInfo("situationJustice")).toMatchObject({ sensitive: true, neverTransmitted: true });
    expect(fieldInfo("commentaire")).toMatchObject({ neverTransmitted: true });
    expect(fieldInfo("rqth")).toMatchObject({ sensitive: true });
  });

  it("has a label and a plain-language line for every category", () => {
    for (const id of CATEGORY_IDS) {
      expect(DATA_CATEGORIES[id].label).not.toBe("");
      expect(DATA_CATEGORIES[id].falc).not.toBe("");
      expect(Object.keys(DATA_CATEGORIES[id].fields).length).toBeGreaterThan(0);
    }
  });
});

describe("flows", () => {
  it("only list fields declared in a category of their finality", () => {
    for (const flow of FLOW_LIST) {
      const declared = new Set<FieldId>(
        FINALITIES[flow.finality].categories.flatMap((c) => Object.keys(DATA_CATEGORIES[c].fields) as FieldId[]),
      );
      const undeclared = flow.fields.filter((f) => !declared.has(f));
      expect(undeclared, `${flow.id} sends fields outside its finality`).toEqual([]);
    }
  });

  it("never carry a sensitive or never-transmitted field (health, justice, RQTH, comments)", () => {
    const blocked = FIELDS.filter((f) => f.sensitive || f.neverTransmitted).map((f) => f.id);
    expect(blocked).toEqual(expect.arrayContaining(["sante", "situationJustice", "commentaire"]));
    for (const flow of FLOW_LIST) {
      const leaks = (flow.fields as readonly FieldId[]).filter((f) => blocked.includes(f) || isBlockedField(f));
      expect(leaks, `${flow.id} would send ${leaks.join(", ")}`).toEqual([]);
    }
  });

  it("list each field at most once", () => {
    for (const flow of FLOW_LIST) expect(new Set(flow.fields).size, flow.id).toBe(flow.fields.length);
  });

  it("go to defined recipients, and every defined recipient receives something", () => {
    for (const flow of FLOW_LIST) expect(RECIPIENT_IDS, flow.id).toContain(flow.recipient);
    const used = new Set(FLOW_LIST.map((f) => f.recipient));
    for (const id of RECIPIENT_IDS) expect(used.has(id), `${id} is defined but in no flow`).toBe(true);
    for (const id of RECIPIENT_IDS) expect(RECIPIENTS[id].falc).toMatch(/\S/);
  });

  it("rest on the legal basis of their finality, with a reference, a trigger, a frequency and a retention at the recipient", () => {
    for (const flow of FLOW_LIST) {
      expect(flow.legalBasis, flow.id).toBe(FINALITIES[flow.finality].legalBasis);
      expect(flow.references.length, flow.id).toBeGreaterThan(0);
      for (const r of flow.references) expect(REFERENCES[r]).toBeTruthy();
      expect(
        flow.trigger.staff && flow.trigger.falc && flow.frequency && flow.retentionAtRecipient.staff && flow.retentionAtRecipient.falc,
      ).toBeTruthy();
    }
  });

  it("keep identity out of statistics: pseudonymised flows carry no name, contact or NIR", () => {
    const identifying: FieldId[] = [
      "nomNaissance",
      "nomUsage",
      "prenoms",
      "dateNaissance",
      "telephone",
      "email",
      "adresse",
      "nirEncrypted",
      "ftIdentifiant",
    ];
    const stats = FLOW_LIST.filter((f) => f.finality === "statistiques");
    expect(stats.length).toBeGreaterThan(0);
    for (const flow of stats) {
      expect(flow.pseudonymised, flow.id).toBe(true);
      expect(
        (flow.fields as readonly FieldId[]).filter((f) => identifying.includes(f)),
        flow.id,
      ).toEqual([]);
    }
  });
});

describe("allowedFields", () => {
  it("returns the whitelist of the recipient for the finality", () => {
    const ft = allowedFields("franceTravail", "cej");
    expect(ft.has("nirEncrypted")).toBe(true);
    expect(ft.has("nomNaissance")).toBe(true);
    expect(ft.has("sante")).toBe(false);
    expect(ft.has("commentaire")).toBe(false);
    expect(ft.has("iban")).toBe(false);
    expect([...allowedFields("asp", "allocation")]).toEqual(expect.arrayContaining(["iban", "allocationMontant"]));
  });

  it("is empty when no flow exists for the pair", () => {
    expect(allowedFields("asp", "cej").size).toBe(0);
    expect(allowedFields("cnamCpam", "pacea").size).toBe(0);
  });

  it("never allows a blocked field, for any recipient and finality", () => {
    for (const recipient of RECIPIENT_IDS) {
      for (const finality of FINALITY_LIST) {
        for (const field of allowedFields(recipient, finality.id))
          expect(isBlockedField(field), `${recipient}/${finality.id}/${field}`).toBe(false);
      }
    }
  });
});

describe("finalities", () => {
  it("each have a legal basis, a reference text, data categories, persons, a retention and a rights list", () => {
    for (const f of FINALITY_LIST) {
      expect(["6-1-c", "6-1-e"], f.id).toContain(f.legalBasis);
      expect(f.references.length, f.id).toBeGreaterThan(0);
      for (const r of f.references) expect(REFERENCES[r], `${f.id}: ${r}`).toBeTruthy();
      expect(f.categories.length, f.id).toBeGreaterThan(0);
      expect(f.persons.length, f.id).toBeGreaterThan(0);
      expect(f.retention.rules.length, f.id).toBeGreaterThan(0);
      expect(f.falc.title && f.falc.why.length > 0 && f.trigger.falc, f.id).toBeTruthy();
      expect(
        rightsFor(f).map((r) => r.right),
        f.id,
      ).toEqual(RIGHT_IDS);
    }
  });

  it("cover the insertion of 16–25 year-olds, PACEA, CEJ, C2S, the allowance, statistics and the rights", () => {
    expect(FINALITY_LIST.map((f) => f.id)).toEqual(["accompagnement", "pacea", "cej", "c2s", "allocation", "statistiques", "droits"]);
  });

  it("never offer portability: every finality rests on a public-interest task or a legal obligation", () => {
    for (const f of FINALITY_LIST) {
      const portability = rightsFor(f).find((r) => r.right === "portabilite");
      expect(portability?.availability, f.id).toBe("non");
    }
  });

  it("read the C2S start date from the settings rather than from code", () => {
    expect(FINALITIES.c2s.startSetting).toBe("c2s.presomption.date_debut");
  });
});
