import { escapeLike } from "@/lib/http/search-params";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_FILTERS, hasNarrowing, parsePortefeuilleParams, parseSearchQuery, portefeuilleHref } from "./portefeuille-params";

const UUID = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("parsePortefeuilleParams", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parsePortefeuilleParams({})).toEqual(DEFAULT_FILTERS);
  });

  it("reads every filter of a well-formed URL", () => {
    expect(
      parsePortefeuilleParams({
        q: " Léa ",
        dispositif: "CEJ",
        antenne: UUID,
        conseiller: UUID.toUpperCase(),
        statut: "archive",
        alerte: "mineur",
        sortie: "2026-03",
        motif: "emploi",
        heures: "10-15",
        tri: "age",
        ordre: "desc",
        page: "3",
      }),
    ).toEqual({
      q: "Léa",
      dispositif: "CEJ",
      antenne: UUID,
      conseiller: UUID,
      statut: "archive",
      alerte: "mineur",
      entree: null,
      sortie: { from: "2026-03", to: "2026-03" },
      motif: "emploi",
      heures: "10-15",
      tri: "age",
      ordre: "desc",
      page: 3,
    });
    expect(parsePortefeuilleParams({ heures: "objectif" }).heures).toBe("objectif");
    expect(parsePortefeuilleParams({ heures: "15" }).heures).toBeNull();
    expect(portefeuilleHref({ ...DEFAULT_FILTERS, heures: "20+" })).toBe("/portefeuille?heures=20%2B");
    expect(parsePortefeuilleParams({ conseiller: "aucun", dispositif: "aucun" })).toMatchObject({
      conseiller: "aucun",
      dispositif: "aucun",
    });
  });

  it.each([["0"], ["-1"], ["abc"], ["1.5"], ["2e99"], ["99999999"], [""], ["1; drop table jeunes"], [" "]])(
    "falls back to page 1 for page=%j",
    (page) => {
      expect(parsePortefeuilleParams({ page }).page).toBe(1);
    },
  );

  it("reads a month's entries or exits, both statuses, and drops a motive without its month", () => {
    expect(parsePortefeuilleParams({ entree: "2026-11", statut: "tous" })).toMatchObject({
      entree: { from: "2026-11", to: "2026-11" },
      statut: "tous",
    });
    expect(parsePortefeuilleParams({ motif: "emploi" }).motif).toBeNull();
    expect(parsePortefeuilleParams({ entree: "2026-1" }).entree).toBeNull();
    const filters = parsePortefeuilleParams({ sortie: "2026-10", motif: "formation", statut: "tous" });
    expect(portefeuilleHref(filters)).toBe("/portefeuille?statut=tous&sortie=2026-10&motif=formation");
    expect(hasNarrowing({ ...DEFAULT_FILTERS, entree: { from: "2026-10", to: "2026-10" } })).toBe(true);
  });

  it("reads a run of months (the dashboard's period), bounds included, and ignores a reversed one", () => {
    const filters = parsePortefeuilleParams({ entree: "2025-12..2026-11", statut: "tous" });
    expect(filters.entree).toEqual({ from: "2025-12", to: "2026-11" });
    expect(portefeuilleHref(filters)).toBe("/portefeuille?statut=tous&entree=2025-12..2026-11");
    const exits = parsePortefeuilleParams({ sortie: "2026-06..2026-11", motif: "emploi" });
    expect(exits).toMatchObject({ sortie: { from: "2026-06", to: "2026-11" }, motif: "emploi" });
    expect(parsePortefeuilleParams({ entree: "2026-11..2026-06" }).entree).toBeNull();
    expect(parsePortefeuilleParams({ sortie: "2026-06..2026-13", motif: "emploi" })).toEqual(DEFAULT_FILTERS);
  });

  it("drops unknown values instead of failing", () => {
    expect(
      parsePortefeuilleParams({
        dispositif: "RSA",
        antenne: "lyon",
        conseiller: "1 or 1=1",
        statut: "aucun",
        alerte: "inconnue",
        entree: "2026-13",
        sortie: "2026-03..mars",
        motif: "emploi",
        tri: "nom; drop table jeunes",
        ordre: "sideways",
      }),
    ).toEqual(DEFAULT_FILTERS);
    expect(parsePortefeuilleParams({ dispositif: "cej" }).dispositif).toBeNull();
    expect(parsePortefeuilleParams({ antenne: `${UUID}' or '1'='1` }).antenne).toBeNull();
  });

  it("keeps the first of repeated parameters and treats empty form fields as absent", () => {
    expect(parsePortefeuilleParams({ dispositif: ["PACEA", "CEJ"], page: ["2", "5"] })).toMatchObject({ dispositif: "PACEA", page: 2 });
    expect(
      parsePortefeuilleParams({ q: "", dispositif: "", antenne: "", conseiller: "", statut: "", alerte: "", tri: "", ordre: "" }),
    ).toEqual(DEFAULT_FILTERS);
  });

  it("bounds the search text and strips control and text-direction characters", () => {
    expect(parsePortefeuilleParams({ q: "a".repeat(500) }).q).toHaveLength(100);
    expect(parsePortefeuilleParams({ q: "lea\u0000\ndupont" }).q).toBe("lea  dupont");
    expect(parsePortefeuilleParams({ q: "\u2066dupont\u202e\u200f" }).q).toBe("dupont");
    expect(parsePortefeuilleParams({ q: `${"a".repeat(99)}😀` }).q).toBe(`${"a".repeat(99)}😀`);
  });

  it("never throws, whatever the URL holds", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined))), (raw) => {
        const filters = parsePortefeuilleParams(raw);
        expect(filters.page).toBeGreaterThanOrEqual(1);
        expect(["actif", "archive"]).toContain(filters.statut);
      }),
    );
  });
});

