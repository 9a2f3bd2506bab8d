import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, isNotNull, notInArray } from "drizzle-orm";
import { demandesDroits, jeunes, transmissions } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listPortefeuille } from "./portefeuille";

const TODAY = "2026-11-25";

describe("rights-related alerts in the portfolio", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, extras: true });
  });

  it("flags young people with an open rights request, late ones in red", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const open = await t.db
      .selectDistinct({ jeuneId: demandesDroits.jeuneId })
      .from(demandesDroits)
      .innerJoin(jeunes, eq(jeunes.id, demandesDroits.jeuneId))
      .where(
        and(
          notInArray(demandesDroits.statut, ["repondue", "close"]),
          eq(jeunes.statut, "actif"),
          eq(jeunes.structureId, nadia.structureId!),
        ),
      );
    const view = await listPortefeuille(nadia, { alerte: "demande_droits" }, TODAY);
    expect(view.total).toBe(open.length);
    expect(view.facets.alerte.demande_droits).toBe(open.length);
    const badges = view.rows.flatMap((r) => r.alertes.filter((a) => a.key === "demande_droits"));
    expect(badges.some((b) => b.tone === "error" && b.text.endsWith("en retard"))).toBe(true);
    expect(badges.some((b) => b.text.includes("délai suspendu"))).toBe(true);
  });

  it("flags a transfer refused by its recipient", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const failed = await t.db
      .selectDistinct({ jeuneId: transmissions.jeuneId })
      .from(transmissions)
      .where(inArray(transmissions.status, ["rejetee", "abandonnee"]));
    const view = await listPortefeuille(nadia, { alerte: "transmission_echouee" }, TODAY);
    expect(view.rows.map((r) => r.id).sort()).toEqual(failed.map((f) => f.jeuneId).sort());
    expect(view.rows[0]!.alertes.find((a) => a.key === "transmission_echouee")?.text).toBe(
      "Envoi refusé : Agence de services et de paiement (ASP)",
    );
  });

  it("flags a limitation in force", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const limited = await t.db.select().from(jeunes).where(isNotNull(jeunes.limitationDepuis));
    const view = await listPortefeuille(nadia, { alerte: "limitation" }, TODAY);
    expect(view.rows.map((r) => r.id)).toEqual(limited.map((j) => j.id));
    expect(view.rows[0]!.alertes.find((a) => a.key === "limitation")?.text).toMatch(/^Limitation depuis le \d{2}\/\d{2}\/\d{4}$/);
  });
});
