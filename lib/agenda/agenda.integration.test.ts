import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, jeunes, participations, seances, structures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { addDays, todayInParis } from "@/lib/calendar/civil-date";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { runDownload } from "@/lib/actions/download";
import { emargementDownload } from "./emargement";
import { addParticipant, recordAttendance, removeParticipant } from "./participation-writes";
import { getSeanceDetail, listJeuneSeances, listWeek, searchJeunes } from "./queries";
import { cancelSeance, closeSeance, createSeance, updateSeance } from "./seance-writes";
import { isoWeekOf } from "@/lib/calendar/iso-week";

const proposeSanctionIfDue = vi.hoisted(() => vi.fn(async () => null as string | null));
vi.mock("@/lib/sanctions/proposals", () => ({ proposeSanctionIfDue }));

const CAMILLE = "conseillere.lyon@sillage.demo";
const JULIEN = "conseiller.lyon@sillage.demo";
const DIRECTRICE = "directrice.lyon@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";

describe("agenda", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  const yesterday = addDays(today, -1);
  const inThreeDays = addDays(today, 3);
  let lyonJeunes: { id: string }[];
  let marseilleJeune: { id: string };

  beforeAll(async () => {
    await seedDemo(t.db, { today, jeunesPerStructure: 6 });
    const [lyon] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Lyon"));
    const [marseille] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    lyonJeunes = await t.db
      .select({ id: jeunes.id })
      .from(jeunes)
      .where(and(eq(jeunes.structureId, lyon!.id), eq(jeunes.statut, "actif")))
      .orderBy(jeunes.searchText);
    [marseilleJeune] = (await t.db.select({ id: jeunes.id }).from(jeunes).where(eq(jeunes.structureId, marseille!.id))) as [{ id: string }];
  });
  beforeEach(() => proposeSanctionIfDue.mockClear());

  const userId = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  const ok = <T>(
    result: { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors: Record<string, string[]> },
  ): T => {
    if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
    return result.data;
  };
  const seanceRow = async (id: string) => (await t.db.select().from(seances).where(eq(seances.id, id)))[0]!;
  const participantsOf = async (id: string) =>
    t.db.select().from(participations).where(eq(participations.seanceId, id)).orderBy(participations.id);
  const seanceCount = async () => (await t.db.select({ n: count() }).from(seances))[0]!.n;

  const atelier = async (over: Record<string, unknown> = {}) => {
    const camille = await sessionUserFor(t.db, CAMILLE);
    return ok(
      await runAction(
        createSeance,
        {
          type: "atelier",
          titre: "Atelier CV",
          date: yesterday,
          heureDebut: "09:30",
          heureFin: "11:30",
          lieu: "Salle 2",
          animateurId: camille.id,
          capacite: "3",
          ...over,
        },
        camille,
      ),
    );
  };
  const inscrire = async (seanceId: string, jeuneId: string, email = CAMILLE) =>
    runAction(addParticipant, { seanceId, jeuneId }, await sessionUserFor(t.db, email));
  const attendanceForm = (seanceId: string, lines: { id: string; version: number; presence?: string; motif?: string }[]) => {
    const raw: Record<string, string> = { seanceId };
    for (const l of lines) {
      raw[`version_${l.id}`] = String(l.version);
      if (l.presence) raw[`presence_${l.id}`] = l.presence;
      if (l.motif !== undefined) raw[`motif_${l.id}`] = l.motif;
    }
    return raw;
  };

  describe("creating a séance", () => {
    it("stores Paris wall-clock times as instants, and audits field names only", async () => {
      const { id } = await atelier({ titre: "Simulation d'entretien", date: "2026-11-27", heureDebut: "14:00", heureFin: "16:30" });
      const row = await seanceRow(id);
      expect(row).toMatchObject({ type: "atelier", titre: "Simulation d'entretien", lieu: "Salle 2", capacite: 3, version: 1 });
      expect(row.debut.toISOString()).toBe("2026-11-27T13:00:00.000Z");
      expect(row.fin.toISOString()).toBe("2026-11-27T15:30:00.000Z");
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "agenda.seance_create")));
      expect(entry).toMatchObject({ targetType: "seance", fields: expect.arrayContaining(["titre", "debut"]) });
      expect(JSON.stringify(entry)).not.toContain("Simulation");
    });

    it("refuses an end before the start, a missing capacity and an animateur of another structure, writing nothing", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const before = await seanceCount();
      const r1 = await runAction(
        createSeance,
        {
          type: "atelier",
          titre: "Atelier CV",
          date: today,
          heureDebut: "11:00",
          heureFin: "10:00",
          animateurId: camille.id,
          capacite: "5",
        },
        camille,
      );
      expect(r1).toMatchObject({ ok: false, fieldErrors: { heureFin: ["L'heure de fin doit être après l'heure de début."] } });
      const r2 = await runAction(
        createSeance,
        {
          type: "information_collective",
          titre: "Info CEJ",
          date: today,
          heureDebut: "10:00",
          heureFin: "11:00",
          animateurId: camille.id,
          capacite: "",
        },
        camille,
      );
      expect(r2).toMatchObject({ ok: false, fieldErrors: { capacite: ["Indiquez le nombre de places de la séance."] } });
      const ines = await userId(INES);
      const r3 = await runAction(
        createSeance,
        { type: "atelier", titre: "Atelier CV", date: today, heureDebut: "10:00", heureFin: "11:00", animateurId: ines, capacite: "5" },
        camille,
      );
      expect(r3).toMatchObject({ ok: false, fieldErrors: { animateurId: [expect.stringContaining("votre structure")] } });
      const r4 = await runAction(
        createSeance,
        {
          type: "atelier",
          titre: "Atelier CV",
          date: "2026-03-29",
          heureDebut: "02:30",
          heureFin: "04:00",
          animateurId: camille.id,
          capacite: "5",
        },
        camille,
      );
      expect(r4).toMatchObject({ ok: false, fieldErrors: { heureDebut: [expect.stringContaining("heure d'été")] } });
      expect(await seanceCount()).toBe(before);
    });

    it("books an individual rendez-vous with exactly one young person of the structure", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const base = {
        type: "rendez_vous_individuel",
        titre: "Point mensuel",
        date: inThreeDays,
        heureDebut: "10:00",
        heureFin: "10:45",
        animateurId: camille.id,
      };
      const missing = await runAction(createSeance, base, camille);
      expect(missing).toMatchObject({ ok: false, fieldErrors: { jeuneId: ["Choisissez le jeune reçu en rendez-vous."] } });
      const before = await seanceCount();
      const foreign = await runAction(createSeance, { ...base, jeuneId: marseilleJeune.id }, camille);
      expect(foreign).toMatchObject({ ok: false, fieldErrors: { jeuneId: [expect.stringContaining("introuvable")] } });
      expect(await seanceCount()).toBe(before);

      const { id } = ok(await runAction(createSeance, { ...base, jeuneId: lyonJeunes[0]!.id, capacite: "12" }, camille));
      expect((await seanceRow(id)).capacite).toBeNull();
      const ps = await participantsOf(id);
      expect(ps.map((p) => p.jeuneId)).toEqual([lyonJeunes[0]!.id]);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, ps[0]!.id), eq(auditLog.action, "agenda.participant_add")));
      expect(entry?.jeuneId).toBe(lyonJeunes[0]!.id);
      // A second young person cannot join, and the one booked cannot be removed (cancel or edit instead).
      expect(await inscrire(id, lyonJeunes[1]!.id)).toMatchObject({
        ok: false,
        fieldErrors: { jeuneId: [expect.stringContaining("un seul jeune")] },
      });
      expect(await runAction(removeParticipant, { seanceId: id, participationId: ps[0]!.id, version: 1 }, camille)).toMatchObject({
        ok: false,
        code: "conflict",
      });
    });

    it("is refused to the DPO (no agenda.write), whatever the input", async () => {
      const dpo = await sessionUserFor(t.db, DPO);
      const before = await seanceCount();
      const r = await runAction(
        createSeance,
        { type: "atelier", titre: "Atelier CV", date: today, heureDebut: "10:00", heureFin: "11:00", animateurId: dpo.id, capacite: "5" },
        dpo,
      );
      expect(r).toMatchObject({ ok: false, code: "forbidden" });
      expect(await seanceCount()).toBe(before);
    });
  });

  describe("editing a séance", () => {
    it("detects a concurrent edit through the version and overwrites nothing", async () => {
      const { id } = await atelier();
      const camille = await sessionUserFor(t.db, CAMILLE);
      const julien = await sessionUserFor(t.db, JULIEN);
      const form = {
        seanceId: id,
        version: "1",
        type: "atelier",
        date: yesterday,
        heureDebut: "09:30",
        heureFin: "11:30",
        lieu: "Salle 2",
        animateurId: camille.id,
        capacite: "3",
      };
      ok(await runAction(updateSeance, { ...form, titre: "Atelier CV — niveau 2" }, julien));
      const stale = await runAction(updateSeance, { ...form, titre: "Atelier lettre de motivation" }, camille);
      expect(stale).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("modifiée par quelqu'un d'autre") });
      expect(await seanceRow(id)).toMatchObject({ titre: "Atelier CV — niveau 2", version: 2 });
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "agenda.seance_update")));
      expect(entry?.fields).toEqual(["titre"]);
    });

    it("refuses a capacity below the young people already registered, and switching individual ↔ collective", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      ok(await inscrire(id, lyonJeunes[1]!.id));
      const camille = await sessionUserFor(t.db, CAMILLE);
      const form = {
        seanceId: id,
        version: "1",
        type: "atelier",
        titre: "Atelier CV",
        date: yesterday,
        heureDebut: "09:30",
        heureFin: "11:30",
        animateurId: camille.id,
      };
      expect(await runAction(updateSeance, { ...form, capacite: "1" }, camille)).toMatchObject({
        ok: false,
        fieldErrors: { capacite: [expect.stringContaining("au moins 2")] },
      });
      expect(await runAction(updateSeance, { ...form, type: "rendez_vous_individuel", jeuneId: lyonJeunes[0]!.id }, camille)).toMatchObject(
        { ok: false, fieldErrors: { type: [expect.any(String)] } },
      );
      expect((await seanceRow(id)).capacite).toBe(3);
      ok(await runAction(updateSeance, { ...form, capacite: "2" }, camille));
      expect((await seanceRow(id)).capacite).toBe(2);
    });
  });

  describe("participants", () => {
    it("refuses duplicates, a young person of another structure and a full séance", async () => {
      const { id } = await atelier({ capacite: "2" });
      ok(await inscrire(id, lyonJeunes[0]!.id));
      expect(await inscrire(id, lyonJeunes[0]!.id)).toMatchObject({
        ok: false,
        fieldErrors: { jeuneId: ["Ce jeune est déjà inscrit à cette séance."] },
      });
      expect(await inscrire(id, marseilleJeune.id)).toMatchObject({
        ok: false,
        fieldErrors: { jeuneId: [expect.stringContaining("introuvable")] },
      });
      ok(await inscrire(id, lyonJeunes[1]!.id, JULIEN));
      expect(await inscrire(id, lyonJeunes[2]!.id)).toMatchObject({
        ok: false,
        fieldErrors: { jeuneId: [expect.stringContaining("complète")] },
      });
      expect((await participantsOf(id)).map((p) => p.jeuneId).sort()).toEqual([lyonJeunes[0]!.id, lyonJeunes[1]!.id].sort());
    });

    it("removes a participant still expected (audited on their dossier), not one whose attendance is recorded", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      ok(await inscrire(id, lyonJeunes[1]!.id));
      const camille = await sessionUserFor(t.db, CAMILLE);
      const [a, b] = (await participantsOf(id)).sort((x, y) =>
        x.jeuneId === lyonJeunes[0]!.id ? -1 : y.jeuneId === lyonJeunes[0]!.id ? 1 : 0,
      );
      ok(
        await runAction(
          recordAttendance,
          attendanceForm(id, [
            { id: a!.id, version: 1, presence: "present" },
            { id: b!.id, version: 1 },
          ]),
          camille,
        ),
      );
      expect(await runAction(removeParticipant, { seanceId: id, participationId: a!.id, version: 2 }, camille)).toMatchObject({
        ok: false,
        message: expect.stringContaining("déjà notée"),
      });
      ok(await runAction(removeParticipant, { seanceId: id, participationId: b!.id, version: 1 }, camille));
      expect((await participantsOf(id)).map((p) => p.id)).toEqual([a!.id]);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, b!.id), eq(auditLog.action, "agenda.participant_remove")));
      expect(entry?.jeuneId).toBe(b!.jeuneId);
    });
  });

  describe("attendance", () => {
    it("saves every line or none: one stale version refuses the whole form", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      ok(await inscrire(id, lyonJeunes[1]!.id));
      const [a, b] = await participantsOf(id);
      const camille = await sessionUserFor(t.db, CAMILLE);
      const r = await runAction(
        recordAttendance,
        attendanceForm(id, [
          { id: a!.id, version: 1, presence: "present" },
          { id: b!.id, version: 7, presence: "absent_non_excuse" },
        ]),
        camille,
      );
      expect(r).toMatchObject({ ok: false, code: "conflict" });
      expect((await participantsOf(id)).map((p) => [p.presence, p.version])).toEqual([
        ["prevu", 1],
        ["prevu", 1],
      ]);
      expect(proposeSanctionIfDue).not.toHaveBeenCalled();
    });

    it("records presence and the excuse, audits each young person, and asks the sanction rules only for new unexcused absences", async () => {
      const { id } = await atelier();
      for (const j of lyonJeunes.slice(0, 3)) ok(await inscrire(id, j.id));
      const [a, b, c] = await participantsOf(id);
      const camille = await sessionUserFor(t.db, CAMILLE);
      const data = ok(
        await runAction(
          recordAttendance,
          attendanceForm(id, [
            { id: a!.id, version: 1, presence: "present", motif: "ignored" },
            { id: b!.id, version: 1, presence: "absent_excuse", motif: "Rendez-vous médical" },
            { id: c!.id, version: 1, presence: "absent_non_excuse" },
          ]),
          camille,
        ),
      );
      expect(data.changed).toBe(3);
      const rows = await participantsOf(id);
      expect(rows.map((p) => [p.presence, p.motifAbsence, p.version, p.marqueePar])).toEqual([
        ["present", null, 2, camille.id],
        ["absent_excuse", "Rendez-vous médical", 2, camille.id],
        ["absent_non_excuse", null, 2, camille.id],
      ]);
      expect(proposeSanctionIfDue).toHaveBeenCalledTimes(1);
      expect(proposeSanctionIfDue).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ id: camille.id }), {
        jeuneId: c!.jeuneId,
        structureId: camille.structureId,
      });
      const entries = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "agenda.presence")));
      const mine = entries.filter((e) => [a!.id, b!.id, c!.id].includes(e.targetId!));
      expect(mine.map((e) => e.jeuneId).sort()).toEqual([a!.jeuneId, b!.jeuneId, c!.jeuneId].sort());
      expect(JSON.stringify(mine)).not.toContain("médical");

      // Saving the same absence again is not a new failure: no second call.
      proposeSanctionIfDue.mockClear();
      ok(await runAction(recordAttendance, attendanceForm(id, [{ id: c!.id, version: 2, presence: "absent_non_excuse" }]), camille));
      expect(proposeSanctionIfDue).not.toHaveBeenCalled();
    });

    it("rolls the attendance back when the sanction rules fail", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      const [a] = await participantsOf(id);
      proposeSanctionIfDue.mockRejectedValueOnce(new Error("boom"));
      const r = await runAction(
        recordAttendance,
        attendanceForm(id, [{ id: a!.id, version: 1, presence: "absent_non_excuse" }]),
        await sessionUserFor(t.db, CAMILLE),
      );
      expect(r).toMatchObject({ ok: false, code: "unexpected" });
      expect((await participantsOf(id))[0]).toMatchObject({ presence: "prevu", version: 1 });
    });

    it("only accepts an excused absence before the séance starts", async () => {
      const { id } = await atelier({ date: inThreeDays });
      ok(await inscrire(id, lyonJeunes[0]!.id));
      ok(await inscrire(id, lyonJeunes[1]!.id));
      const [a, b] = await participantsOf(id);
      const camille = await sessionUserFor(t.db, CAMILLE);
      const r = await runAction(
        recordAttendance,
        attendanceForm(id, [
          { id: a!.id, version: 1, presence: "present" },
          { id: b!.id, version: 1, presence: "absent_excuse" },
        ]),
        camille,
      );
      expect(r).toMatchObject({ ok: false, fieldErrors: { [`presence_${a!.id}`]: [expect.stringContaining("pas encore commencé")] } });
      expect((await participantsOf(id)).map((p) => p.presence)).toEqual(["prevu", "prevu"]);
      ok(
        await runAction(
          recordAttendance,
          attendanceForm(id, [
            { id: a!.id, version: 1 },
            { id: b!.id, version: 1, presence: "absent_excuse", motif: "Entretien d'embauche" },
          ]),
          camille,
        ),
      );
      expect((await participantsOf(id)).map((p) => p.presence)).toEqual(["prevu", "absent_excuse"]);
    });
  });

  describe("closing and cancelling", () => {
    it("refuses to close while someone is still expected, then freezes attendance once closed", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      ok(await inscrire(id, lyonJeunes[1]!.id));
      const [a, b] = await participantsOf(id);
      const camille = await sessionUserFor(t.db, CAMILLE);
      ok(
        await runAction(
          recordAttendance,
          attendanceForm(id, [
            { id: a!.id, version: 1, presence: "present" },
            { id: b!.id, version: 1 },
          ]),
          camille,
        ),
      );
      expect(await runAction(closeSeance, { seanceId: id, version: "1" }, camille)).toMatchObject({
        ok: false,
        code: "conflict",
        message: expect.stringContaining("encore « prévu »"),
      });
      expect((await seanceRow(id)).clotureeLe).toBeNull();
      ok(
        await runAction(
          recordAttendance,
          attendanceForm(id, [
            { id: a!.id, version: 2, presence: "present" },
            { id: b!.id, version: 1, presence: "absent_excuse" },
          ]),
          camille,
        ),
      );
      ok(await runAction(closeSeance, { seanceId: id, version: "1" }, camille));
      expect(await seanceRow(id)).toMatchObject({ clotureePar: camille.id, version: 2 });
      const frozen = await runAction(
        recordAttendance,
        attendanceForm(id, [{ id: a!.id, version: 2, presence: "absent_non_excuse" }]),
        camille,
      );
      expect(frozen).toMatchObject({ ok: false, message: expect.stringContaining("clôturée") });
      expect(await inscrire(id, lyonJeunes[2]!.id)).toMatchObject({ ok: false, message: expect.stringContaining("clôturée") });
      expect((await participantsOf(id))[0]!.presence).toBe("present");
    });

    it("refuses to cancel a séance where attendance shows it took place", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      const [a] = await participantsOf(id);
      const camille = await sessionUserFor(t.db, CAMILLE);
      ok(await runAction(recordAttendance, attendanceForm(id, [{ id: a!.id, version: 1, presence: "present" }]), camille));
      expect(await runAction(cancelSeance, { seanceId: id, version: "1", motif: "autre" }, camille)).toMatchObject({
        ok: false,
        message: expect.stringContaining("Clôturez-la"),
      });
      expect((await seanceRow(id)).annuleeLe).toBeNull();
    });

    it("refuses to close a séance that has not started yet", async () => {
      const { id } = await atelier({ date: inThreeDays });
      expect(await runAction(closeSeance, { seanceId: id, version: "1" }, await sessionUserFor(t.db, CAMILLE))).toMatchObject({
        ok: false,
        message: expect.stringContaining("pas encore commencé"),
      });
    });

    it("cancels with a reason code, keeps the participants and shows it as cancelled", async () => {
      const { id } = await atelier({ date: inThreeDays });
      ok(await inscrire(id, lyonJeunes[0]!.id));
      const camille = await sessionUserFor(t.db, CAMILLE);
      expect(await runAction(cancelSeance, { seanceId: id, version: "1", motif: "n_importe_quoi" }, camille)).toMatchObject({
        ok: false,
        fieldErrors: { motif: [expect.any(String)] },
      });
      ok(await runAction(cancelSeance, { seanceId: id, version: "1", motif: "trop_peu_inscrits" }, camille));
      expect((await seanceRow(id)).annuleeLe).not.toBeNull();
      expect(await participantsOf(id)).toHaveLength(1);
      const detail = await getSeanceDetail(camille, id);
      expect(detail?.annulationMotif).toBe("Trop peu d'inscrits");
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "agenda.seance_cancel"));
      expect(entries.some((e) => e.jeuneId === lyonJeunes[0]!.id)).toBe(true);
      expect(await inscrire(id, lyonJeunes[1]!.id)).toMatchObject({ ok: false, message: expect.stringContaining("annulée") });
      expect(await runAction(cancelSeance, { seanceId: id, version: "2", motif: "autre" }, camille)).toMatchObject({
        ok: false,
        message: expect.stringContaining("annulée"),
      });
    });
  });

  describe("structure boundaries", () => {
    it("hides a Lyon séance from a Marseille counsellor and refuses every write on it", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      const [p] = await participantsOf(id);
      const ines = await sessionUserFor(t.db, INES);
      expect(await getSeanceDetail(ines, id)).toBeNull();
      const week = isoWeekOf(yesterday);
      expect((await listWeek(ines, week, { type: null, mine: false })).seances.map((s) => s.id)).not.toContain(id);
      const camille = await sessionUserFor(t.db, CAMILLE);
      expect((await listWeek(camille, week, { type: null, mine: false })).seances.map((s) => s.id)).toContain(id);
      expect(await listJeuneSeances(ines, lyonJeunes[0]!.id, 1, new Date())).toMatchObject({ total: 0, rows: [] });

      const attempts = [
        runAction(
          updateSeance,
          {
            seanceId: id,
            version: "1",
            type: "atelier",
            titre: "Piraté",
            date: yesterday,
            heureDebut: "09:30",
            heureFin: "11:30",
            animateurId: ines.id,
            capacite: "3",
          },
          ines,
        ),
        runAction(addParticipant, { seanceId: id, jeuneId: marseilleJeune.id }, ines),
        runAction(removeParticipant, { seanceId: id, participationId: p!.id, version: "1" }, ines),
        runAction(recordAttendance, attendanceForm(id, [{ id: p!.id, version: 1, presence: "absent_non_excuse" }]), ines),
        runAction(closeSeance, { seanceId: id, version: "1" }, ines),
        runAction(cancelSeance, { seanceId: id, version: "1", motif: "autre" }, ines),
      ];
      for (const r of await Promise.all(attempts)) expect(r).toMatchObject({ ok: false, code: "not_found" });
      expect(await seanceRow(id)).toMatchObject({ titre: "Atelier CV", version: 1, annuleeLe: null, clotureeLe: null });
      expect((await participantsOf(id))[0]).toMatchObject({ presence: "prevu", version: 1 });
      expect(proposeSanctionIfDue).not.toHaveBeenCalled();
    });

    it("gives the sign-in sheet to the séance's structure only, and audits each download without names", async () => {
      const { id } = await atelier();
      ok(await inscrire(id, lyonJeunes[0]!.id));
      const elsewhere = await runDownload(emargementDownload, { id }, await sessionUserFor(t.db, INES));
      expect(elsewhere.status).toBe(404);
      expect(await elsewhere.text()).toBe("Séance introuvable.");
      expect((await runDownload(emargementDownload, { id }, await sessionUserFor(t.db, DPO))).status).toBe(403);
      expect(
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "agenda.emargement"))),
      ).toHaveLength(0);
      const sheet = await runDownload(emargementDownload, { id }, await sessionUserFor(t.db, JULIEN));
      expect(sheet.status).toBe(200);
      expect(sheet.headers.get("Content-Type")).toBe("application/pdf");
      expect(sheet.headers.get("Content-Disposition")).toBe('attachment; filename="feuille-emargement.pdf"');
      expect(sheet.headers.get("Cache-Control")).toBe("private, no-store");
      expect(new TextDecoder().decode(new Uint8Array(await sheet.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
      const entries = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "agenda.emargement")));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actorId: await userId(JULIEN),
        meta: expect.objectContaining({ participants: 1, cloturee: false }),
      });
    });

    it("refuses every agenda write to the DPO and the platform admin", async () => {
      const { id } = await atelier();
      const admin = await sessionUserFor(t.db, "admin@sillage.demo");
      expect(await runAction(closeSeance, { seanceId: id, version: "1" }, admin)).toMatchObject({ ok: false, code: "forbidden" });
      expect(
        await runAction(
          updateSeance,
          {
            seanceId: id,
            version: "1",
            type: "atelier",
            titre: "Admin",
            date: yesterday,
            heureDebut: "09:30",
            heureFin: "11:30",
            animateurId: admin.id,
            capacite: "3",
          },
          admin,
        ),
      ).toMatchObject({ ok: false, code: "forbidden" });
      const dpo = await sessionUserFor(t.db, DPO);
      expect(await runAction(cancelSeance, { seanceId: id, version: "1", motif: "autre" }, dpo)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await runAction(addParticipant, { seanceId: id, jeuneId: lyonJeunes[0]!.id }, dpo)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await seanceRow(id)).toMatchObject({ annuleeLe: null, titre: "Atelier CV", version: 1 });
    });

    it("searches young people in the caller's structure only", async () => {
      const camille = await sessionUserFor(t.db, CAMILLE);
      const ines = await sessionUserFor(t.db, INES);
      const lea = (await searchJeunes(camille, "dupont lé")).map((o) => o.label);
      expect(lea.some((l) => l.startsWith("DUPONT Léa"))).toBe(true);
      expect((await searchJeunes(ines, "dupont lea")).some((o) => o.label.startsWith("DUPONT Léa"))).toBe(false);
    });
  });

  describe("a young person's séances", () => {
    it("lists upcoming séances first (soonest first), then past ones (latest first)", async () => {
      const directrice = await sessionUserFor(t.db, DIRECTRICE);
      const jeune = lyonJeunes[5]!;
      const make = async (date: string, titre: string) => {
        const { id } = ok(
          await runAction(
            createSeance,
            { type: "atelier", titre, date, heureDebut: "10:00", heureFin: "11:00", animateurId: directrice.id, capacite: "10" },
            directrice,
          ),
        );
        ok(await runAction(addParticipant, { seanceId: id, jeuneId: jeune.id }, directrice));
      };
      await make(addDays(today, -10), "Passé lointain");
      await make(addDays(today, 10), "Futur lointain");
      await make(addDays(today, -2), "Passé proche");
      await make(addDays(today, 2), "Futur proche");
      const { rows, total } = await listJeuneSeances(directrice, jeune.id, 1, new Date());
      expect(total).toBe(4);
      expect(rows.map((r) => r.titre)).toEqual(["Futur proche", "Futur lointain", "Passé proche", "Passé lointain"]);
      expect(rows.map((r) => r.aVenir)).toEqual([true, true, false, false]);
    });
  });
});
