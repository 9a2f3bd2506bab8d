import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, contrats, jeunes, participations, sanctions, seances, users, type Jeune, type Sanction } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { recordAttendance } from "@/lib/agenda/participation-writes";
import { allocationDecisionActions } from "@/lib/allocation/decision-writes";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { proposeSanctionIfDue } from "./proposals";
import { sanctionActions } from "./writes";

const CAMILLE = "conseillere.lyon@sillage.demo";
const DIRECTRICE = "directrice.lyon@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";
const DIRECTEUR_MARSEILLE = "directeur.marseille@sillage.demo";

// "Today" is 15 July 2025 for every step (explicit clock).
const steps = sanctionActions(() => new Date("2025-07-15T10:00:00Z"));

describe("sanctions", () => {
  const t = useTestDatabase();
  let lea: Jeune;
  let other: Jeune;
  let leaContratId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2025-07-15", jeunesPerStructure: 4 });
    const [camille] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
    lea = (await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr")))[0]!;
    other = (
      await t.db
        .select()
        .from(jeunes)
        .where(and(eq(jeunes.conseillerId, camille!.id), eq(jeunes.statut, "actif")))
    ).find((j) => j.id !== lea.id && j.email !== "tom.girard@exemple.fr")!;
    const [c] = await t.db
      .insert(contrats)
      .values({
        structureId: lea.structureId,
        jeuneId: lea.id,
        type: "CEJ",
        signeLe: "2025-03-01",
        debut: "2025-03-01",
        finPrevue: "2026-02-28",
      })
      .returning();
    leaContratId = c!.id;
    await t.db.insert(contrats).values({
      structureId: other.structureId,
      jeuneId: other.id,
      type: "CEJ",
      signeLe: "2025-04-01",
      debut: "2025-04-01",
      finPrevue: "2026-03-31",
    });
  });

  const as = (email: string) => sessionUserFor(t.db, email);
  /** A séance at `instant` with the young person marked with `presence`. */
  const attend = async (
    jeune: Jeune,
    instant: string,
    presence: "absent_non_excuse" | "absent_excuse" | "present" = "absent_non_excuse",
    cancelled = false,
  ) => {
    const debut = new Date(instant);
    const [s] = await t.db
      .insert(seances)
      .values({
        structureId: jeune.structureId,
        type: "atelier",
        titre: "Atelier CV",
        debut,
        fin: new Date(debut.getTime() + 2 * 3600_000),
        annuleeLe: cancelled ? new Date(debut.getTime() - 86400_000) : null,
      })
      .returning();
    const [p] = await t.db
      .insert(participations)
      .values({ structureId: jeune.structureId, seanceId: s!.id, jeuneId: jeune.id, presence })
      .returning();
    return p!.id;
  };
  const propose = async (jeune: Jeune, email = CAMILLE) => {
    const user = await as(email);
    return t.db.transaction((tx) => proposeSanctionIfDue(tx, user, { jeuneId: jeune.id, structureId: jeune.structureId }));
  };
  const sanction = async (id: string): Promise<Sanction> => (await t.db.select().from(sanctions).where(eq(sanctions.id, id)))[0]!;
  const sanctionsOf = (jeune: Jeune) => t.db.select().from(sanctions).where(eq(sanctions.jeuneId, jeune.id));

  describe("proposal after three unexcused absences", () => {
    let firstId: string;

    it("before 1 June 2025: the 2022 CEJ ladder, first rung; two absences are not enough", async () => {
      const a1 = await attend(lea, "2025-05-12T08:00:00Z");
      await attend(lea, "2025-05-13T08:00:00Z", "absent_excuse");
      await attend(lea, "2025-05-14T08:00:00Z", "absent_non_excuse", true); // cancelled séance
      await attend(lea, "2025-02-20T08:00:00Z"); // before the contract
      const a2 = await attend(lea, "2025-05-19T08:00:00Z");
      expect(await propose(lea)).toBeNull();
      const a3 = await attend(lea, "2025-05-26T08:00:00Z");
      const id = await propose(lea);
      expect(id).not.toBeNull();
      firstId = id!;
      const row = await sanction(firstId);
      expect(row).toMatchObject({
        contratId: leaContratId,
        statut: "proposee",
        dateFait: "2025-05-26",
        regime: "cej_2022",
        palier: "reduction_quart_mois",
        palierIndex: 0,
        baremeEnVigueurDepuis: "2022-03-01",
        motif: "Trois absences non excusées : le 12 mai 2025, le 19 mai 2025 et le 26 mai 2025.",
      });
      expect([...row.participationIds].sort()).toEqual([a1, a2, a3].sort());
      const [audit] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, firstId), eq(auditLog.action, "sanction.proposee")));
      expect(audit).toMatchObject({ jeuneId: lea.id, fields: expect.arrayContaining(["participationIds", "palier"]) });
    });

    it("the 4th and 5th absences do not duplicate the proposal", async () => {
      await attend(lea, "2025-06-02T08:00:00Z");
      expect(await propose(lea)).toBeNull();
      await attend(lea, "2025-06-09T08:00:00Z");
      expect(await propose(lea)).toBeNull();
      expect(await sanctionsOf(lea)).toHaveLength(1);
    });

    it("the fact's Paris date decides the ladder: 00:30 on 1 June in Paris is under suspension-remobilisation", async () => {
      await attend(other, "2025-05-29T08:00:00Z");
      await attend(other, "2025-05-30T08:00:00Z");
      await attend(other, "2025-05-31T22:30:00Z"); // 1 June 2025, 00:30 in Paris
      const row = await sanction((await propose(other))!);
      expect(row).toMatchObject({
        dateFait: "2025-06-01",
        regime: "suspension_remobilisation",
        palier: "suspension_30_pourcent_1_a_2_mois",
        palierIndex: 0,
        baremeEnVigueurDepuis: "2025-06-01",
      });
    });

    it("a Marseille counsellor's call on a Lyon young person is refused", async () => {
      await expect(propose(lea, INES)).rejects.toMatchObject({ code: "not_found" });
    });

    it("contradictoire, then the director decides; the next proposal takes the next rung under the ladder of its own date", async () => {
      const camille = await as(CAMILLE);
      const directrice = await as(DIRECTRICE);
      const row = await sanction(firstId);

      // A counsellor cannot decide; the director cannot apply before the young person could answer.
      expect(
        await runAction(
          steps.decide,
          { sanctionId: firstId, version: String(row.version), issue: "appliquer", premierMois: "2025-06" },
          camille,
        ),
      ).toMatchObject({ ok: false, code: "forbidden" });
      const early = await runAction(
        steps.decide,
        { sanctionId: firstId, version: String(row.version), issue: "appliquer", premierMois: "2025-06" },
        directrice,
      );
      expect(early).toMatchObject({ ok: false, code: "conflict" });
      expect(!early.ok && early.message).toContain("Enregistrez d'abord la réponse du jeune");

      expect(
        await runAction(
          steps.recordResponse,
          { sanctionId: firstId, version: String(row.version), reponseLe: "2025-05-20", reponseJeune: "J'étais malade" },
          camille,
        ),
      ).toMatchObject({
        ok: false,
        fieldErrors: { reponseLe: [expect.stringContaining("entre le manquement")] },
      });
      expect(
        await runAction(
          steps.recordResponse,
          { sanctionId: firstId, version: String(row.version), reponseLe: "2025-06-03", reponseJeune: "Je n'avais pas de transport." },
          camille,
        ),
      ).toMatchObject({ ok: true });
      const answered = await sanction(firstId);
      expect(answered).toMatchObject({
        statut: "contradictoire",
        reponseJeune: "Je n'avais pas de transport.",
        reponseLe: "2025-06-03",
        version: row.version + 1,
      });

      // The version read before the answer is stale now.
      expect(
        await runAction(
          steps.decide,
          { sanctionId: firstId, version: String(row.version), issue: "appliquer", premierMois: "2025-06" },
          directrice,
        ),
      ).toMatchObject({ ok: false, code: "conflict" });
      expect(
        await runAction(
          steps.decide,
          { sanctionId: firstId, version: String(answered.version), issue: "appliquer", premierMois: "2025-04" },
          directrice,
        ),
      ).toMatchObject({
        ok: false,
        fieldErrors: { premierMois: [expect.stringContaining("mai 2025")] },
      });
      expect(
        await runAction(
          steps.decide,
          { sanctionId: firstId, version: String(answered.version), issue: "appliquer", premierMois: "2025-06" },
          directrice,
        ),
      ).toMatchObject({ ok: true });
      const decided = await sanction(firstId);
      expect(decided).toMatchObject({
        statut: "decidee",
        decideeLe: "2025-07-15",
        effet: { kind: "reduction", pourcentage: 25, mois: 1, premierMois: "2025-06", finContrat: false },
      });
      expect(decided.decision).toBe("Sanction appliquée.");

      // The decided effect is used by the allowance decision of June 2025.
      const allocation = allocationDecisionActions(() => new Date("2025-07-15T10:00:00Z"));
      const june = await runAction(allocation.preview, { jeuneId: lea.id, mois: "2025-06", foyer: "non_imposable" }, camille);
      expect(june).toMatchObject({ ok: true, data: { montantCents: 56168 - 14042 } });
      const july = await runAction(allocation.preview, { jeuneId: lea.id, mois: "2025-07", foyer: "non_imposable" }, camille);
      expect(july).toMatchObject({ ok: true, data: { montantCents: 56168 } });

      // Absences 4 and 5 (June) and a 6th: a second failure, under the ladder in force on its date.
      await attend(lea, "2025-06-16T08:00:00Z");
      const second = await sanction((await propose(lea))!);
      expect(second).toMatchObject({
        dateFait: "2025-06-16",
        regime: "suspension_remobilisation",
        palier: "suspension_jusqu_a_4_mois",
        palierIndex: 1,
      });

      const audits = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, firstId))).map((a) => [a.action, a.jeuneId]);
      expect(audits).toEqual(
        expect.arrayContaining([
          ["sanction.contradictoire", lea.id],
          ["sanction.decidee", lea.id],
        ]),
      );
    });
  });

  describe("through the agenda's attendance action", () => {
    it("the third unexcused absence saved in the agenda proposes the sanction, in the same transaction", async () => {
      const camille = await as(CAMILLE);
      const [third] = (
        await t.db
          .select()
          .from(jeunes)
          .where(and(eq(jeunes.structureId, lea.structureId), eq(jeunes.statut, "actif")))
      ).filter((j) => j.id !== lea.id && j.id !== other.id);
      await t.db.insert(contrats).values({
        structureId: third!.structureId,
        jeuneId: third!.id,
        type: "CEJ",
        signeLe: "2025-04-01",
        debut: "2025-04-01",
        finPrevue: "2026-03-31",
      });
      const results = [];
      for (const instant of ["2025-06-02T08:00:00Z", "2025-06-04T08:00:00Z", "2025-06-06T08:00:00Z"]) {
        const pid = await attend(third!, instant, "present");
        await t.db.update(participations).set({ presence: "prevu" }).where(eq(participations.id, pid));
        const [p] = await t.db.select().from(participations).where(eq(participations.id, pid));
        results.push(
          await runAction(
            recordAttendance,
            { seanceId: p!.seanceId, [`version_${pid}`]: String(p!.version), [`presence_${pid}`]: "absent_non_excuse" },
            camille,
          ),
        );
      }
      expect(results.map((r) => r.ok)).toEqual([true, true, true]);
      const proposed = results.map((r) => (r.ok ? (r.data as { sanctionsProposees: string[] }).sanctionsProposees : []));
      expect(proposed[0]).toEqual([]);
      expect(proposed[1]).toEqual([]);
      expect(proposed[2]).toHaveLength(1);
      expect(await sanction(proposed[2]![0]!)).toMatchObject({
        jeuneId: third!.id,
        dateFait: "2025-06-06",
        regime: "suspension_remobilisation",
        palierIndex: 0,
        statut: "proposee",
      });
    });
  });

  describe("failure recorded by hand, and dropping it", () => {
    let id: string;

    it("proposes the rung of the ladder in force at the date of the fact", async () => {
      const result = await runAction(
        steps.recordFailure,
        { jeuneId: other.id, dateFait: "2025-07-01", motif: "Ne s'est pas présenté à l'entretien d'embauche organisé." },
        await as(CAMILLE),
      );
      expect(result).toMatchObject({ ok: true });
      id = result.ok ? result.data.id : "";
      expect(await sanction(id)).toMatchObject({
        statut: "proposee",
        regime: "suspension_remobilisation",
        palierIndex: 0,
        participationIds: [],
      });
    });

    it("refuses a date in the future or outside a CEJ", async () => {
      const camille = await as(CAMILLE);
      expect(
        await runAction(steps.recordFailure, { jeuneId: other.id, dateFait: "2025-07-16", motif: "Absence à l'atelier prévu" }, camille),
      ).toMatchObject({ ok: false, fieldErrors: { dateFait: ["La date du manquement ne peut pas être dans le futur."] } });
      expect(
        await runAction(steps.recordFailure, { jeuneId: other.id, dateFait: "2025-03-01", motif: "Absence à l'atelier prévu" }, camille),
      ).toMatchObject({ ok: false, fieldErrors: { dateFait: [expect.stringContaining("Aucun contrat d'engagement jeune")] } });
    });

    it("dropping needs a reason, and is the director's", async () => {
      const directrice = await as(DIRECTRICE);
      const row = await sanction(id);
      expect(
        await runAction(steps.decide, { sanctionId: id, version: String(row.version), issue: "abandonner", motif: "" }, directrice),
      ).toMatchObject({ ok: false, fieldErrors: { motif: [expect.any(String)] } });
      expect(
        await runAction(
          steps.decide,
          { sanctionId: id, version: String(row.version), issue: "abandonner", motif: "Entretien annulé par l'employeur." },
          directrice,
        ),
      ).toMatchObject({ ok: true });
      expect(await sanction(id)).toMatchObject({
        statut: "abandonnee",
        decision: "Abandonnée : Entretien annulé par l'employeur.",
        effet: null,
      });
    });

    it("a suspension can be chosen within its bounds and lifted on compliance", async () => {
      const camille = await as(CAMILLE);
      const directrice = await as(DIRECTRICE);
      const created = await runAction(
        steps.recordFailure,
        { jeuneId: other.id, dateFait: "2025-07-02", motif: "Refus de participer à l'atelier obligatoire." },
        camille,
      );
      const sid = created.ok ? created.data.id : "";
      await runAction(
        steps.recordResponse,
        { sanctionId: sid, version: "1", reponseLe: "2025-07-05", reponseJeune: "Pas de réponse au courrier." },
        camille,
      );
      expect(
        await runAction(
          steps.decide,
          { sanctionId: sid, version: "2", issue: "appliquer", premierMois: "2025-07", pourcentage: "20", mois: "3" },
          directrice,
        ),
      ).toMatchObject({
        ok: false,
        fieldErrors: {
          pourcentage: ["Indiquez un pourcentage entier entre 30 et 100."],
          mois: ["Indiquez une durée entière entre 1 et 2 mois."],
        },
      });
      expect(
        await runAction(
          steps.decide,
          { sanctionId: sid, version: "2", issue: "appliquer", premierMois: "2025-07", pourcentage: "50", mois: "2" },
          directrice,
        ),
      ).toMatchObject({ ok: true });
      expect((await sanction(sid)).effet).toMatchObject({ kind: "suspension", pourcentage: 50, mois: 2, leveeSiRemobilisation: true });
      expect(await runAction(steps.lift, { sanctionId: sid, version: "3", leveeLe: "2025-07-10" }, camille)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await runAction(steps.lift, { sanctionId: sid, version: "3", leveeLe: "2025-07-10" }, directrice)).toMatchObject({ ok: true });
      expect((await sanction(sid)).effet).toMatchObject({ leveeLe: "2025-07-10" });
    });
  });

  describe("authorisation", () => {
    it("Marseille staff cannot touch a Lyon sanction; the DPO and the admin cannot write", async () => {
      const [row] = await t.db
        .select()
        .from(sanctions)
        .where(and(eq(sanctions.jeuneId, lea.id), eq(sanctions.statut, "proposee")));
      const ref = { sanctionId: row!.id, version: String(row!.version) };
      expect(
        await runAction(steps.recordResponse, { ...ref, reponseLe: "2025-07-01", reponseJeune: "Texte" }, await as(INES)),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect(
        await runAction(steps.decide, { ...ref, issue: "abandonner", motif: "Motif suffisant" }, await as(DIRECTEUR_MARSEILLE)),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect(
        await runAction(
          steps.recordFailure,
          { jeuneId: lea.id, dateFait: "2025-07-01", motif: "Absence à l'atelier prévu" },
          await as(INES),
        ),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect(
        await runAction(steps.recordResponse, { ...ref, reponseLe: "2025-07-01", reponseJeune: "Texte" }, await as(DPO)),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(
        await runAction(
          steps.recordFailure,
          { jeuneId: lea.id, dateFait: "2025-07-01", motif: "Absence à l'atelier prévu" },
          await as(DPO),
        ),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(
        await runAction(steps.decide, { ...ref, issue: "abandonner", motif: "Motif suffisant" }, await as("admin@sillage.demo")),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(await sanction(row!.id)).toMatchObject({ statut: "proposee", version: row!.version });
    });
  });
});
