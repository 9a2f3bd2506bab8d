import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { jeunes, participations, seances, structures, users } from "@/db/schema";
import { mondayOf } from "@/lib/calendar/iso-week";
import { parisWallClock } from "@/lib/calendar/paris-time";
import { addDays, compare, todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { seedDemo } from "./demo";
import { seedAgenda } from "./parcours-agenda";

describe("seedAgenda", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  const monday = mondayOf(today);

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 24 });
    await t.db.transaction(async (tx) => {
      const ctx = {
        today,
        jeunes: await tx
          .select({
            id: jeunes.id,
            structureId: jeunes.structureId,
            conseillerId: jeunes.conseillerId,
            dispositif: jeunes.dispositif,
            dateNaissance: jeunes.dateNaissance,
            email: jeunes.email,
          })
          .from(jeunes)
          .where(eq(jeunes.statut, "actif"))
          .orderBy(jeunes.createdAt, jeunes.id),
        staff: (await tx.select({ id: users.id, email: users.email, role: users.role, structureId: users.structureId }).from(users)).filter(
          (u) => u.role !== "jeune",
        ),
      };
      await seedAgenda(tx, ctx);
    });
  });

  const rowsOf = async (structureName: string) => {
    const [s] = await t.db.select().from(structures).where(eq(structures.name, structureName));
    const list = await t.db.select().from(seances).where(eq(seances.structureId, s!.id));
    const ps = await t.db
      .select()
      .from(participations)
      .where(
        inArray(
          participations.seanceId,
          list.map((x) => x.id),
        ),
      );
    return { list, ps };
  };

  it("fills the current week and the two before, for each structure, with every kind of séance", async () => {
    for (const name of ["Mission locale de Lyon", "Mission locale de Marseille"]) {
      const { list, ps } = await rowsOf(name);
      const days = list.map((s) => parisWallClock(s.debut).date);
      expect(days.every((d) => compare(d, addDays(monday, -14)) >= 0 && compare(d, addDays(monday, 6)) <= 0)).toBe(true);
      expect(new Set(list.map((s) => s.type))).toEqual(new Set(["rendez_vous_individuel", "atelier", "information_collective"]));
      expect(list.some((s) => s.titre.includes("code de la route"))).toBe(true);
      expect(list.some((s) => s.clotureeLe !== null)).toBe(true);
      expect(list.some((s) => s.annuleeLe !== null)).toBe(true);
      const presences = new Set(ps.map((p) => p.presence));
      expect(presences).toEqual(new Set(["prevu", "present", "absent_excuse", "absent_non_excuse"]));
      // Consistent with the rules the app enforces: capacity, one young person per rendez-vous, closed = nobody "prévu".
      for (const s of list) {
        const mine = ps.filter((p) => p.seanceId === s.id);
        if (s.type === "rendez_vous_individuel") expect(mine).toHaveLength(1);
        else expect(mine.length).toBeLessThanOrEqual(s.capacite!);
        if (s.clotureeLe) expect(mine.every((p) => p.presence !== "prevu")).toBe(true);
      }
      expect(ps.filter((p) => list.find((s) => s.id === p.seanceId)!.type === "information_collective").length).toBeGreaterThanOrEqual(4);
    }
  });

  it("gives Léa Dupont a rendez-vous this week and an atelier she attended this week", async () => {
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const rows = await t.db
      .select({ type: seances.type, debut: seances.debut, presence: participations.presence })
      .from(participations)
      .innerJoin(seances, eq(seances.id, participations.seanceId))
      .where(eq(participations.jeuneId, lea!.id));
    const thisWeek = rows.filter((r) => compare(parisWallClock(r.debut).date, monday) >= 0);
    expect(thisWeek.some((r) => r.type === "rendez_vous_individuel" && r.presence === "prevu")).toBe(true);
    expect(thisWeek.some((r) => r.type === "atelier" && r.presence === "present")).toBe(true);
  });

  it("has one Lyon young person with exactly two unexcused absences in the past weeks", async () => {
    const [lyon] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Lyon"));
    const absences = await t.db
      .select({ jeuneId: participations.jeuneId })
      .from(participations)
      .where(and(eq(participations.structureId, lyon!.id), eq(participations.presence, "absent_non_excuse")));
    const counts = new Map<string, number>();
    for (const a of absences) counts.set(a.jeuneId, (counts.get(a.jeuneId) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n === 2)).toHaveLength(1);
  });
});
