import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import {
  actionsJeune,
  allocationDecisions,
  contrats,
  jeunes,
  participations,
  sanctions,
  seances,
  structures,
  type Jeune,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { cejAlertWeeks, previousMonth } from "./alerts-parcours";
import { listPortefeuille } from "./portefeuille";
import type { AlertKey } from "./alerts";

// A Wednesday: the current ISO week starts on Monday 23 November, the previous one on 16 November.
const TODAY = "2026-11-25";

describe("pathway alerts in the portfolio", () => {
  const t = useTestDatabase();
  let lyon: Jeune[];
  let structureId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: TODAY, jeunesPerStructure: 10 });
    const [s] = await t.db.select().from(structures).where(eq(structures.siret, "77950697800013"));
    structureId = s!.id;
    // Every dossier opened long ago, without any contract: only what each test adds raises an alert.
    await t.db.update(jeunes).set({ createdAt: new Date("2026-06-01T08:00:00Z") });
    lyon = await t.db.select().from(jeunes).where(eq(jeunes.structureId, structureId)).orderBy(jeunes.nomNaissance, jeunes.id);
  });

  const contrat = async (j: Jeune, values: Partial<typeof contrats.$inferInsert>) => {
    const [c] = await t.db
      .insert(contrats)
      .values({ structureId, jeuneId: j.id, type: "CEJ", signeLe: "2026-09-01", debut: "2026-09-01", finPrevue: "2027-08-31", ...values })
      .returning();
    return c!;
  };
  const seance = async (
    j: Jeune,
    type: "atelier" | "rendez_vous_individuel" | "information_collective",
    at: string,
    presence: "prevu" | "present" | "absent_excuse" | "absent_non_excuse",
    cancelled = false,
  ) => {
    const [s] = await t.db
      .insert(seances)
      .values({
        structureId,
        type,
        titre: "Séance",
        debut: new Date(at),
        fin: new Date(new Date(at).getTime() + 3_600_000),
        annuleeLe: cancelled ? new Date(at) : null,
      })
      .returning();
    await t.db.insert(participations).values({ structureId, seanceId: s!.id, jeuneId: j.id, presence });
  };
  const action = async (
    j: Jeune,
    debut: string,
    categorie: "emploi" | "sante",
    statut: "a_faire" | "terminee" | "annulee",
    qualified = false,
  ) => {
    await t.db.insert(actionsJeune).values({
      structureId,
      jeuneId: j.id,
      categorie,
      libelle: "Action",
      debut,
      statut,
      qualifieeLe: qualified ? new Date(`${debut}T12:00:00Z`) : null,
    });
  };
  const badges = async (key: AlertKey) => {
    const nadia = await sessionUserFor(t.db, "directrice.lyon@sillage.demo");
    const view = await listPortefeuille(nadia, { alerte: key }, TODAY);
    expect(view.facets.alerte[key]).toBe(view.total);
    return new Map(view.rows.map((r) => [r.id, r.alertes.find((a) => a.key === key)]));
  };

  it("contract ending within 30 days: warning; planned end passed without an exit: error", async () => {
    const [soon, late, far] = [lyon[0]!, lyon[1]!, lyon[2]!];
    await contrat(soon, { type: "PACEA", finPrevue: "2026-12-10" });
    await contrat(late, { finPrevue: "2026-11-20" });
    await contrat(far, { finPrevue: "2027-01-10" });
    const found = await badges("contrat_fin");
    expect(found.get(soon.id)).toMatchObject({ tone: "warning", text: "PACEA : fin le 10/12/2026" });
    expect(found.get(late.id)).toMatchObject({ tone: "error", text: "CEJ : fin prévue le 20/11/2026, sortie à saisir" });
    expect(found.has(far.id)).toBe(false);
  });

  it("CEJ below 15 h: last week's validated hours, else this week's planned hours, with the weights in settings", async () => {
    const { previous, current } = cejAlertWeeks(TODAY);
    expect([previous, current]).toEqual(["2026-11-16", "2026-11-23"]);
    const [short, planned, fine, notCej] = [lyon[3]!, lyon[4]!, lyon[5]!, lyon[6]!];
    for (const j of [short, planned, fine]) await contrat(j, {});
    await contrat(notCej, { type: "PACEA", finPrevue: "2028-08-31" });

    // Last week: 2 × 3 h qualified + 4 h workshop attended = 10 h; a finished unqualified action and a cancelled séance do not count.
    await action(short, "2026-11-16", "emploi", "terminee", true);
    await action(short, "2026-11-18", "emploi", "terminee", true);
    await action(short, "2026-11-19", "emploi", "terminee", false);
    await seance(short, "atelier", "2026-11-20T09:00:00Z", "present");
    await seance(short, "atelier", "2026-11-17T09:00:00Z", "present", true);
    // Sunday 22 November 23:30 in Paris is still last week (22:30 UTC).
    await seance(short, "rendez_vous_individuel", "2026-11-22T22:30:00Z", "absent_non_excuse");

    // Last week 15 h validated (5 × 3 h); this week only a rendez-vous and a health action planned: 1 h + 2 h.
    for (const d of ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"])
      await action(planned, d, "emploi", "terminee", true);
    await seance(planned, "rendez_vous_individuel", "2026-11-24T09:00:00Z", "prevu");
    await action(planned, "2026-11-26", "sante", "a_faire");
    await action(planned, "2026-11-27", "emploi", "annulee");

    // Last week 16 h validated, this week 15 h planned: no alert.
    for (const d of ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"]) await seance(fine, "atelier", `${d}T09:00:00Z`, "present");
    for (const d of ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]) await action(fine, d, "emploi", "a_faire");

    for (const d of ["2026-11-23"]) await action(notCej, d, "sante", "a_faire");

    const found = await badges("cej_heures");
    expect(found.get(short.id)).toMatchObject({ tone: "error", text: "CEJ : 10 h validées la semaine dernière (objectif 15 h)" });
    expect(found.get(planned.id)).toMatchObject({ tone: "warning", text: "CEJ : 3 h prévues cette semaine (objectif 15 h)" });
    expect(found.has(fine.id)).toBe(false);
    expect(found.has(notCej.id)).toBe(false);
  });

  it("an unexcused absence within 30 days; several are counted", async () => {
    const [once, twice, old] = [lyon[7]!, lyon[8]!, lyon[9]!];
    await seance(once, "rendez_vous_individuel", "2026-11-20T09:00:00Z", "absent_non_excuse");
    await seance(twice, "atelier", "2026-11-05T09:00:00Z", "absent_non_excuse");
    await seance(twice, "rendez_vous_individuel", "2026-11-12T09:00:00Z", "absent_non_excuse");
    await seance(old, "rendez_vous_individuel", "2026-10-01T09:00:00Z", "absent_non_excuse");
    const found = await badges("absence");
    expect(found.get(once.id)?.text).toBe("Absent sans excuse le 20/11/2026");
    expect(found.get(twice.id)?.text).toBe("2 absences non excusées, dernière le 12/11/2026");
    expect(found.has(old.id)).toBe(false);
  });

  it("no contact for 30 days: last attended séance, or none at all; recent contact or a new dossier clears it", async () => {
    const found = await badges("sans_contact");
    const [seen, stale, never] = [lyon[3]!, lyon[9]!, lyon[0]!];
    // lyon[3] attended a workshop on 20 November (test above).
    expect(found.has(seen.id)).toBe(false);
    await seance(stale, "rendez_vous_individuel", "2026-10-15T09:00:00Z", "present");
    const again = await badges("sans_contact");
    expect(again.get(stale.id)?.text).toBe("Sans contact depuis le 15/10/2026");
    expect(again.get(never.id)?.text).toBe("Aucun contact enregistré");
    await t.db
      .update(jeunes)
      .set({ createdAt: new Date("2026-11-10T08:00:00Z") })
      .where(eq(jeunes.id, never.id));
    expect((await badges("sans_contact")).has(never.id)).toBe(false);
  });

  it("a sanction to examine, and last month's CEJ allowance to decide", async () => {
    const j = lyon[4]!;
    const [c] = await t.db.select().from(contrats).where(eq(contrats.jeuneId, j.id));
    await t.db.insert(sanctions).values({
      structureId,
      jeuneId: j.id,
      contratId: c!.id,
      dateFait: "2026-11-12",
      motif: "Trois absences",
      regime: "cej_2022",
      palier: "reduction_quart_mois",
      palierIndex: 0,
      baremeEnVigueurDepuis: "2022-03-01",
    });
    expect((await badges("sanction")).get(j.id)?.text).toBe("Sanction proposée (manquement du 12/11/2026)");

    expect(previousMonth(TODAY)).toEqual({ month: "2026-10", first: "2026-10-01", last: "2026-10-31" });
    const before = await badges("allocation_a_decider");
    expect(before.get(j.id)?.text).toBe("Allocation de octobre 2026 à décider");
    await t.db.insert(allocationDecisions).values({
      structureId,
      jeuneId: j.id,
      contratId: c!.id,
      dispositif: "CEJ",
      mois: "2026-10",
      montantCents: 56168,
      entrees: {},
      regleVersion: "test",
      explication: "test",
    });
    expect((await badges("allocation_a_decider")).has(j.id)).toBe(false);
  });
});
