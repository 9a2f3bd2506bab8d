import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, consultations, jeunes, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { HISTORIQUE_PAGE_SIZE, listHistorique } from "./historique";

describe("a dossier's history", () => {
  const t = useTestDatabase();
  const ids = { a: "", b: "", marseille: "" };

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const dpo = await sessionUserFor(t.db, "dpo.lyon@sillage.demo");
    const [lyon] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Lyon"));
    const [marseille] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    const lyonJeunes = await t.db.select().from(jeunes).where(eq(jeunes.structureId, lyon!.id)).orderBy(jeunes.id);
    ids.a = lyonJeunes[0]!.id;
    ids.b = lyonJeunes[1]!.id;
    ids.marseille = (await t.db.select().from(jeunes).where(eq(jeunes.structureId, marseille!.id)).limit(1))[0]!.id;

    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));
    const audit = (jeuneId: string, minute: number, action: string, fields: string[]) => ({
      at: at(minute),
      actorId: camille.id,
      actorRole: "conseiller" as const,
      structureId: lyon!.id,
      action,
      targetType: "jeune",
      targetId: jeuneId,
      jeuneId,
      fields,
    });
    await t.db.insert(auditLog).values([
      audit(ids.a, 0, "jeune.create", ["nomNaissance", "prenoms"]),
      audit(ids.a, 20, "jeune.update", ["telephone", "email"]),
      audit(ids.b, 10, "jeune.update", ["adresse"]),
      // Openings, shown through their consultation row instead.
      audit(ids.a, 26, "jeune.break_glass", []),
      audit(ids.a, 27, "jeune.nir_reveal", []),
      // Not about a dossier at all.
      { ...audit(ids.a, 30, "auth.sign_in", []), jeuneId: null },
    ]);
    const view = (jeuneId: string, minute: number, extra: Partial<typeof consultations.$inferInsert> = {}) => ({
      at: at(minute),
      jeuneId,
      structureId: lyon!.id,
      userId: camille.id,
      userRole: "conseiller" as const,
      onglet: "identite",
      ...extra,
    });
    await t.db
      .insert(consultations)
      .values([
        view(ids.a, 5),
        view(ids.a, 25, { userId: dpo.id, userRole: "dpo", horsPortefeuille: true, motif: "controle_dpo", motifDetail: "Contrôle annuel" }),
        view(ids.b, 15),
      ]);
  });

  it("merges this dossier's changes and openings, newest first, each once, and nothing else", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const { entries, total, counts, pageCount } = await listHistorique(directrice, ids.a, { page: 1 });
    expect(entries.map((e) => [e.kind, e.at.getUTCMinutes()])).toEqual([
      ["consultation", 25],
      ["modification", 20],
      ["consultation", 5],
      ["modification", 0],
    ]);
    expect(total).toBe(4);
    expect(counts).toEqual({ modifications: 2, consultations: 2 });
    expect(pageCount).toBe(1);
    expect(entries[0]).toMatchObject({
      actorName: "Sophie Leclerc",
      actorRole: "dpo",
      onglet: "identite",
      horsPortefeuille: true,
      motif: "controle_dpo",
      motifDetail: "Contrôle annuel",
    });
    expect(entries[1]).toMatchObject({
      actorName: "Camille Martin",
      actorRole: "conseiller",
      action: "jeune.update",
      fields: ["telephone", "email"],
    });
  });

  it("filters on changes or on openings", async () => {
    const directrice = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const changes = await listHistorique(directrice, ids.a, { page: 1, filtre: "modifications" });
    expect(changes.entries.map((e) => e.kind)).toEqual(["modification", "modification"]);
    expect(changes.total).toBe(2);
    const views = await listHistorique(directrice, ids.a, { page: 1, filtre: "consultations" });
    expect(views.entries.map((e) => e.kind)).toEqual(["consultation", "consultation"]);
    expect(views.counts).toEqual({ modifications: 2, consultations: 2 });
  });

  it("pages through a long history without losing or repeating a line", async () => {
    const camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const [b] = await t.db.select().from(jeunes).where(eq(jeunes.id, ids.b));
    await t.db.insert(consultations).values(
      Array.from({ length: HISTORIQUE_PAGE_SIZE + 5 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 10, 21, 8, i)),
        jeuneId: ids.b,
        structureId: b!.structureId,
        userId: camille.id,
        userRole: "conseiller" as const,
        onglet: "parcours",
      })),
    );
    const first = await listHistorique(camille, ids.b, { page: 1 });
    const second = await listHistorique(camille, ids.b, { page: 2 });
    expect(first.total).toBe(HISTORIQUE_PAGE_SIZE + 7);
    expect(first.pageCount).toBe(2);
    expect(first.entries).toHaveLength(HISTORIQUE_PAGE_SIZE);
    const all = [...first.entries, ...second.entries];
    expect(all).toHaveLength(HISTORIQUE_PAGE_SIZE + 7);
    expect(new Set(all.map((e) => `${e.kind}-${e.id}`)).size).toBe(all.length);
    const times = all.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it("a dossier of another structure has no history for the caller", async () => {
    const marseille = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    const result = await listHistorique(marseille, ids.a, { page: 1 });
    expect(result.entries).toEqual([]);
    expect(result.total).toBe(0);
    const admin = await sessionUserFor(t.db, "admin@sillage.demo");
    expect((await listHistorique(admin, ids.a, { page: 1 })).total).toBe(4);
  });
});
