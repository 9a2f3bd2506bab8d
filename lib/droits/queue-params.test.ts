import { describe, expect, it } from "vitest";
import { DEFAULT_QUEUE_FILTERS, hasQueueNarrowing, parseQueueParams, queueHref } from "./queue-params";

describe("queue parameters", () => {
  it("defaults to the open requests, page 1", () => {
    expect(parseQueueParams({})).toEqual(DEFAULT_QUEUE_FILTERS);
    expect(hasQueueNarrowing(parseQueueParams({}))).toBe(false);
  });

  it("reads each filter and ignores odd values", () => {
    expect(parseQueueParams({ statut: "prolongee", type: "acces", retard: "1", page: "3" })).toEqual({
      statut: "prolongee",
      type: "acces",
      retard: true,
      page: 3,
    });
    expect(parseQueueParams({ statut: "n'importe", type: "x", retard: "peut-être", page: "-2" })).toEqual(DEFAULT_QUEUE_FILTERS);
    expect(parseQueueParams({ statut: ["toutes", "close"], type: "" })).toEqual({ ...DEFAULT_QUEUE_FILTERS, statut: "toutes" });
  });

  it("round-trips through the link, back to page 1 when a filter changes", () => {
    const filters = parseQueueParams({ statut: "toutes", type: "limitation", retard: "1", page: "2" });
    expect(queueHref(filters, { page: 2 })).toBe("/droits?statut=toutes&type=limitation&retard=1&page=2");
    expect(queueHref(filters, { type: null })).toBe("/droits?statut=toutes&retard=1");
    expect(queueHref(DEFAULT_QUEUE_FILTERS)).toBe("/droits");
    const back = new URL(queueHref(filters, { page: 2 }), "http://x");
    expect(parseQueueParams(Object.fromEntries(back.searchParams))).toEqual(filters);
  });
});
