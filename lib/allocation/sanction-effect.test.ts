import { describe, expect, it } from "vitest";
import type { DecidedEffect } from "@/lib/sanctions/effet";
import { applySanctionEffects, type DecidedSanction } from "./sanction-effect";

const effect = (over: Partial<DecidedEffect>): DecidedEffect => ({
  kind: "reduction",
  pourcentage: 25,
  mois: 1,
  premierMois: "2026-03",
  leveeSiRemobilisation: false,
  finContrat: false,
  leveeLe: null,
  ...over,
});
const sanction = (id: string, over: Partial<DecidedEffect>, dateFait = "2026-02-20"): DecidedSanction => ({
  id,
  dateFait,
  palier: "p",
  effet: effect(over),
});

describe("applySanctionEffects", () => {
  it("a quarter off for the month, rounded down in the young person's favour, explained", () => {
    const result = applySanctionEffects(56617, "2026-03", [sanction("a", {})]);
    expect(result).toMatchObject({
      cents: 56617 - 14154,
      withheldCents: 14154,
      applied: { sanctionId: "a", pourcentage: 25, retenueCents: 14154 },
    });
    expect(result.explanation).toBe(
      "Sanction décidée pour le manquement du 20 février 2026 : l'allocation de mars 2026 est réduite de 25\u00a0% (141,54\u00a0€ retenus) : 424,63\u00a0€ à verser.",
    );
  });

  it("month boundaries: the month before and after a one-month effect are untouched", () => {
    expect(applySanctionEffects(56617, "2026-02", [sanction("a", {})])).toMatchObject({ cents: 56617, applied: null, explanation: null });
    expect(applySanctionEffects(56617, "2026-04", [sanction("a", {})])).toMatchObject({ cents: 56617, applied: null });
  });

  it("a month withdrawn; a two-month suspension across the year end", () => {
    expect(applySanctionEffects(56617, "2026-03", [sanction("a", { kind: "suppression", pourcentage: 100 })])).toMatchObject({
      cents: 0,
      withheldCents: 56617,
    });
    const s = [sanction("b", { kind: "suspension", pourcentage: 30, mois: 2, premierMois: "2026-12" })];
    expect(applySanctionEffects(10000, "2026-12", s).cents).toBe(7000);
    expect(applySanctionEffects(10000, "2027-01", s).cents).toBe(7000);
    expect(applySanctionEffects(10000, "2027-02", s).cents).toBe(10000);
  });

  it("definitive withdrawal covers every later month; a lifted suspension stops after the month it was lifted", () => {
    const forever = [sanction("c", { kind: "suppression_definitive", pourcentage: 100, mois: null })];
    expect(applySanctionEffects(10000, "2030-01", forever).cents).toBe(0);
    const lifted = [
      sanction("d", {
        kind: "suspension",
        pourcentage: 50,
        mois: 4,
        premierMois: "2026-03",
        leveeSiRemobilisation: true,
        leveeLe: "2026-04-10",
      }),
    ];
    expect(applySanctionEffects(10000, "2026-04", lifted).cents).toBe(5000);
    expect(applySanctionEffects(10000, "2026-05", lifted).cents).toBe(10000);
  });

  it("overlapping sanctions: the largest share applies once, and the other is named", () => {
    const result = applySanctionEffects(10000, "2026-03", [
      sanction("a", {}),
      sanction("b", { kind: "suppression", pourcentage: 100 }, "2026-02-27"),
    ]);
    expect(result).toMatchObject({ cents: 0, applied: { sanctionId: "b" }, alsoCovering: ["a"] });
    expect(result.explanation).toContain("Une autre sanction couvre aussi ce mois : seule la plus forte s'applique.");
  });

  it("a zero amount stays zero without a withheld sum", () => {
    expect(applySanctionEffects(0, "2026-03", [sanction("a", {})]).explanation).toMatch(/est réduite de 25\u00a0%\.$/);
  });
});
