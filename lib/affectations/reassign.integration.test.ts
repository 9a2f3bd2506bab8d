import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { affectations, auditLog, jeunes, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { accessKind } from "@/test/access";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { reassignJeunes } from "./writes";

const TODAY = "2026-11-25";

describe("reassignJeunes", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 8 });
  });

  const idOf = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  const portfolioOf = async (conseillerId: string) =>
    t.db
      .select()
      .from(jeunes)
      .where(and(eq(jeunes.conseillerId, conseillerId), eq(jeunes.statut, "actif")));

  it("moves young people for good, recorded in history and audit", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const camille = await idOf("conseillere.lyon@sillage.demo");
    const julien = await idOf("conseiller.lyon@sillage.demo");
    const [first] = await portfolioOf(julien);
    const result = await runAction(
      reassignJeunes,
      { jeuneIds: first!.id, versConseillerId: camille, type: "permanente", debut: TODAY, motif: "Équilibrage" },
      nadia,
    );
    expect(result).toEqual({ ok: true, data: { count: 1 } });
    const [moved] = await t.db.select().from(jeunes).where(eq(jeunes.id, first!.id));
    expect(moved!.conseillerId).toBe(camille);
    expect(moved!.version).toBe(first!.version + 1);
    const history = await t.db.select().from(affectations).where(eq(affectations.jeuneId, first!.id));
    expect(history).toMatchObject([{ type: "permanente", deConseillerId: julien, versConseillerId: camille, decidePar: nadia.id }]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.jeuneId, first!.id), eq(auditLog.action, "jeune.reaffectation")));
    expect(audit!.fields).toEqual(["conseillerId"]);
  });

  it("a temporary move gives access during the period only, then the titular has them back", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const camilleUser = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const julienUser = await sessionUserFor(t.db, "conseiller.lyon@sillage.demo");
    const [target] = await portfolioOf(camilleUser.id);
    expect((await accessKind(t.db, julienUser, target!.id, TODAY)).kind).toBe("reason_required");

    const result = await runAction(
      reassignJeunes,
      { jeuneIds: [target!.id], versConseillerId: julienUser.id, type: "temporaire", debut: TODAY, fin: "2026-12-10", motif: "Congé" },
      nadia,
    );
    expect(result.ok).toBe(true);
    const [still] = await t.db.select().from(jeunes).where(eq(jeunes.id, target!.id));
    expect(still!.conseillerId).toBe(camilleUser.id);
    expect((await accessKind(t.db, julienUser, target!.id, "2026-12-10")).kind).toBe("portfolio");
    expect((await accessKind(t.db, julienUser, target!.id, "2026-12-11")).kind).toBe("reason_required");
    expect((await accessKind(t.db, camilleUser, target!.id, "2026-12-01")).kind).toBe("portfolio");
  });

  it("hands over a whole portfolio at once", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const camille = await idOf("conseillere.lyon@sillage.demo");
    const julien = await idOf("conseiller.lyon@sillage.demo");
    const all = await portfolioOf(julien);
    const result = await runAction(
      reassignJeunes,
      { jeuneIds: all.map((j) => j.id), versConseillerId: camille, type: "permanente", debut: TODAY, motif: "Départ de Julien" },
      nadia,
    );
    expect(result).toEqual({ ok: true, data: { count: all.length } });
    expect(await portfolioOf(julien)).toEqual([]);
  });

  it("refuses a young person or a counsellor of another structure, and writes nothing", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const ines = await idOf("conseillere.marseille@sillage.demo");
    const camille = await idOf("conseillere.lyon@sillage.demo");
    const [foreign] = await portfolioOf(ines);
    const [own] = await portfolioOf(camille);
    const [before] = await t.db.select({ n: count() }).from(affectations);

    const mixed = await runAction(
      reassignJeunes,
      {
        jeuneIds: [own!.id, foreign!.id],
        versConseillerId: await idOf("conseiller.lyon@sillage.demo"),
        type: "permanente",
        debut: TODAY,
        motif: "Test",
      },
      nadia,
    );
    expect(mixed).toMatchObject({ ok: false, code: "not_found" });
    const toForeign = await runAction(
      reassignJeunes,
      { jeuneIds: [own!.id], versConseillerId: ines, type: "permanente", debut: TODAY, motif: "Test" },
      nadia,
    );
    expect(toForeign).toMatchObject({ ok: false, code: "invalid_input" });
    if (!toForeign.ok) expect(toForeign.fieldErrors.versConseillerId?.[0]).toMatch(/votre mission locale/);

    const [after] = await t.db.select({ n: count() }).from(affectations);
    expect(after!.n).toBe(before!.n);
    const [unchanged] = await t.db.select().from(jeunes).where(eq(jeunes.id, own!.id));
    expect(unchanged!.conseillerId).toBe(camille);
  });

  it("is the director's: counsellors, DPO and Marseille's director are refused", async () => {
    const camille = await idOf("conseillere.lyon@sillage.demo");
    const [own] = await portfolioOf(camille);
    const input = { jeuneIds: [own!.id], versConseillerId: camille, type: "permanente", debut: TODAY, motif: "Test" };
    for (const email of ["conseillere.lyon@sillage.demo", "dpo.lyon@sillage.demo", "admin@sillage.demo"]) {
      expect(await runAction(reassignJeunes, input, await sessionUserFor(t.db, email)), email).toMatchObject({ ok: false });
    }
    const karim = await sessionUserFor(t.db, "directeur.marseille@sillage.demo");
    expect(await runAction(reassignJeunes, input, karim)).toMatchObject({ ok: false });
  });

  it("explains a temporary move without end date", async () => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const camille = await idOf("conseillere.lyon@sillage.demo");
    const [own] = await portfolioOf(camille);
    const result = await runAction(
      reassignJeunes,
      { jeuneIds: [own!.id], versConseillerId: camille, type: "temporaire", debut: TODAY, motif: "Congé" },
      nadia,
    );
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    if (!result.ok) expect(result.fieldErrors.fin?.[0]).toMatch(/date de fin/);
  });
});
