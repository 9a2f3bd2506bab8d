import { describe, expect, it } from "vitest";
import { agendaHref, parseAgendaFilters } from "./params";

describe("agenda URL", () => {
  it("keeps the week and the filters, and ignores unknown values", () => {
    expect(agendaHref({ year: 2026, week: 48 }, { type: "atelier", mine: true })).toBe("/agenda?semaine=2026-W48&type=atelier&mes=1");
    expect(agendaHref(null, { type: null, mine: false })).toBe("/agenda");
    expect(parseAgendaFilters({ type: "atelier", mes: "1" })).toEqual({ type: "atelier", mine: true });
    expect(parseAgendaFilters({ type: "drop table", mes: "yes" })).toEqual({ type: null, mine: false });
  });
});
