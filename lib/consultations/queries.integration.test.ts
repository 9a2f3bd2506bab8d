import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { consultations, jeunes, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { listConsultationLog } from "./queries";

describe("the consultation log", () => {
  const t = useTestDatabase();

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
    const [lyon] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Lyon"));
    const [marseille] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    const [lyonJeune] = await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyon!.id)).limit(1);
    const [marseilleJeune] = await t.db.select().from(jeunes).where(eq(jeunes.structureId, marseille!.id)).limit(1);
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));
    await t.db.insert(consultations).values([
      { at: at(0), jeuneId: lyonJeune!.id, structureId: lyon!.id, userId: camille.id, userRole: "conseiller", onglet: "identite" },
      {
        at: at(10),
        jeuneId: lyonJeune!.id,
        structureId: lyon!.id,
        userId: camille.id,
        userRole: "conseiller",
        onglet: "parcours",
        horsPortefeuille: true,
        motif: "remplacement",
      },
      { at: at(5), jeuneId: marseilleJeune!.id, structureId: marseille!.id, userId: ines.id, userRole: "conseiller", onglet: "identite" },
    ]);
  });

  it("shows a structure's openings only, newest first, with who and which dossier", async () => {
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const { rows, total } = await listConsultationLog(dpo, { page: 1 });
    expect(total).toBe(2);
    expect(rows.map((r) => r.onglet)).toEqual(["parcours", "identite"]);
    expect(rows[0]).toMatchObject({
      userName: "Camille Martin",
      userRole: "conseiller",
      horsPortefeuille: true,
      motif: "remplacement",
      structure: "Mission locale de Lyon",
    });
    expect(rows[0]!.prenoms).toBeTruthy();

    const directeurMarseille = await sessionUserFor(t.db, "directeur.marseille@sillage.demo");
    const marseille = await listConsultationLog(directeurMarseille, { page: 1 });
    expect(marseille.rows.map((r) => r.userName)).toEqual(["Inès Faure"]);
  });

  it("filters the openings outside the portfolio", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const { rows, total } = await listConsultationLog(directrice, { page: 1, horsPortefeuille: true });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ motif: "remplacement", onglet: "parcours" });
  });

  it("the admin sees every structure", async () => {
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const { rows, total } = await listConsultationLog(admin, { page: 1 });
    expect(total).toBe(3);
    expect(rows.map((r) => r.onglet)).toEqual(["parcours", "identite", "identite"]);
    expect(new Set(rows.map((r) => r.structure))).toEqual(new Set(["Mission locale de Lyon", "Mission locale de Marseille"]));
  });
});
