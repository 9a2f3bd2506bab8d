import { describe, expect, it } from "vitest";
import { dureeInputValue, parseDuree } from "./duree";

const minutes = (v: string) => {
  const r = parseDuree(v);
  if (!r.ok) throw new Error(r.message);
  return r.minutes;
};

describe("parseDuree", () => {
  it("reads hours and minutes as people type them", () => {
    expect(minutes("2 h")).toBe(120);
    expect(minutes("1 h 30")).toBe(90);
    expect(minutes("1h30")).toBe(90);
    expect(minutes("1 h 05 min")).toBe(65);
    expect(minutes("3 heures")).toBe(180);
    expect(minutes("45 min")).toBe(45);
    expect(minutes("45min")).toBe(45);
    expect(minutes("")).toBeNull();
    expect(minutes("   ")).toBeNull();
  });
  it("refuses ambiguous or impossible durations with a French explanation", () => {
    expect(parseDuree("2")).toEqual({ ok: false, message: expect.stringContaining("Précisez l'unité") });
    expect(parseDuree("1,5")).toMatchObject({ ok: false });
    expect(parseDuree("1 h 75")).toEqual({ ok: false, message: expect.stringContaining("0 à 59") });
    expect(parseDuree("0 h")).toMatchObject({ ok: false });
    expect(parseDuree("deux heures")).toMatchObject({ ok: false });
    expect(parseDuree("2000 h")).toMatchObject({ ok: false });
  });
  it("writes a stored duration back in the same form", () => {
    for (const m of [45, 60, 90, 125, 600]) expect(minutes(dureeInputValue(m))).toBe(m);
    expect(dureeInputValue(null)).toBe("");
  });
});
