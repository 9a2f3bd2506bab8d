import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq, isNull } from "drizzle-orm";
import { auditLog, contratEvenements, contrats, jeunes, phases, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction, type ActionResult } from "@/lib/actions/run";
import { addDays, addMonths, todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { endAfterMonths, nextCejPossibleFrom } from "./contrats";
import { formatLongCivilDate } from "@/lib/format/fr";
import { endContrat, modifyContrat, signContrat, switchContrat, type ContratResult } from "./contrat-writes";
import { addPhase, editPhase, recordBilan } from "./phase-writes";
import { listContrats } from "./queries";
import { isUniqueViolation } from "./store";

const events = vi.hoisted(() => [] as { kind: string; ids: string[] }[]);
vi.mock("@/lib/transmissions/triggers", () => ({
  onContratEvent: async (_tx: unknown, e: { kind: string; contrat?: { id: string }; from?: { id: string }; to?: { id: string } }) => {
    events.push({ kind: e.kind, ids: [e.contrat?.id, e.from?.id, e.to?.id].filter((x): x is string => !!x) });
  },
  onAllocationDecision: async () => {},
}));

const CAMILLE = "conseillere.lyon@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const ADMIN = "admin@sillage.demo";

describe("contracts and phases", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
  });
  beforeEach(() => {
    events.length = 0;
  });

  /** A fresh adult of Camille's with no contract, born `years` years ago (a few days more). */
  let counter = 0;
  const freshJeune = async (years = 20, over: Partial<typeof jeunes.$inferInsert> = {}) => {
    const [camille] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
    counter++;
    const [j] = await t.db
      .insert(jeunes)
      .values({
        structureId: camille!.structureId!,
        conseillerId: camille!.id,
        nomNaissance: `TEST${counter}`,
        prenoms: "Alex",
        dateNaissance: addDays(addMonths(today, -12 * years), -10),
        sexe: "F",
        searchText: `test${counter} alex`,
        ...over,
      })
      .returning();
    return j!;
  };
  const ok = <T>(r: ActionResult<T>): T => {
    if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data;
  };
  const contrat = async (id: string) => (await t.db.select().from(contrats).where(eq(contrats.id, id)))[0]!;
  const jeune = async (id: string) => (await t.db.select().from(jeunes).where(eq(jeunes.id, id)))[0]!;
  const eventsOf = async (id: string) =>
    t.db.select().from(contratEvenements).where(eq(contratEvenements.contratId, id)).orderBy(asc(contratEvenements.at));
  const pacea = (jeuneId: string, over: Record<string, unknown> = {}) => ({
    jeuneId,
    type: "PACEA",
    signeLe: today,
    debut: today,
    finPrevue: endAfterMonths(today, 12),
    ...over,
  });
  const cej = (jeuneId: string, over: Record<string, unknown> = {}) => ({
    jeuneId,
    type: "CEJ",
    signeLe: today,
    debut: today,
    finPrevue: endAfterMonths(today, 12),
    ...over,
  });

  describe("signature", () => {
    it("writes the contract, its first event, the dispositif and the audit, and tells the transfer triggers", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const data = ok(await runAction(signContrat, pacea(j.id), camille));
      const row = await contrat(data.contratId);
      expect(row).toMatchObject({ type: "PACEA", debut: today, finReelle: null, jeuneId: j.id, structureId: j.structureId, version: 1 });
      const evs = await eventsOf(row.id);
      expect(evs).toHaveLength(1);
      expect(evs[0]).toMatchObject({ type: "signature", dateEffet: today, jeuneId: j.id, parId: camille.id });
      expect(evs[0]!.etat).toMatchObject({ type: "PACEA", debut: today, finPrevue: row.finPrevue, finReelle: null });
      expect(Object.keys(evs[0]!.etat)).not.toContain("nomNaissance");
      const after = await jeune(j.id);
      expect(after.dispositif).toBe("PACEA");
      expect(after.version).toBe(j.version + 1);
      const audits = await t.db.select().from(auditLog).where(eq(auditLog.jeuneId, j.id));
      expect(audits.map((a) => a.action).sort()).toEqual(["contrat.signature", "jeune.dispositif"]);
      expect(audits.find((a) => a.action === "contrat.signature")).toMatchObject({ targetId: row.id, actorId: camille.id });
      expect(JSON.stringify(audits)).not.toContain(j.nomNaissance);
      expect(events).toEqual([{ kind: "signature", ids: [row.id] }]);
    });

    it("refuses a second open contract and changes nothing", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      ok(await runAction(signContrat, pacea(j.id), camille));
      const before = await jeune(j.id);
      const second = await runAction(signContrat, cej(j.id), camille);
      expect(second).toMatchObject({ ok: false, code: "conflict" });
      if (!second.ok) expect(second.message).toMatch(/déjà un contrat en cours/);
      expect(await t.db.select().from(contrats).where(eq(contrats.jeuneId, j.id))).toHaveLength(1);
      expect((await jeune(j.id)).version).toBe(before.version);
    });

    it("the database index backs it up, and its violation is recognised", async () => {
      const j = await freshJeune();
      const base = {
        structureId: j.structureId,
        jeuneId: j.id,
        type: "PACEA" as const,
        signeLe: today,
        debut: today,
        finPrevue: addDays(today, 30),
      };
      await t.db.insert(contrats).values(base);
      const error = await t.db
        .insert(contrats)
        .values(base)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).not.toBeNull();
      expect(isUniqueViolation(error, "contrats_one_open_per_jeune_idx")).toBe(true);
      expect(isUniqueViolation(error, "another_idx")).toBe(false);
    });

    it("a CEJ started today cannot end after 12 months without an extension reason", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const tooLate = addDays(endAfterMonths(today, 12), 1);
      const refused = await runAction(signContrat, cej(j.id, { finPrevue: tooLate }), camille);
      expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
      if (!refused.ok)
        expect(refused.fieldErrors.finPrevue?.[0]).toContain(`au plus tard le ${formatLongCivilDate(endAfterMonths(today, 12))}`);
      expect(await t.db.select().from(contrats).where(eq(contrats.jeuneId, j.id))).toHaveLength(0);

      const extended = ok(
        await runAction(
          signContrat,
          cej(j.id, { finPrevue: tooLate, prolongationMotif: "Formation qualifiante qui se termine en juin" }),
          camille,
        ),
      );
      expect((await contrat(extended.contratId)).prolongationMotif).toBe("Formation qualifiante qui se termine en juin");
    });

    it("a PACEA stays within 24 months", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const refused = await runAction(signContrat, pacea(j.id, { finPrevue: addDays(endAfterMonths(today, 24), 1) }), camille);
      if (refused.ok) throw new Error("expected refusal");
      expect(refused.fieldErrors.finPrevue?.[0]).toMatch(/24 mois/);
    });

    it("a 31-year-old cannot enter a CEJ, and every reason comes at once", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune(31);
      const refused = await runAction(signContrat, cej(j.id, { etudiant: "on" }), camille);
      if (refused.ok) throw new Error("expected refusal");
      expect(refused.fieldErrors.type?.[0]).toMatch(/31 ans/);
      expect(refused.fieldErrors.etudiant?.[0]).toMatch(/étudiants/);
      expect((await jeune(j.id)).dispositif).toBe("aucun");
    });

    it("a 27-year-old with a RQTH may enter a CEJ", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune(27, { rqth: true });
      ok(await runAction(signContrat, cej(j.id), camille));
    });

    it("a second CEJ within 6 months of the end of the first is refused with the date it becomes possible", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const start = addDays(today, -200);
      const first = ok(
        await runAction(signContrat, cej(j.id, { signeLe: start, debut: start, finPrevue: endAfterMonths(start, 12) }), camille),
      );
      const end = addDays(today, -30);
      ok(await runAction(endContrat, { contratId: first.contratId, version: 1, finReelle: end, motifSortie: "emploi" }, camille));
      const refused = await runAction(signContrat, cej(j.id), camille);
      if (refused.ok) throw new Error("expected refusal");
      expect(refused.fieldErrors.debut?.[0]).toContain(`à partir du ${formatLongCivilDate(nextCejPossibleFrom(end))}`);
      // A PACEA is possible meanwhile.
      ok(await runAction(signContrat, pacea(j.id), camille));
    });

    it("a new contract cannot start before the previous one ended, nor before its signature", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const start = addDays(today, -100);
      const first = ok(await runAction(signContrat, pacea(j.id, { signeLe: start, debut: start }), camille));
      ok(
        await runAction(
          endContrat,
          { contratId: first.contratId, version: 1, finReelle: addDays(today, -10), motifSortie: "abandon" },
          camille,
        ),
      );
      const refused = await runAction(signContrat, pacea(j.id, { signeLe: addDays(today, -20), debut: addDays(today, -20) }), camille);
      if (refused.ok) throw new Error("expected refusal");
      expect(refused.fieldErrors.debut?.[0]).toMatch(/Le contrat précédent a pris fin/);
      const early = await runAction(signContrat, pacea(j.id, { signeLe: today, debut: addDays(today, -1) }), camille);
      if (early.ok) throw new Error("expected refusal");
      expect(early.fieldErrors.debut?.[0]).toMatch(/au plus tôt le jour de sa signature/);
      const future = await runAction(signContrat, pacea(j.id, { signeLe: addDays(today, 1), debut: addDays(today, 1) }), camille);
      if (future.ok) throw new Error("expected refusal");
      expect(future.fieldErrors.signeLe?.[0]).toMatch(/futur/);
    });
  });

  describe("modification and extension", () => {
    it("extends a CEJ with a reason, records a prolongation, and detects a stale version", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const { contratId } = ok(await runAction(signContrat, cej(j.id), camille));
      const newEnd = endAfterMonths(today, 18);
      const noReason = await runAction(modifyContrat, { contratId, version: 1, finPrevue: newEnd }, camille);
      if (noReason.ok) throw new Error("expected refusal");
      expect(noReason.fieldErrors.finPrevue?.[0]).toMatch(/motif exceptionnel/);
      ok(
        await runAction(
          modifyContrat,
          { contratId, version: 1, finPrevue: newEnd, prolongationMotif: "Entrée en apprentissage différée" },
          camille,
        ),
      );
      const row = await contrat(contratId);
      expect(row).toMatchObject({ finPrevue: newEnd, prolongationMotif: "Entrée en apprentissage différée", version: 2 });
      const evs = await eventsOf(contratId);
      expect(evs.map((e) => e.type)).toEqual(["signature", "prolongation"]);
      expect(evs[1]!.etat).toMatchObject({ finPrevue: newEnd, version: 2 });
      expect(events.map((e) => e.kind)).toEqual(["signature", "prolongation"]);
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, contratId), eq(auditLog.action, "contrat.prolongation")));
      expect(audit[0]).toMatchObject({ jeuneId: j.id, fields: ["finPrevue", "prolongationMotif"] });

      const stale = await runAction(modifyContrat, { contratId, version: 1, finPrevue: endAfterMonths(today, 10) }, camille);
      expect(stale).toMatchObject({ ok: false, code: "conflict" });
      if (!stale.ok) expect(stale.message).toMatch(/modifié par quelqu'un d'autre/);
      expect((await contrat(contratId)).finPrevue).toBe(newEnd);

      ok(await runAction(modifyContrat, { contratId, version: 2, finPrevue: endAfterMonths(today, 10) }, camille));
      expect((await eventsOf(contratId)).at(-1)!.type).toBe("modification");
    });

    it("cannot shorten a PACEA before the end of one of its phases", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const { contratId } = ok(await runAction(signContrat, pacea(j.id), camille));
      ok(
        await runAction(
          addPhase,
          { contratId, type: "diagnostic", debut: today, fin: addDays(today, 60), objectifs: "Faire le point" },
          camille,
        ),
      );
      const refused = await runAction(modifyContrat, { contratId, version: 1, finPrevue: addDays(today, 30) }, camille);
      if (refused.ok) throw new Error("expected refusal");
      expect(refused.fieldErrors.finPrevue?.[0]).toMatch(/se termine après la fin du contrat/);
    });
  });

  describe("exit", () => {
    it("ends the contract with a motive, cuts running phases, sets the dispositif to aucun", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const start = addDays(today, -90);
      const { contratId } = ok(await runAction(signContrat, pacea(j.id, { signeLe: start, debut: start }), camille));
      const { phaseId } = ok(
        await runAction(
          addPhase,
          { contratId, type: "diagnostic", debut: start, fin: addDays(today, 30), objectifs: "Diagnostic" },
          camille,
        ),
      );
      const future = await runAction(endContrat, { contratId, version: 1, finReelle: addDays(today, 1), motifSortie: "emploi" }, camille);
      if (future.ok) throw new Error("expected refusal");
      expect(future.fieldErrors.finReelle?.[0]).toMatch(/futur/);
      const other = await runAction(endContrat, { contratId, version: 1, finReelle: today, motifSortie: "autre" }, camille);
      if (other.ok) throw new Error("expected refusal");
      expect(other.fieldErrors.precision?.[0]).toMatch(/Précisez/);

      ok(await runAction(endContrat, { contratId, version: 1, finReelle: today, motifSortie: "emploi" }, camille));
      expect(await contrat(contratId)).toMatchObject({ finReelle: today, motifSortie: "emploi", version: 2 });
      expect((await t.db.select().from(phases).where(eq(phases.id, phaseId)))[0]).toMatchObject({ fin: today, version: 2 });
      expect((await eventsOf(contratId)).at(-1)).toMatchObject({ type: "sortie", dateEffet: today });
      expect((await jeune(j.id)).dispositif).toBe("aucun");
      expect(events.at(-1)).toEqual({ kind: "sortie", ids: [contratId] });
      const again = await runAction(modifyContrat, { contratId, version: 2, finPrevue: endAfterMonths(start, 20) }, camille);
      expect(again).toMatchObject({ ok: false, code: "conflict" });
    });
  });

  describe("switch CEJ ↔ PACEA", () => {
    it("ends the PACEA the day before and signs the CEJ from the switch date, linked, with the motive", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const start = addDays(today, -120);
      const { contratId } = ok(await runAction(signContrat, pacea(j.id, { signeLe: start, debut: start }), camille));
      const base = { contratId, version: 1, type: "CEJ", dateBascule: today, signeLe: today, finPrevue: endAfterMonths(today, 12) };

      const noMotif = await runAction(switchContrat, base, camille);
      if (noMotif.ok) throw new Error("expected refusal");
      expect(noMotif.fieldErrors.motif?.[0]).toMatch(/Indiquez le motif/);
      const student = await runAction(switchContrat, { ...base, motif: "Projet d'emploi", etudiant: "on" }, camille);
      if (student.ok) throw new Error("expected refusal");
      expect(student.fieldErrors.etudiant?.[0]).toMatch(/étudiants/);
      expect((await contrat(contratId)).finReelle).toBeNull();

      const data = ok(
        await runAction(switchContrat, { ...base, motif: "Projet d'emploi précis : besoin d'un accompagnement intensif" }, camille),
      );
      const old = await contrat(contratId);
      expect(old).toMatchObject({ finReelle: addDays(today, -1), motifSortie: "bascule" });
      const next = await contrat(data.contratId);
      expect(next).toMatchObject({
        type: "CEJ",
        debut: today,
        precedentContratId: contratId,
        basculeMotif: "Projet d'emploi précis : besoin d'un accompagnement intensif",
        finReelle: null,
      });
      expect((await eventsOf(contratId)).at(-1)).toMatchObject({ type: "bascule", dateEffet: addDays(today, -1) });
      expect((await eventsOf(next.id)).map((e) => e.type)).toEqual(["bascule"]);
      expect((await jeune(j.id)).dispositif).toBe("CEJ");
      expect(events.at(-1)).toEqual({ kind: "bascule", ids: [contratId, next.id] });
      const open = await t.db
        .select()
        .from(contrats)
        .where(and(eq(contrats.jeuneId, j.id), isNull(contrats.finReelle)));
      expect(open.map((c) => c.id)).toEqual([next.id]);
    });

    it("entering a CEJ by a switch still checks the age", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune(25);
      const start = addDays(today, -60);
      const { contratId } = ok(await runAction(signContrat, pacea(j.id, { signeLe: start, debut: start }), camille));
      await t.db
        .update(jeunes)
        .set({ dateNaissance: addMonths(today, -12 * 26) })
        .where(eq(jeunes.id, j.id));
      const refused = await runAction(
        switchContrat,
        {
          contratId,
          version: 1,
          type: "CEJ",
          dateBascule: today,
          signeLe: today,
          finPrevue: endAfterMonths(today, 6),
          motif: "Souhait du jeune",
        },
        camille,
      );
      if (refused.ok) throw new Error("expected refusal");
      expect(refused.fieldErrors.type?.[0]).toMatch(/26 ans/);
    });

    it("refuses a switch on the day the contract started", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const { contratId } = ok(await runAction(signContrat, cej(j.id), camille));
      const refused = await runAction(
        switchContrat,
        {
          contratId,
          version: 1,
          type: "PACEA",
          dateBascule: today,
          signeLe: today,
          finPrevue: endAfterMonths(today, 12),
          motif: "Erreur de dispositif",
        },
        camille,
      );
      if (refused.ok) throw new Error("expected refusal");
      expect(refused.fieldErrors.dateBascule?.[0]).toMatch(/au plus tôt le lendemain/);
    });
  });

  describe("PACEA phases", () => {
    const setup = async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const start = addDays(today, -40);
      const { contratId } = ok(await runAction(signContrat, pacea(j.id, { signeLe: start, debut: start }), camille));
      return { camille, j, start, contratId };
    };

    it("starts with a diagnostic, refuses overlaps next to the right field, edits with a version, records the review", async () => {
      const { camille, j, start, contratId } = await setup();
      const notFirst = await runAction(
        addPhase,
        { contratId, type: "accompagnement", debut: start, fin: addDays(start, 20), objectifs: "Recherche d'emploi" },
        camille,
      );
      if (notFirst.ok) throw new Error("expected refusal");
      expect(notFirst.fieldErrors.type?.[0]).toMatch(/première phase d'un PACEA est le diagnostic/);

      const diag = ok(
        await runAction(
          addPhase,
          { contratId, type: "diagnostic", debut: start, fin: addDays(start, 30), objectifs: "Faire le point sur la situation" },
          camille,
        ),
      );
      const overlap = await runAction(
        addPhase,
        { contratId, type: "accompagnement", debut: addDays(start, 30), fin: addDays(start, 120), objectifs: "Recherche d'emploi" },
        camille,
      );
      if (overlap.ok) throw new Error("expected refusal");
      expect(overlap.fieldErrors.debut?.[0]).toMatch(/chevauche la phase précédente/);
      const outside = await runAction(
        addPhase,
        { contratId, type: "accompagnement", debut: addDays(start, 31), fin: endAfterMonths(today, 13), objectifs: "Recherche d'emploi" },
        camille,
      );
      if (outside.ok) throw new Error("expected refusal");
      expect(outside.fieldErrors.fin?.[0]).toMatch(/se termine après la fin du contrat/);
      expect(await t.db.select().from(phases).where(eq(phases.contratId, contratId))).toHaveLength(1);

      const acc = ok(
        await runAction(
          addPhase,
          { contratId, type: "accompagnement", debut: addDays(start, 31), fin: addDays(start, 200), objectifs: "Recherche d'emploi" },
          camille,
        ),
      );
      // Lengthening the diagnostic into the next phase: the error is on the diagnostic's end.
      const longer = await runAction(
        editPhase,
        { phaseId: diag.phaseId, version: 1, type: "diagnostic", debut: start, fin: addDays(start, 40), objectifs: "Faire le point" },
        camille,
      );
      if (longer.ok) throw new Error("expected refusal");
      expect(longer.fieldErrors.fin?.[0]).toMatch(/chevauche/);

      ok(
        await runAction(
          editPhase,
          {
            phaseId: acc.phaseId,
            version: 1,
            type: "accompagnement",
            debut: addDays(start, 31),
            fin: addDays(start, 180),
            objectifs: "Recherche d'emploi dans la logistique",
          },
          camille,
        ),
      );
      const stale = await runAction(
        editPhase,
        {
          phaseId: acc.phaseId,
          version: 1,
          type: "accompagnement",
          debut: addDays(start, 31),
          fin: addDays(start, 170),
          objectifs: "x y z",
        },
        camille,
      );
      expect(stale).toMatchObject({ ok: false, code: "conflict" });

      const future = await runAction(
        recordBilan,
        { phaseId: diag.phaseId, version: 1, bilan: "Projet clarifié", bilanLe: addDays(today, 1) },
        camille,
      );
      if (future.ok) throw new Error("expected refusal");
      expect(future.fieldErrors.bilanLe?.[0]).toMatch(/futur/);
      ok(
        await runAction(
          recordBilan,
          { phaseId: diag.phaseId, version: 1, bilan: "Projet clarifié : logistique", bilanLe: addDays(start, 30) },
          camille,
        ),
      );
      const [d] = await t.db.select().from(phases).where(eq(phases.id, diag.phaseId));
      expect(d).toMatchObject({ bilan: "Projet clarifié : logistique", bilanLe: addDays(start, 30), version: 2 });

      const audits = (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.jeuneId, j.id), eq(auditLog.targetType, "phase")))
      )
        .map((a) => a.action)
        .sort();
      expect(audits).toEqual(["phase.ajout", "phase.ajout", "phase.bilan", "phase.modification"]);
    });

    it("refuses phases on a CEJ", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const { contratId } = ok(await runAction(signContrat, cej(j.id), camille));
      const refused = await runAction(
        addPhase,
        { contratId, type: "diagnostic", debut: today, fin: addDays(today, 10), objectifs: "Diagnostic" },
        camille,
      );
      expect(refused).toMatchObject({ ok: false, code: "conflict" });
    });
  });

  describe("who may write", () => {
    it("a Marseille counsellor can neither sign, change nor add a phase for a Lyon young person", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const ines = await sessionUserFor(t.db, INES);
      const j = await freshJeune();
      const data: ContratResult = ok(await runAction(signContrat, pacea(j.id), camille));
      const other = await freshJeune();
      expect(await runAction(signContrat, pacea(other.id), ines)).toMatchObject({ ok: false, code: "not_found" });
      expect(await runAction(modifyContrat, { contratId: data.contratId, version: 1, finPrevue: addDays(today, 100) }, ines)).toMatchObject(
        { ok: false, code: "not_found" },
      );
      expect(
        await runAction(endContrat, { contratId: data.contratId, version: 1, finReelle: today, motifSortie: "emploi" }, ines),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect(
        await runAction(
          switchContrat,
          {
            contratId: data.contratId,
            version: 1,
            type: "CEJ",
            dateBascule: today,
            signeLe: today,
            finPrevue: addDays(today, 100),
            motif: "x",
          },
          ines,
        ),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect(
        await runAction(
          addPhase,
          { contratId: data.contratId, type: "diagnostic", debut: today, fin: addDays(today, 10), objectifs: "Diagnostic" },
          ines,
        ),
      ).toMatchObject({
        ok: false,
        code: "not_found",
      });
      expect(await contrat(data.contratId)).toMatchObject({ version: 1, finReelle: null });
      expect(await t.db.select().from(contrats).where(eq(contrats.jeuneId, other.id))).toHaveLength(0);
      // Nor read it: the pathway query is scoped by structure.
      expect(await listContrats(t.db, ines, j.id)).toEqual([]);
      expect((await listContrats(t.db, camille, j.id)).map((c) => c.id)).toEqual([data.contratId]);
    });

    it("the DPO and the admin cannot write (no parcours.write)", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const j = await freshJeune();
      const data = ok(await runAction(signContrat, pacea(j.id), camille));
      for (const email of [DPO, ADMIN]) {
        const user = await sessionUserFor(t.db, email);
        expect(await runAction(signContrat, pacea((await freshJeune()).id), user), email).toMatchObject({ ok: false, code: "forbidden" });
        expect(
          await runAction(endContrat, { contratId: data.contratId, version: 1, finReelle: today, motifSortie: "emploi" }, user),
          email,
        ).toMatchObject({ ok: false, code: "forbidden" });
        expect(
          await runAction(
            addPhase,
            { contratId: data.contratId, type: "diagnostic", debut: today, fin: addDays(today, 5), objectifs: "Diag" },
            user,
          ),
          email,
        ).toMatchObject({
          ok: false,
          code: "forbidden",
        });
      }
    });
  });
});
