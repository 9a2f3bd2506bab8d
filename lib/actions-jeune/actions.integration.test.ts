import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, inArray } from "drizzle-orm";
import { actionsJeune, auditLog, contrats, jeunes } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction, type ActionResult } from "@/lib/actions/run";
import { addDays, todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { getAction, listActions, listActionsToQualify } from "./queries";
import { bulkQualifyActions, changeActionStatut, closeAction, createAction, editAction, qualifyAction } from "./writes";

const CAMILLE = "conseillere.lyon@sillage.demo";
const DIRECTRICE = "directrice.lyon@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const ADMIN = "admin@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

describe("actions of a young person", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  let leaId: string;
  let tomId: string;
  let contratId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 3 });
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    const [tom] = await t.db.select().from(jeunes).where(eq(jeunes.email, "tom.girard@exemple.fr"));
    leaId = lea!.id;
    tomId = tom!.id;
    // An ended PACEA, then the open CEJ the new actions must be tied to.
    await t.db.insert(contrats).values({
      structureId: lea!.structureId,
      jeuneId: leaId,
      type: "PACEA",
      signeLe: addDays(today, -400),
      debut: addDays(today, -400),
      finPrevue: addDays(today, -100),
      finReelle: addDays(today, -100),
      motifSortie: "entree_cej",
    });
    const [cej] = await t.db
      .insert(contrats)
      .values({
        structureId: lea!.structureId,
        jeuneId: leaId,
        type: "CEJ",
        signeLe: addDays(today, -90),
        debut: addDays(today, -90),
        finPrevue: addDays(today, 270),
      })
      .returning();
    contratId = cej!.id;
  });

  const user = (email: string) => sessionUserFor(t.db, email);
  const row = async (id: string) => (await t.db.select().from(actionsJeune).where(eq(actionsJeune.id, id)))[0]!;
  const total = async () => Number((await t.db.select({ n: count() }).from(actionsJeune))[0]!.n);
  const input = (over: Record<string, unknown> = {}) => ({
    jeuneId: leaId,
    libelle: "Candidature chez un transporteur",
    categorie: "emploi",
    statut: "a_faire",
    debut: today,
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}, email = CAMILLE) =>
    ok(await runAction(createAction, input(over), await user(email))).id;
  const finished = (over: Record<string, unknown> = {}) =>
    create({ statut: "terminee", debut: addDays(today, -2), fin: addDays(today, -1), ...over });

  describe("create", () => {
    it("writes the action tied to the open contract, with its author, and audits field names only", async () => {
      const camille = await user(CAMILLE);
      const id = ok(
        await runAction(createAction, input({ duree: "1 h 30", commentaire: "Offre vue sur le site de l'agence" }), camille),
      ).id;
      expect(await row(id)).toMatchObject({
        jeuneId: leaId,
        contratId,
        statut: "a_faire",
        categorie: "emploi",
        debut: today,
        fin: null,
        dureeMinutes: 90,
        creeePar: camille.id,
        version: 1,
        qualifieeLe: null,
      });
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "action_jeune.create")));
      expect(entry).toMatchObject({ actorId: camille.id, jeuneId: leaId, targetType: "action_jeune" });
      expect(entry!.fields).toEqual(
        expect.arrayContaining(["libelle", "categorie", "statut", "debut", "dureeMinutes", "commentaire", "contratId"]),
      );
      expect(JSON.stringify(entry)).not.toContain("transporteur");
      expect(JSON.stringify(entry)).not.toContain("agence");
    });

    it("leaves contrat_id empty for a young person without an open contract", async () => {
      const id = await create({ jeuneId: tomId });
      expect((await row(id)).contratId).toBeNull();
    });

    it("answers each wrong field in French, next to it, and writes nothing", async () => {
      const before = await total();
      const camille = await user(CAMILLE);
      const r1 = await runAction(createAction, input({ libelle: "x", categorie: "voyage", duree: "2" }), camille);
      expect(r1).toMatchObject({ ok: false, code: "invalid_input" });
      if (!r1.ok) {
        expect(r1.fieldErrors.libelle?.[0]).toMatch(/quelques mots/);
        expect(r1.fieldErrors.categorie?.[0]).toBe("Choisissez la catégorie de l'action.");
        expect(r1.fieldErrors.duree?.[0]).toMatch(/Précisez l'unité/);
      }
      const r2 = await runAction(createAction, input({ statut: "terminee", debut: addDays(today, -3) }), camille);
      if (!r2.ok) expect(r2.fieldErrors.fin?.[0]).toMatch(/date de fin/);
      const r3 = await runAction(createAction, input({ debut: today, fin: addDays(today, -1) }), camille);
      if (!r3.ok) expect(r3.fieldErrors.fin?.[0]).toBe("La date de fin ne peut pas être avant la date de début.");
      const r4 = await runAction(createAction, input({ statut: "terminee", fin: addDays(today, 2), debut: today }), camille);
      if (!r4.ok) expect(r4.fieldErrors.fin?.[0]).toMatch(/futur/);
      const r5 = await runAction(createAction, input({ debut: "2026-02-30" }), camille);
      if (!r5.ok) expect(r5.fieldErrors.debut?.[0]).toMatch(/n'existe pas/);
      for (const r of [r2, r3, r4, r5]) expect(r.ok).toBe(false);
      expect(await total()).toBe(before);
    });

    it("is open to the director; refused to the DPO and the admin (read-only roles)", async () => {
      expect(await create({}, DIRECTRICE)).toBeTruthy();
      for (const email of [DPO, ADMIN])
        expect(await runAction(createAction, input(), await user(email)), email).toMatchObject({ ok: false, code: "forbidden" });
    });

    it("refuses a Marseille counsellor on a Lyon young person, as if the dossier did not exist", async () => {
      const before = await total();
      expect(await runAction(createAction, input(), await user(INES))).toMatchObject({ ok: false, code: "not_found" });
      expect(await total()).toBe(before);
    });
  });

  describe("edit (optimistic lock)", () => {
    it("saves the changed fields, bumps the version, audits their names", async () => {
      const id = await create();
      ok(
        await runAction(
          editAction,
          {
            actionId: id,
            version: 1,
            libelle: "Candidature chez un transporteur de Vénissieux",
            categorie: "emploi",
            debut: today,
            duree: "2 h",
          },
          await user(CAMILLE),
        ),
      );
      expect(await row(id)).toMatchObject({ libelle: "Candidature chez un transporteur de Vénissieux", dureeMinutes: 120, version: 2 });
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "action_jeune.update")));
      expect(entry).toMatchObject({ jeuneId: leaId, fields: ["libelle", "dureeMinutes"] });
    });

    it("refuses a form read before someone else's change, and keeps that change", async () => {
      const id = await create();
      // The director's portfolio is the whole structure: their edit needs no reason.
      const [camille, julien] = [await user(CAMILLE), await user(DIRECTRICE)];
      ok(
        await runAction(editAction, { actionId: id, version: 1, libelle: "Version de Julien", categorie: "emploi", debut: today }, julien),
      );
      const stale = await runAction(
        editAction,
        { actionId: id, version: 1, libelle: "Version de Camille", categorie: "formation", debut: today },
        camille,
      );
      expect(stale).toMatchObject({ ok: false, code: "conflict" });
      if (!stale.ok) expect(stale.message).toMatch(/modifiée par quelqu'un d'autre/);
      expect(await row(id)).toMatchObject({ libelle: "Version de Julien", categorie: "emploi", version: 2 });
    });

    it("says when nothing changed", async () => {
      const id = await create();
      const r = await runAction(
        editAction,
        { actionId: id, version: 1, libelle: "Candidature chez un transporteur", categorie: "emploi", debut: today },
        await user(CAMILLE),
      );
      expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/Aucune modification/) });
    });

    it("refuses a Marseille counsellor, the DPO and the admin", async () => {
      const id = await create();
      const values = { actionId: id, version: 1, libelle: "Changement", categorie: "emploi", debut: today };
      expect(await runAction(editAction, values, await user(INES))).toMatchObject({ ok: false, code: "not_found" });
      for (const email of [DPO, ADMIN])
        expect(await runAction(editAction, values, await user(email))).toMatchObject({ ok: false, code: "forbidden" });
      expect((await row(id)).version).toBe(1);
    });
  });

  describe("status and closing", () => {
    it("moves through the statuses; finishing needs an end date, not before the start", async () => {
      const camille = await user(CAMILLE);
      const id = await create({ debut: addDays(today, -5) });
      ok(await runAction(changeActionStatut, { actionId: id, version: 1, statut: "en_cours" }, camille));
      const same = await runAction(changeActionStatut, { actionId: id, version: 2, statut: "en_cours" }, camille);
      if (!same.ok) expect(same.fieldErrors.statut?.[0]).toMatch(/déjà « En cours »/);
      const noEnd = await runAction(changeActionStatut, { actionId: id, version: 2, statut: "terminee" }, camille);
      if (!noEnd.ok) expect(noEnd.fieldErrors.fin?.[0]).toMatch(/date de fin/);
      const tooEarly = await runAction(
        changeActionStatut,
        { actionId: id, version: 2, statut: "terminee", fin: addDays(today, -6) },
        camille,
      );
      if (!tooEarly.ok) expect(tooEarly.fieldErrors.fin?.[0]).toMatch(/avant le début/);
      expect([same.ok, noEnd.ok, tooEarly.ok]).toEqual([false, false, false]);
      ok(await runAction(changeActionStatut, { actionId: id, version: 2, statut: "annulee" }, camille));
      expect(await row(id)).toMatchObject({ statut: "annulee", version: 3 });
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "action_jeune.statut")));
      expect(audits.map((a) => a.jeuneId)).toEqual([leaId, leaId]);
    });

    it("closes an action with its end date and real duration", async () => {
      const id = await create({ debut: addDays(today, -3), statut: "en_cours" });
      ok(await runAction(closeAction, { actionId: id, version: 1, fin: addDays(today, -1), duree: "3 h" }, await user(CAMILLE)));
      expect(await row(id)).toMatchObject({ statut: "terminee", fin: addDays(today, -1), dureeMinutes: 180, version: 2 });
      const again = await runAction(closeAction, { actionId: id, version: 2, fin: today }, await user(CAMILLE));
      expect(again).toMatchObject({ ok: false, code: "conflict", message: "Cette action est déjà terminée." });
    });

    it("refuses an end before the start, in the future, or from a stale form", async () => {
      const id = await create({ debut: addDays(today, -3) });
      const camille = await user(CAMILLE);
      const early = await runAction(closeAction, { actionId: id, version: 1, fin: addDays(today, -4) }, camille);
      if (!early.ok) expect(early.fieldErrors.fin?.[0]).toMatch(/avant le début/);
      const future = await runAction(closeAction, { actionId: id, version: 1, fin: addDays(today, 1) }, camille);
      if (!future.ok) expect(future.fieldErrors.fin?.[0]).toMatch(/futur/);
      expect(await runAction(closeAction, { actionId: id, version: 7, fin: today }, camille)).toMatchObject({
        ok: false,
        code: "conflict",
      });
      expect([early.ok, future.ok]).toEqual([false, false]);
      expect(await row(id)).toMatchObject({ statut: "a_faire", version: 1 });
    });

    it("refuses a Marseille counsellor", async () => {
      const id = await create();
      expect(await runAction(closeAction, { actionId: id, version: 1, fin: today }, await user(INES))).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await runAction(changeActionStatut, { actionId: id, version: 1, statut: "annulee" }, await user(INES))).toMatchObject({
        ok: false,
        code: "not_found",
      });
    });
  });

  describe("qualification", () => {
    it("confirms a finished action and its (corrected) category, and records who and when", async () => {
      const camille = await user(CAMILLE);
      const id = await finished({ categorie: "autre" });
      ok(await runAction(qualifyAction, { actionId: id, version: 1, categorie: "formation" }, camille));
      const r = await row(id);
      expect(r).toMatchObject({ categorie: "formation", qualifieePar: camille.id, version: 2 });
      expect(r.qualifieeLe).toBeInstanceOf(Date);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "action_jeune.qualification")));
      expect(entry).toMatchObject({ jeuneId: leaId, fields: ["qualifieeLe", "qualifieePar", "categorie"] });
    });

    it("only qualifies finished actions, once", async () => {
      const camille = await user(CAMILLE);
      const open = await create();
      const r = await runAction(qualifyAction, { actionId: open, version: 1, categorie: "emploi" }, camille);
      expect(r).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/seule une action terminée/) });
      const id = await finished();
      ok(await runAction(qualifyAction, { actionId: id, version: 1, categorie: "emploi" }, camille));
      expect(await runAction(qualifyAction, { actionId: id, version: 2, categorie: "emploi" }, camille)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/déjà été qualifiée/),
      });
    });

    it("locks the status and the category of a qualified action", async () => {
      const camille = await user(CAMILLE);
      const id = await finished();
      ok(await runAction(qualifyAction, { actionId: id, version: 1, categorie: "emploi" }, camille));
      expect(await runAction(changeActionStatut, { actionId: id, version: 2, statut: "en_cours" }, camille)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/qualifiée le/),
      });
      const edit = await runAction(
        editAction,
        {
          actionId: id,
          version: 2,
          libelle: "Candidature chez un transporteur",
          categorie: "sante",
          debut: addDays(today, -2),
          fin: addDays(today, -1),
        },
        camille,
      );
      if (!edit.ok) expect(edit.fieldErrors.categorie?.[0]).toMatch(/ne peuvent plus changer/);
      expect(edit.ok).toBe(false);
      expect(await row(id)).toMatchObject({ statut: "terminee", categorie: "emploi", version: 2 });
    });

    it("is backed by the database: a qualification on an unfinished action is refused", async () => {
      const id = await create();
      await expect(t.db.update(actionsJeune).set({ qualifieeLe: new Date() }).where(eq(actionsJeune.id, id))).rejects.toThrow();
    });

    it("refuses a Marseille counsellor and the DPO", async () => {
      const id = await finished();
      expect(await runAction(qualifyAction, { actionId: id, version: 1, categorie: "emploi" }, await user(INES))).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await runAction(qualifyAction, { actionId: id, version: 1, categorie: "emploi" }, await user(DPO))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect((await row(id)).qualifieeLe).toBeNull();
    });
  });

  describe("bulk qualification", () => {
    const ref = async (id: string) => `${id}:${(await row(id)).version}`;

    it("qualifies every ticked action in one go, one audit entry each with the dossier", async () => {
      const camille = await user(CAMILLE);
      const ids = [await finished(), await finished({ categorie: "sante" }), await finished({ categorie: "formation" })];
      const data = ok(await runAction(bulkQualifyActions, { jeuneId: leaId, actions: await Promise.all(ids.map(ref)) }, camille));
      expect(data.ids.sort()).toEqual([...ids].sort());
      const rows = await t.db.select().from(actionsJeune).where(inArray(actionsJeune.id, ids));
      for (const r of rows) expect(r).toMatchObject({ qualifieePar: camille.id, version: 2 });
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(and(inArray(auditLog.targetId, ids), eq(auditLog.action, "action_jeune.qualification")));
      expect(audits).toHaveLength(3);
      for (const a of audits) expect(a).toMatchObject({ jeuneId: leaId, meta: { groupee: true, nombre: 3 } });
    });

    it("accepts a single ticked box (a plain string from the form)", async () => {
      const id = await finished();
      ok(await runAction(bulkQualifyActions, { jeuneId: leaId, actions: await ref(id) }, await user(CAMILLE)));
      expect((await row(id)).qualifieeLe).not.toBeNull();
    });

    it("asks to tick at least one action", async () => {
      const r = await runAction(bulkQualifyActions, { jeuneId: leaId }, await user(CAMILLE));
      if (!r.ok) expect(r.fieldErrors.actions?.[0]).toBe("Cochez au moins une action à qualifier.");
      expect(r.ok).toBe(false);
    });

    it("is all or nothing: one unfinished action refuses the batch, naming it", async () => {
      const good = [await finished(), await finished()];
      const bad = await create({ libelle: "Entretien prévu la semaine prochaine" });
      const r = await runAction(
        bulkQualifyActions,
        { jeuneId: leaId, actions: [...(await Promise.all(good.map(ref))), await ref(bad)] },
        await user(CAMILLE),
      );
      expect(r).toMatchObject({ ok: false, code: "conflict" });
      if (!r.ok) expect(r.message).toMatch(/« Entretien prévu la semaine prochaine » n'est pas terminée.*Aucune action n'a été qualifiée/);
      for (const id of good) expect(await row(id)).toMatchObject({ qualifieeLe: null, version: 1 });
    });

    it("is all or nothing: an action changed since the page was read refuses the batch", async () => {
      const camille = await user(CAMILLE);
      const [a, b] = [await finished(), await finished({ libelle: "Demande de carte Vitale", categorie: "sante" })];
      const refs = [await ref(a), await ref(b)];
      ok(
        await runAction(
          editAction,
          {
            actionId: b,
            version: 1,
            libelle: "Demande de carte Vitale",
            categorie: "demarches",
            debut: addDays(today, -2),
            fin: addDays(today, -1),
          },
          await user(DIRECTRICE),
        ),
      );
      const r = await runAction(bulkQualifyActions, { jeuneId: leaId, actions: refs }, camille);
      expect(r).toMatchObject({
        ok: false,
        code: "conflict",
        message: expect.stringMatching(/« Demande de carte Vitale » a été modifiée entre-temps/),
      });
      expect((await row(a)).qualifieeLe).toBeNull();
      expect((await row(b)).qualifieeLe).toBeNull();
    });

    it("is all or nothing: an already qualified action or one of another dossier refuses the batch", async () => {
      const camille = await user(CAMILLE);
      const a = await finished();
      const done = await finished();
      ok(await runAction(qualifyAction, { actionId: done, version: 1, categorie: "emploi" }, camille));
      expect(await runAction(bulkQualifyActions, { jeuneId: leaId, actions: [await ref(a), await ref(done)] }, camille)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/déjà été qualifiée/),
      });
      const tomAction = await finished({ jeuneId: tomId });
      expect(await runAction(bulkQualifyActions, { jeuneId: leaId, actions: [await ref(a), await ref(tomAction)] }, camille)).toMatchObject(
        { ok: false, code: "not_found" },
      );
      expect((await row(a)).qualifieeLe).toBeNull();
      expect((await row(tomAction)).qualifieeLe).toBeNull();
    });

    it("refuses a Marseille counsellor and the DPO", async () => {
      const a = await finished();
      expect(await runAction(bulkQualifyActions, { jeuneId: leaId, actions: [await ref(a)] }, await user(INES))).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await runAction(bulkQualifyActions, { jeuneId: leaId, actions: [await ref(a)] }, await user(DPO))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect((await row(a)).qualifieeLe).toBeNull();
    });
  });

  describe("reads", () => {
    it("pages and filters a dossier's actions within the caller's structure", async () => {
      const camille = await user(CAMILLE);
      const all = await listActions(t.db, camille, leaId, { page: 1, filtre: { statut: null, categorie: null } });
      expect(all.total).toBeGreaterThan(20);
      expect(all.rows).toHaveLength(20);
      expect(all.pageCount).toBe(Math.ceil(all.total / 20));
      const page2 = await listActions(t.db, camille, leaId, { page: 2, filtre: { statut: null, categorie: null } });
      expect(page2.rows.map((r) => r.id)).not.toContain(all.rows[0]!.id);
      const sante = await listActions(t.db, camille, leaId, { page: 1, filtre: { statut: "terminee", categorie: "sante" } });
      expect(sante.total).toBeGreaterThan(0);
      for (const r of sante.rows) expect(r).toMatchObject({ statut: "terminee", categorie: "sante" });
      const toQualify = await listActionsToQualify(t.db, camille, leaId);
      for (const r of toQualify) expect(r).toMatchObject({ statut: "terminee", qualifieeLe: null });
    });

    it("shows a Marseille counsellor nothing of a Lyon dossier", async () => {
      const ines = await user(INES);
      const id = await create();
      expect((await listActions(t.db, ines, leaId, { page: 1, filtre: { statut: null, categorie: null } })).total).toBe(0);
      expect(await listActionsToQualify(t.db, ines, leaId)).toEqual([]);
      expect(await getAction(t.db, ines, leaId, id)).toBeNull();
      expect(await getAction(t.db, await user(CAMILLE), leaId, id)).not.toBeNull();
    });
  });
});