describe("parseSearchQuery", () => {
  it("reads a French or ISO date as a birth date", () => {
    expect(parseSearchQuery("12/03/2004")).toEqual({ kind: "date", date: "2004-03-12" });
    expect(parseSearchQuery("2004-03-12")).toEqual({ kind: "date", date: "2004-03-12" });
    expect(parseSearchQuery(" 1/3/2004 ")).toEqual({ kind: "date", date: "2004-03-01" });
    expect(parseSearchQuery("12.03.2004")).toEqual({ kind: "date", date: "2004-03-12" });
    expect(parseSearchQuery("29/02/2008")).toEqual({ kind: "date", date: "2008-02-29" });
  });

  it("finds nobody for a date that does not exist", () => {
    expect(parseSearchQuery("31/02/2004")).toEqual({ kind: "invalid", reason: "date" });
    expect(parseSearchQuery("29/02/2007")).toEqual({ kind: "invalid", reason: "date" });
    expect(parseSearchQuery("2004-13-01")).toEqual({ kind: "invalid", reason: "date" });
  });

  it("reads 7 to 11 letters and digits with a digit as a France Travail identifier", () => {
    expect(parseSearchQuery("1234567A")).toEqual({ kind: "ft", value: "1234567A" });
    expect(parseSearchQuery("12345678901")).toEqual({ kind: "ft", value: "12345678901" });
    expect(parseSearchQuery("ab12cd3")).toEqual({ kind: "ft", value: "ab12cd3" });
    // Too short, too long, or no digit: a name.
    expect(parseSearchQuery("123456").kind).toBe("text");
    expect(parseSearchQuery("123456789012").kind).toBe("text");
    expect(parseSearchQuery("Lefebvre").kind).toBe("text");
    expect(parseSearchQuery("1234 567A").kind).toBe("text");
  });

  it("normalises names like jeunes.search_text and splits their words", () => {
    expect(parseSearchQuery("  Léa  LEFÈVRE-N'Diaye ")).toEqual({
      kind: "text",
      text: "lea lefevre ndiaye",
      words: ["lea", "lefevre", "ndiaye"],
    });
    expect(parseSearchQuery("")).toEqual({ kind: "none" });
    expect(parseSearchQuery("   ")).toEqual({ kind: "none" });
  });

  it("treats wildcards and injection attempts as text, punctuation alone as matching nobody", () => {
    expect(parseSearchQuery("%")).toEqual({ kind: "invalid", reason: "text" });
    expect(parseSearchQuery("' or 1=1 --")).toEqual({ kind: "text", text: "or 11", words: ["or", "11"] });
    expect(parseSearchQuery("zz%")).toEqual({ kind: "text", text: "zz", words: ["zz"] });
  });
});

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
    expect(escapeLike("dupont")).toBe("dupont");
  });
});

describe("portefeuilleHref", () => {
  it("writes only what differs from the defaults", () => {
    expect(portefeuilleHref(DEFAULT_FILTERS)).toBe("/portefeuille");
    expect(portefeuilleHref({ ...DEFAULT_FILTERS, q: "léa d", dispositif: "CEJ", page: 3 })).toBe(
      "/portefeuille?q=l%C3%A9a+d&dispositif=CEJ",
    );
    expect(portefeuilleHref({ ...DEFAULT_FILTERS, statut: "archive", tri: "nom", ordre: "desc" }, { page: 2 })).toBe(
      "/portefeuille?statut=archive&tri=nom&ordre=desc&page=2",
    );
  });

  it("round-trips through the parser", () => {
    const filters = {
      ...DEFAULT_FILTERS,
      q: "lea",
      dispositif: "PACEA" as const,
      antenne: UUID,
      alerte: "titre_sejour" as const,
      tri: "age" as const,
      ordre: "desc" as const,
      page: 4,
    };
    const href = portefeuilleHref(filters, { page: 4 });
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parsePortefeuilleParams(params)).toEqual(filters);
  });

  it("tells whether anything narrows the list", () => {
    expect(hasNarrowing(DEFAULT_FILTERS)).toBe(false);
    expect(hasNarrowing({ ...DEFAULT_FILTERS, tri: "nom", page: 3 })).toBe(false);
    expect(hasNarrowing({ ...DEFAULT_FILTERS, statut: "archive" })).toBe(true);
    expect(hasNarrowing({ ...DEFAULT_FILTERS, q: "x" })).toBe(true);
  });
});
