import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { consultations, demandesDroits } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listMyConsultations, listMyDemandes, listMyTransmissions } from "./queries";

describe("the young person's own view", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", extras: true });
  });

  it("shows who opened my file, with the reason when one was required", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const vues = await listMyConsultations(lea);
    const stored = await t.db.select().from(consultations).where(eq(consultations.jeuneId, lea.jeuneId!));
    expect(vues).toHaveLength(stored.length);
    expect(vues.find((v) => v.horsPortefeuille)).toMatchObject({ role: "dpo", motif: "controle_dpo", qui: "Sophie Leclerc" });
    expect(vues[0]!.at.getTime()).toBeGreaterThanOrEqual(vues.at(-1)!.at.getTime());
  });

  it("shows my requests with their steps, and nobody else's", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const mine = await listMyDemandes(lea);
    const stored = await t.db.select().from(demandesDroits).where(eq(demandesDroits.jeuneId, lea.jeuneId!));
    expect(mine.map((d) => d.id).sort()).toEqual(stored.map((d) => d.id).sort());
    expect(mine[0]!.etapes.length).toBeGreaterThan(0);

    const tom = await sessionUserFor(t.db, "tom.girard@exemple.fr");
    const his = await listMyDemandes(tom);
    expect(his.some((d) => mine.some((m) => m.id === d.id))).toBe(false);
  });

  it("shows what was sent about me, without the values", async () => {
    const lea = await sessionUserFor(t.db, "lea.dupont@exemple.fr");
    const envois = await listMyTransmissions(lea);
    expect(envois.map((e) => e.recipient).sort()).toEqual(["asp", "cnamCpam", "franceTravail"]);
    expect(JSON.stringify(envois)).not.toContain("DUPONT");
    const tom = await sessionUserFor(t.db, "tom.girard@exemple.fr");
    expect(await listMyTransmissions(tom)).toEqual([]);
  });

  it("gives staff nothing through these queries", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    expect(await listMyConsultations(camille)).toEqual([]);
    expect(await listMyDemandes(camille)).toEqual([]);
    expect(await listMyTransmissions(camille)).toEqual([]);
  });
});
