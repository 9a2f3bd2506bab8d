import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { allocationDecisions, auditLog, jeunes, sanctions, users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { seedDemo } from "./demo";

describe("seedAllocation (through seedDemo with extras)", () => {
  const t = useTestDatabase();
  const today = "2026-11-25";

  beforeAll(async () => {
    await seedDemo(t.db, { today, extras: true });
  }, 120_000);

  it("Léa has CEJ decisions for August, September and October, none superseded, audited", async () => {
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const rows = await t.db
      .select()
      .from(allocationDecisions)
      .where(eq(allocationDecisions.jeuneId, lea!.id))
      .orderBy(allocationDecisions.mois);
    expect(rows.map((r) => [r.mois, r.dispositif, r.remplaceeParId])).toEqual([
      ["2026-08", "CEJ", null],
      ["2026-09", "CEJ", null],
      ["2026-10", "CEJ", null],
    ]);
    expect(rows[0]!.regleVersion).toBe(
      "cej.allocation.montants@2026-04-01;cej.allocation.degressivite@2022-03-01;smic.brut_mensuel@2026-01-01",
    );
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.jeuneId, lea!.id), eq(auditLog.action, "allocation.decision")));
    expect(audits).toHaveLength(3);
  });

  it("varied households, one reduction for other resources, PACEA allowances", async () => {
    const rows = await t.db.select().from(allocationDecisions).where(isNull(allocationDecisions.remplaceeParId));
    const foyers = new Set(rows.filter((r) => r.dispositif === "CEJ").map((r) => r.entrees.foyer));
    expect(foyers).toEqual(new Set(["non_imposable", "premiere_tranche"]));
    expect(
      rows.some((r) => (r.entrees.reductionPartielleCents as number) > 0 && r.explication.includes("de ressources déduites en partie")),
    ).toBe(true);
    expect(rows.filter((r) => r.dispositif === "PACEA").length).toBeGreaterThanOrEqual(3);
  });

  it("Lyon: one sanction proposed from three unexcused absences, one decided and applied to October's allowance", async () => {
    const [camille] = await t.db.select().from(users).where(eq(users.email, "conseillere.lyon@sillage.demo"));
    const lyon = await t.db.select().from(sanctions).where(eq(sanctions.structureId, camille!.structureId!));
    const proposed = lyon.filter((s) => s.statut === "proposee");
    expect(proposed).toHaveLength(1);
    expect(proposed[0]!.participationIds).toHaveLength(3);
    expect(proposed[0]!.motif).toMatch(/^Trois absences non excusées : le /);
    expect(proposed[0]!.regime).toBe("suspension_remobilisation");

    const decided = lyon.filter((s) => s.statut === "decidee");
    expect(decided).toHaveLength(1);
    expect(decided[0]!.effet).toMatchObject({ kind: "suspension", pourcentage: 30, mois: 1, premierMois: "2026-10" });
    const [october] = await t.db
      .select()
      .from(allocationDecisions)
      .where(and(eq(allocationDecisions.jeuneId, decided[0]!.jeuneId), eq(allocationDecisions.mois, "2026-10")));
    expect(october!.explication).toContain("Sanction décidée pour le manquement du");
    expect(october!.regleVersion).toContain("cej.sanctions.bareme@2025-06-01");
    expect(october!.montantCents).toBeLessThan(october!.entrees.montantAvantSanctionCents as number);
  });
});
