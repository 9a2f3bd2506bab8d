import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, ne } from "drizzle-orm";
import { affectations, auditLog, consultations, jeunes, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { BREAK_GLASS_TTL_MS } from "@/lib/consultations/access";
import { accessKind } from "@/test/access";
import { giveConsultationReason } from "./break-glass-writes";

const TODAY = "2026-11-25";

describe("dossier access and break-glass", () => {
  const t = useTestDatabase();
  const ids = { camilleOwn: "", julien: [] as string[], marseille: "" };

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 12 });
    const user = (email: string) => sessionUserFor(t.db, email);
    const camille = await user("conseillere.lyon@sillage.demo");
    const julien = await user("conseiller.lyon@sillage.demo");
    const [marseille] = await t.db.select({ id: structures.id }).from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    ids.camilleOwn = (await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.conseillerId, camille.id)).limit(1))[0]!.id;
    ids.julien = (await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.conseillerId, julien.id))).map((r) => r.id);
    ids.marseille = (await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.structureId, marseille!.id)).limit(1))[0]!.id;
    expect(ids.julien.length).toBeGreaterThanOrEqual(5);
  });

  const as = (email: string) => sessionUserFor(t.db, email);
  const counts = async () => {
    const [c] = await t.db.select({ n: count() }).from(consultations);
    const [a] = await t.db.select({ n: count() }).from(auditLog);
    return { consultations: c!.n, audit: a!.n };
  };

  it("a counsellor opens their own young people directly and a colleague's only with a reason", async () => {
    const camille = await as("conseillere.lyon@sillage.demo");
    expect(await accessKind(t.db, camille, ids.camilleOwn, TODAY)).toMatchObject({ kind: "portfolio" });
    expect(await accessKind(t.db, camille, ids.julien[0]!, TODAY)).toMatchObject({ kind: "reason_required" });
  });

  it("a reason opens the colleague's dossier for eight hours, then a new one is needed", async () => {
    const camille = await as("conseillere.lyon@sillage.demo");
    const jeuneId = ids.julien[0]!;
    const result = await runAction(
      giveConsultationReason,
      { jeuneId, onglet: "parcours", motif: "remplacement", motifDetail: "Congé de Julien" },
      camille,
    );
    expect(result).toEqual({ ok: true, data: { jeuneId, onglet: "parcours" } });

    const now = new Date();
    const today = todayInParis(now);
    expect(await accessKind(t.db, camille, jeuneId, today, now)).toMatchObject({ kind: "break_glass" });
    const almost = new Date(now.getTime() + BREAK_GLASS_TTL_MS - 60_000);
    expect(await accessKind(t.db, camille, jeuneId, today, almost)).toMatchObject({ kind: "break_glass" });
    const later = new Date(now.getTime() + BREAK_GLASS_TTL_MS + 60_000);
    expect(await accessKind(t.db, camille, jeuneId, today, later)).toMatchObject({ kind: "reason_required" });

    // The reason is stored as a consultation outside the portfolio, and audited without the free text.
    const [row] = await t.db
      .select()
      .from(consultations)
      .where(and(eq(consultations.jeuneId, jeuneId), eq(consultations.userId, camille.id)));
    expect(row).toMatchObject({
      motif: "remplacement",
      motifDetail: "Congé de Julien",
      horsPortefeuille: true,
      onglet: "parcours",
      userRole: "conseiller",
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.jeuneId, jeuneId), eq(auditLog.action, "jeune.break_glass")));
    expect(audit).toMatchObject({ actorId: camille.id, targetId: jeuneId, meta: { motif: "remplacement", onglet: "parcours" } });
    expect(JSON.stringify(audit)).not.toContain("Congé");
  });

  it("a reason given by one person opens nothing for another", async () => {
    const julienDossier = ids.julien[0]!;
    const directrice = await as("directrice.lyon@sillage.demo");
    const dpo = await as("dpo.lyon@sillage.demo");
    expect(await accessKind(t.db, dpo, julienDossier, TODAY)).toMatchObject({ kind: "reason_required" });
    expect(await accessKind(t.db, directrice, julienDossier, TODAY)).toMatchObject({ kind: "portfolio" });
  });

  it("a director's portfolio is the whole structure; the DPO and the admin always need a reason", async () => {
    const directrice = await as("directrice.lyon@sillage.demo");
    const dpo = await as("dpo.lyon@sillage.demo");
    const admin = await as("admin@sillage.demo");
    for (const id of [ids.camilleOwn, ids.julien[1]!]) {
      expect(await accessKind(t.db, directrice, id, TODAY)).toMatchObject({ kind: "portfolio" });
      expect(await accessKind(t.db, dpo, id, TODAY)).toMatchObject({ kind: "reason_required" });
      expect(await accessKind(t.db, admin, id, TODAY)).toMatchObject({ kind: "reason_required" });
    }
    expect(await accessKind(t.db, admin, ids.marseille, TODAY)).toMatchObject({ kind: "reason_required" });
  });

  it("a dossier of another structure is not found, for every role, even after a reason", async () => {
    for (const email of [
      "conseillere.lyon@sillage.demo",
      "conseiller.lyon@sillage.demo",
      "directrice.lyon@sillage.demo",
      "dpo.lyon@sillage.demo",
    ]) {
      expect(await accessKind(t.db, await as(email), ids.marseille, TODAY), email).toEqual({ kind: "not_found" });
    }
    for (const email of ["conseillere.marseille@sillage.demo", "directeur.marseille@sillage.demo"]) {
      expect(await accessKind(t.db, await as(email), ids.camilleOwn, TODAY), email).toEqual({ kind: "not_found" });
    }
    expect(await accessKind(t.db, await as("directrice.lyon@sillage.demo"), "01950000-0000-7000-8000-000000000000", TODAY)).toEqual({
      kind: "not_found",
    });
  });

  it("a temporary assignment opens the dossier to the substitute during its period only", async () => {
    const camille = await as("conseillere.lyon@sillage.demo");
    const julien = await as("conseiller.lyon@sillage.demo");
    const jeuneId = ids.julien[2]!;
    const [jeune] = await t.db.select().from(jeunes).where(eq(jeunes.id, jeuneId));
    await t.db.insert(affectations).values({
      jeuneId,
      structureId: jeune!.structureId,
      type: "temporaire",
      deConseillerId: julien.id,
      versConseillerId: camille.id,
      debut: "2026-11-20",
      fin: "2026-11-30",
      motif: "Congés",
    });
    expect(await accessKind(t.db, camille, jeuneId, "2026-11-19")).toMatchObject({ kind: "reason_required" });
    expect(await accessKind(t.db, camille, jeuneId, "2026-11-20")).toMatchObject({ kind: "portfolio" });
    expect(await accessKind(t.db, camille, jeuneId, "2026-11-30")).toMatchObject({ kind: "portfolio" });
    expect(await accessKind(t.db, camille, jeuneId, "2026-12-01")).toMatchObject({ kind: "reason_required" });
    // The titular counsellor keeps the dossier meanwhile.
    expect(await accessKind(t.db, julien, jeuneId, "2026-11-25")).toMatchObject({ kind: "portfolio" });
  });

  it("the break-glass action refuses a dossier of another structure and writes nothing", async () => {
    const before = await counts();
    for (const email of ["conseillere.lyon@sillage.demo", "dpo.lyon@sillage.demo", "directrice.lyon@sillage.demo"]) {
      const result = await runAction(giveConsultationReason, { jeuneId: ids.marseille, motif: "rendez_vous" }, await as(email));
      expect(result, email).toMatchObject({ ok: false, code: "not_found" });
    }
    const unknown = await runAction(
      giveConsultationReason,
      { jeuneId: "01950000-0000-7000-8000-000000000000", motif: "rendez_vous" },
      await as("dpo.lyon@sillage.demo"),
    );
    expect(unknown).toMatchObject({ ok: false, code: "not_found" });
    expect(await counts()).toEqual(before);
    expect(await accessKind(t.db, await as("conseillere.lyon@sillage.demo"), ids.marseille, TODAY)).toEqual({ kind: "not_found" });
  });

  it("the break-glass action checks the reason field by field and writes nothing on error", async () => {
    const camille = await as("conseillere.lyon@sillage.demo");
    const jeuneId = ids.julien[3]!;
    const before = await counts();
    expect(await runAction(giveConsultationReason, { jeuneId, motif: "" }, camille)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { motif: ["Choisissez le motif pour lequel vous ouvrez ce dossier."] },
    });
    expect(await runAction(giveConsultationReason, { jeuneId, motif: "autre", motifDetail: "   " }, camille)).toMatchObject({
      ok: false,
      fieldErrors: { motifDetail: [expect.stringContaining("Précisez le motif")] },
    });
    const long = await runAction(giveConsultationReason, { jeuneId, motif: "rendez_vous", motifDetail: "x".repeat(501) }, camille);
    expect(long).toMatchObject({ ok: false, fieldErrors: { motifDetail: [expect.stringContaining("501")] } });
    expect(await runAction(giveConsultationReason, { jeuneId, motif: "controle_dpo" }, camille)).toMatchObject({
      ok: false,
      fieldErrors: { motif: [expect.stringContaining("réservé")] },
    });
    expect(await runAction(giveConsultationReason, { jeuneId, motif: "rendez_vous" }, null)).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(await runAction(giveConsultationReason, { jeuneId, motif: "rendez_vous" }, await as("lea.dupont@exemple.fr"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await counts()).toEqual(before);
  });

  it("the DPO's control is recorded; in one's own portfolio no reason is recorded", async () => {
    const dpo = await as("dpo.lyon@sillage.demo");
    const jeuneId = ids.julien[3]!;
    expect(await runAction(giveConsultationReason, { jeuneId, motif: "controle_dpo", onglet: "tampered" }, dpo)).toEqual({
      ok: true,
      data: { jeuneId, onglet: "identite" },
    });
    const rows = await t.db
      .select()
      .from(consultations)
      .where(and(eq(consultations.jeuneId, jeuneId), eq(consultations.userId, dpo.id)));
    expect(rows).toMatchObject([{ motif: "controle_dpo", motifDetail: null, horsPortefeuille: true, userRole: "dpo" }]);

    const camille = await as("conseillere.lyon@sillage.demo");
    const before = await counts();
    expect(await runAction(giveConsultationReason, { jeuneId: ids.camilleOwn, motif: "rendez_vous" }, camille)).toMatchObject({ ok: true });
    expect(await counts()).toEqual(before);
    const [others] = await t.db.select({ n: count() }).from(consultations).where(ne(consultations.userId, dpo.id));
    expect(others!.n).toBeGreaterThan(0);
  });

  it("an act's own consultation with a motif (a rights request handled by the DPO) opens nothing; a reason on a tab does", async () => {
    const dpo = await as("dpo.lyon@sillage.demo");
    const jeuneId = ids.julien[4]!;
    const [row] = await t.db.select({ structureId: jeunes.structureId }).from(jeunes).where(eq(jeunes.id, jeuneId));
    const base = { jeuneId, structureId: row!.structureId, userId: dpo.id, userRole: dpo.role, horsPortefeuille: true };
    await t.db.insert(consultations).values({ ...base, onglet: "demande-de-droits", motif: "demande_de_droits" });
    expect(await accessKind(t.db, dpo, jeuneId)).toEqual({ kind: "reason_required" });
    await t.db.insert(consultations).values({ ...base, onglet: "identite", motif: "controle_dpo" });
    expect(await accessKind(t.db, dpo, jeuneId)).toEqual({ kind: "break_glass" });
  });
});
