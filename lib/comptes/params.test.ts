import { describe, expect, it } from "vitest";
import { DEFAULT_COMPTES_FILTERS, comptesHref, parseComptesParams } from "./params";

describe("accounts list URL", () => {
  it("round-trips every filter", () => {
    const raw = {
      q: "martin",
      role: "conseiller",
      structure: "0190aaaa-0000-7000-8000-000000000000",
      statut: "inactif",
      connexion: "jamais",
      page: "2",
    };
    const filters = parseComptesParams(raw);
    expect(filters).toEqual({ ...raw, page: 2 });
    expect(comptesHref(filters, { page: 2 })).toBe(
      "/admin/comptes?q=martin&role=conseiller&structure=0190aaaa-0000-7000-8000-000000000000&statut=inactif&connexion=jamais&page=2",
    );
  });

  it("falls back to the defaults on odd values, never errors", () => {
    expect(parseComptesParams({ role: "jeune", structure: "x", statut: "?", connexion: "hier", page: "-3", q: ["a\u202Eb", "c"] })).toEqual(
      {
        ...DEFAULT_COMPTES_FILTERS,
        q: "ab",
      },
    );
    expect(comptesHref(DEFAULT_COMPTES_FILTERS)).toBe("/admin/comptes");
  });
});
