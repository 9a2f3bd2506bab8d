import { describe, expect, it } from "vitest";
import {
  DEFAULT_TRANSMISSION_FILTERS,
  hasTransmissionNarrowing,
  parseTransmissionParams,
  transmissionsCsvHref,
  transmissionsHref,
} from "./admin-params";

describe("transfers page filters in the URL", () => {
  it("no parameter: every transfer, page 1", () => {
    expect(parseTransmissionParams({})).toEqual(DEFAULT_TRANSMISSION_FILTERS);
    expect(hasTransmissionNarrowing(parseTransmissionParams({}))).toBe(false);
  });

  it("reads every filter", () => {
    const f = parseTransmissionParams({
      destinataire: "asp",
      statut: "rejetee",
      finalite: "allocation",
      du: "2026-11-01",
      au: "2026-11-30",
      structure: "0193a4b2-0000-7000-8000-0000000000aa",
      page: "3",
    });
    expect(f).toEqual({
      recipient: "asp",
      statut: "rejetee",
      finality: "allocation",
      du: "2026-11-01",
      au: "2026-11-30",
      structureId: "0193a4b2-0000-7000-8000-0000000000aa",
      page: 3,
    });
    expect(hasTransmissionNarrowing(f)).toBe(true);
  });

  it("odd values fall back to their default, one by one, never an error", () => {
    const f = parseTransmissionParams({
      destinataire: "nsa",
      statut: "perdue",
      finalite: "<script>",
      du: "2026-02-30",
      au: "hier",
      structure: "1; drop table",
      page: "-4",
    });
    expect(f).toEqual(DEFAULT_TRANSMISSION_FILTERS);
    expect(parseTransmissionParams({ page: "abc" }).page).toBe(1);
    expect(parseTransmissionParams({ page: "99999999" }).page).toBe(1);
    expect(parseTransmissionParams({ du: "1900-01-01" }).du).toBeNull();
    expect(parseTransmissionParams({ destinataire: ["franceTravail", "asp"] }).recipient).toBe("franceTravail");
    expect(parseTransmissionParams({ destinataire: "", statut: "" })).toEqual(DEFAULT_TRANSMISSION_FILTERS);
  });

  it("an end before the start is dropped, the start kept", () => {
    expect(parseTransmissionParams({ du: "2026-11-10", au: "2026-11-01" })).toMatchObject({ du: "2026-11-10", au: null });
    expect(parseTransmissionParams({ du: "2026-11-10", au: "2026-11-10" })).toMatchObject({ du: "2026-11-10", au: "2026-11-10" });
  });

  it("links keep the filters, reset the page unless asked, and point the CSV at the same selection", () => {
    const f = parseTransmissionParams({ destinataire: "asp", statut: "rejetee", page: "2" });
    expect(transmissionsHref(f)).toBe("/transmissions?destinataire=asp&statut=rejetee");
    expect(transmissionsHref(f, { page: 4 })).toBe("/transmissions?destinataire=asp&statut=rejetee&page=4");
    expect(transmissionsHref(DEFAULT_TRANSMISSION_FILTERS)).toBe("/transmissions");
    expect(transmissionsCsvHref(f)).toBe("/transmissions/export.csv?destinataire=asp&statut=rejetee");
    expect(parseTransmissionParams(Object.fromEntries(new URLSearchParams(transmissionsHref(f, { page: 4 }).split("?")[1])))).toEqual({
      ...f,
      page: 4,
    });
  });
});
