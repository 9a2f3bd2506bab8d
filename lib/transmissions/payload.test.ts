import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELDS, isBlockedField } from "@/lib/data-map/categories";
import { FLOW_LIST, allowedFields } from "@/lib/data-map/flows";
import { canonicalJson } from "@/lib/crypto/keys";
import { buildPayload } from "./enqueue";
import { GENESIS_HASH, describeVerification, ledgerHash } from "./ledger";
import { MAX_ATTEMPTS, backoffMs } from "./worker";

const FIELD_IDS = FIELDS.map((f) => f.id as string);
const SENSITIVE = ["sante", "situationJustice", "commentaire"];

describe("buildPayload", () => {
  it("keeps, for every flow, exactly the allowed fields that were given — never a blocked one", () => {
    const everything = Object.fromEntries(FIELD_IDS.map((id) => [id, `valeur-${id}`]));
    for (const flow of FLOW_LIST) {
      const { payload, fieldNames } = buildPayload(flow.recipient, flow.finality, everything);
      const allowed = [...allowedFields(flow.recipient, flow.finality)].sort();
      expect(fieldNames, flow.id).toEqual(allowed);
      expect(Object.keys(payload).sort(), flow.id).toEqual(allowed);
      for (const name of fieldNames) expect(isBlockedField(name as never), `${flow.id}/${name}`).toBe(false);
      for (const name of SENSITIVE) expect(payload, `${flow.id}/${name}`).not.toHaveProperty(name);
    }
  });

  it("never lets a key outside the whitelist through, whatever the input", () => {
    const key = fc.oneof(fc.constantFrom(...FIELD_IDS, ...SENSITIVE, "__proto__", "constructor"), fc.string());
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object(), fc.date());
    fc.assert(
      fc.property(fc.constantFrom(...FLOW_LIST), fc.dictionary(key, value), (flow, data) => {
        const allowed = allowedFields(flow.recipient, flow.finality) as ReadonlySet<string>;
        const { payload, fieldNames } = buildPayload(flow.recipient, flow.finality, data);
        expect(Object.keys(payload)).toEqual(fieldNames);
        for (const name of fieldNames) expect(allowed.has(name)).toBe(true);
        for (const name of SENSITIVE) expect(fieldNames).not.toContain(name);
        for (const v of Object.values(payload)) expect(v === null || ["string", "number", "boolean"].includes(typeof v)).toBe(true);
      }),
    );
  });

  it("gives nothing for a recipient × finality without a flow", () => {
    expect(buildPayload("asp", "cej", { nomNaissance: "Dupont" }).fieldNames).toEqual([]);
  });
});

describe("ledgerHash", () => {
  const entry = {
    id: 7,
    at: new Date("2026-11-25T09:00:00.123Z"),
    transmissionId: "0190f5d2-0000-7000-8000-000000000001",
    jeuneId: "0190f5d2-0000-7000-8000-000000000002",
    structureId: "0190f5d2-0000-7000-8000-000000000003",
    event: "creee" as const,
    recipient: "franceTravail" as const,
    finality: "cej" as const,
    legalBasis: "6-1-e" as const,
    fieldNames: ["nomNaissance", "prenoms"],
    payloadHash: "abc",
    detail: { kind: "inscription", tentative: 1 },
    prevHash: GENESIS_HASH,
  };

  it("does not depend on key order, and changes with any field, the id or the previous hash", () => {
    const base = ledgerHash(entry);
    expect(ledgerHash({ ...entry, detail: { tentative: 1, kind: "inscription" } })).toBe(base);
    expect(canonicalJson(entry.detail)).toBe(canonicalJson({ tentative: 1, kind: "inscription" }));
    expect(ledgerHash({ ...entry, id: 8 })).not.toBe(base);
    expect(ledgerHash({ ...entry, prevHash: "1".repeat(64) })).not.toBe(base);
    expect(ledgerHash({ ...entry, fieldNames: ["nomNaissance"] })).not.toBe(base);
    expect(ledgerHash({ ...entry, at: new Date(entry.at.getTime() + 1) })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it("describes the verification in French", () => {
    expect(describeVerification({ ok: true, count: 1 })).toBe(
      "Registre des transmissions intègre : 1 entrée vérifiée, la chaîne est continue.",
    );
    expect(describeVerification({ ok: false, brokenAt: 12, reason: "chain", count: 11 })).toContain("ALTÉRÉ à l'entrée n° 12");
  });
});

describe("backoffMs", () => {
  it("doubles from one minute", () => {
    expect(Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });
});
