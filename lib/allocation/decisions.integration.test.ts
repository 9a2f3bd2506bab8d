import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { allocationDecisions, auditLog, contrats, jeunes, sanctions, transmissions, users, type Jeune } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { runAction } from "@/lib/actions/run";
import { createSetting } from "@/lib/settings/writes";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { allocationDecisionActions, type AllocationPreview } from "./decision-writes";

const CAMILLE = "conseillere.lyon@sillage.demo";
const DIRECTRICE = "directrice.lyon@sillage.demo";
const DPO = "dpo.lyon@sillage.demo";
const ADMIN = "admin@sillage.demo";
const INES = "conseillere.marseille@sillage.demo";

// Explicit clocks: "today" is 15 March 2027 for the CEJ cases, 10 July 2026 for the PACEA ones.
const march2027 = allocationDecisionActions(() => new Date("2027-03-15T10:00:00Z"));
const july2026 = allocationDecisionActions(() => new Date("2026-07-10T10:00:00Z"));

describe("monthly allowance decisions", () => {
  const t = useTestDatabase();
  let lea: Jeune;
  let tom: Jeune;
  let leaContratId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 4 });
    const [camille] = await t.db.select().from(users).where(eq(users.email, CAMILLE));
    lea = (await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr")))[0]!;
    tom = (await t.db.select().from(jeunes).where(eq(jeunes.email, "tom.girard@exemple.fr")))[0]!;
    const [c] = await t.db
      .insert(contrats)
      .values({
        structureId: lea.structureId,
        jeuneId: lea.id,
        type: "CEJ",
        signeLe: "2026-09-01",
        debut: "2026-09-01",
        finPrevue: "2027-08-31",
        conseillerId: camille!.id,
      })
      .returning();
    leaContratId = c!.id;
    await t.db.insert(contrats).values({
      structureId: tom.structureId,
      jeuneId: tom.id,
      type: "PACEA",
      signeLe: "2026-04-01",
      debut: "2026-04-01",
      finPrevue: "2028-03-31",
      conseillerId: camille!.id,
    });
  });

  const ok = <T>(
    result: { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors: Record<string, string[]> },
  ): T => {
    if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
    return result.data;
  };
  const as = (email: string) => sessionUserFor(t.db, email);
  const preview = async (input: Record<string, unknown>, actions = march2027, email = CAMILLE) =>
    runAction(actions.preview, input, await as(email));
  const record = async (input: Record<string, unknown>, actions = march2027, email = CAMILLE) => {
    const p = ok(await preview(input, actions, email)) as AllocationPreview;
    return {
      preview: p,
      result: await runAction(
        actions.record,
        { ...input, apercuCents: String(p.montantCents), remplaceId: p.remplace?.id ?? "" },
        await as(email),
      ),
    };
  };
  const cej = (mois: string, over: Record<string, unknown> = {}) => ({
    jeuneId: lea.id,
    mois,
    foyer: "non_imposable",
    ressourcesDeduitesEnPartie: "",
    ressourcesDeduitesEnTotalite: "",
    ...over,
  });
  const current = async (contratId: string, mois: string) =>
    t.db
      .select()
      .from(allocationDecisions)
      .where(
        and(eq(allocationDecisions.contratId, contratId), eq(allocationDecisions.mois, mois), isNull(allocationDecisions.remplaceeParId)),
      );

  it("acceptance: a new amount effective next April changes next April's computation and not this month's", async () => {
    const before = ok(await preview(cej("2027-04")));
    expect(before.montantCents).toBe(56617); // the 2026-04-01 amounts
    expect(before.regleVersion).toBe(
      "cej.allocation.montants@2026-04-01;cej.allocation.degressivite@2022-03-01;smic.brut_mensuel@2026-01-01",
    );

    const admin = await as(ADMIN);
    ok(
      await runAction(
        createSetting,
        {
          key: "cej.allocation.montants",
          effectiveFrom: "2027-04-01",
          value: JSON.stringify({ majeurNonImposable: 57000, premiereTranche: 34200, mineur: 22800 }),
          source: "Revalorisation au 1er avril 2027 (test)",
        },
        admin,
      ),
    );

    const april = ok(await preview(cej("2027-04")));
    expect(april.montantCents).toBe(57000);
    expect(april.regleVersion).toContain("cej.allocation.montants@2027-04-01");
    const march = ok(await preview(cej("2027-03")));
    expect(march.montantCents).toBe(56617);
    expect(march.regleVersion).toContain("cej.allocation.montants@2026-04-01");

    // Recorded through the real service: the stored row carries the amounts used.
    const { result } = await record(cej("2027-04"));
    const saved = ok(result);
    const [row] = await t.db.select().from(allocationDecisions).where(eq(allocationDecisions.id, saved.id));
    expect(row).toMatchObject({
      montantCents: 57000,
      dispositif: "CEJ",
      mois: "2027-04",
      contratId: leaContratId,
      regleVersion: "cej.allocation.montants@2027-04-01;cej.allocation.degressivite@2022-03-01;smic.brut_mensuel@2026-01-01",
    });
    expect(row!.entrees).toMatchObject({
      foyer: "non_imposable",
      ressourcesDeduitesEnPartieCents: 0,
      ressourcesDeduitesEnTotaliteCents: 0,
      base: "majeur_non_imposable",
      montants: { majeurNonImposable: 57000, enVigueurDepuis: "2027-04-01" },
      degressivite: { abattementCents: 30000, partSmicPourcent: 80, enVigueurDepuis: "2022-03-01" },
      smic: { cents: 182303, enVigueurDepuis: "2026-01-01" },
      montantBaseCents: 57000,
      deductionTotaleCents: 0,
      reductionPartielleCents: 0,
    });
    expect(JSON.stringify(row!.entrees)).not.toContain(lea.dateNaissance);
    expect(row!.explication).toBe("Allocation CEJ pour avril 2027 : 570,00\u00a0€ (jeune majeur, foyer non imposable).");
    // The transfer trigger ran in the same transaction (ASP payment in the outbox).
    expect(
      await t.db
        .select()
        .from(transmissions)
        .where(eq(transmissions.idempotencyKey, `allocation-paiement:${saved.id}`)),
    ).toHaveLength(1);
  });

  it("more than one month ahead is refused", async () => {
    const result = await preview(cej("2027-05"));
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.fieldErrors.mois?.[0]).toContain("avril 2027");
  });

  it("other resources reduce the allowance (D5131-23), with the computation line by line", async () => {
    // 300 € above the abatement: 300 × 566,17 ÷ (0,8 × 1 823,03 − 300) = 146,62… → 146,62 €
    const partly = ok(await preview(cej("2027-01", { ressourcesDeduitesEnPartie: "600" })));
    expect(partly.montantCents).toBe(56617 - 14662);
    expect(partly.explication).toContain("moins 146,62\u00a0€ de réduction pour 600,00\u00a0€ de ressources déduites en partie");
    expect(partly.calcul.map((l) => l.cents)).toEqual([56617, -14662]);
    expect(partly.calcul[1]!.label).toContain("80\u00a0% du SMIC brut de 1\u202f823,03\u00a0€");

    const both = ok(await preview(cej("2027-01", { ressourcesDeduitesEnPartie: "600", ressourcesDeduitesEnTotalite: "150" })));
    expect(both.montantCents).toBe(56617 - 15000 - 14662);
    expect(both.calcul.map((l) => l.cents)).toEqual([56617, -15000, -14662]);
    expect(ok(await preview(cej("2027-01", { ressourcesDeduitesEnTotalite: "1 200,00" }))).montantCents).toBe(0);
    expect(ok(await preview(cej("2027-01", { ressourcesDeduitesEnPartie: "300" }))).montantCents).toBe(56617);

    const first = ok(await preview(cej("2027-01", { foyer: "premiere_tranche" })));
    expect(first.montantCents).toBe(33970);
    const other = ok(await preview(cej("2027-01", { foyer: "autre" })));
    expect(other.montantCents).toBe(0);
  });

  it("CEJ needs the household status; malformed resources are refused next to their field", async () => {
    expect(await preview(cej("2027-01", { foyer: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { foyer: ["Choisissez la situation fiscale du foyer."] },
    });
    expect(await preview(cej("2027-01", { ressourcesDeduitesEnPartie: "12,3,4", ressourcesDeduitesEnTotalite: "-5" }))).toMatchObject({
      ok: false,
      fieldErrors: {
        ressourcesDeduitesEnPartie: [expect.stringContaining("Saisissez un montant en euros")],
        ressourcesDeduitesEnTotalite: [expect.stringContaining("Saisissez un montant en euros")],
      },
    });
  });

  it("refuses a month without a contract in force", async () => {
    const result = await preview(cej("2026-08"));
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.fieldErrors.mois?.[0]).toContain("Aucun contrat CEJ ou PACEA n'est en vigueur en août 2026");
  });

  it("a second decision for the same month supersedes the first, both kept; a stale form is refused", async () => {
    const first = ok((await record(cej("2027-02"))).result);
    const second = await record(cej("2027-02", { ressourcesDeduitesEnPartie: "500" }));
    expect(second.preview.remplace?.id).toBe(first.id);
    const saved = ok(second.result);
    expect(saved.remplaceId).toBe(first.id);

    const rows = await t.db
      .select()
      .from(allocationDecisions)
      .where(and(eq(allocationDecisions.contratId, leaContratId), eq(allocationDecisions.mois, "2027-02")));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === first.id)!.remplaceeParId).toBe(saved.id);
    expect(rows.find((r) => r.id === saved.id)!.remplaceeParId).toBeNull();
    expect((await current(leaContratId, "2027-02")).map((r) => r.id)).toEqual([saved.id]);

    // A form opened before the second decision (it saw the first one as current) changes nothing.
    const stale = await runAction(march2027.record, { ...cej("2027-02"), apercuCents: "56617", remplaceId: first.id }, await as(CAMILLE));
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(!stale.ok && stale.message).toContain("Une autre décision a été enregistrée pour février 2027");
    expect(
      await t.db
        .select()
        .from(allocationDecisions)
        .where(and(eq(allocationDecisions.contratId, leaContratId), eq(allocationDecisions.mois, "2027-02"))),
    ).toHaveLength(2);

    // Audit: both rows, with the young person's id, field names only.
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.jeuneId, lea.id));
    const created = audits.find((a) => a.action === "allocation.decision" && a.targetId === saved.id);
    expect(created).toMatchObject({ jeuneId: lea.id, fields: expect.arrayContaining(["montantCents", "regleVersion"]) });
    expect(JSON.stringify(created!.meta)).not.toContain("50000");
    expect(audits.find((a) => a.action === "allocation.decision_remplacee" && a.targetId === first.id)).toMatchObject({
      jeuneId: lea.id,
      fields: ["remplaceeParId"],
    });
  });

  it("refuses a confirmation whose amount differs from the preview", async () => {
    const result = await runAction(march2027.record, { ...cej("2026-12"), apercuCents: "12345", remplaceId: "" }, await as(CAMILLE));
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(await current(leaContratId, "2026-12")).toHaveLength(0);
  });

  it("applies a decided sanction covering the month, explained and versioned", async () => {
    const [s] = await t.db
      .insert(sanctions)
      .values({
        structureId: lea.structureId,
        jeuneId: lea.id,
        contratId: leaContratId,
        dateFait: "2026-11-20",
        motif: "Trois absences non excusées",
        regime: "suspension_remobilisation",
        palier: "suspension_30_pourcent_1_a_2_mois",
        palierIndex: 0,
        baremeEnVigueurDepuis: "2025-06-01",
        statut: "decidee",
        effet: {
          kind: "suspension",
          pourcentage: 30,
          mois: 2,
          premierMois: "2026-12",
          leveeSiRemobilisation: true,
          finContrat: false,
          leveeLe: null,
        },
      })
      .returning();
    const dec = ok(await preview(cej("2026-12")));
    expect(dec.montantCents).toBe(56617 - Math.floor((56617 * 30) / 100));
    expect(dec.calcul).toEqual([
      { label: "Montant mensuel (jeune majeur, foyer non imposable)", cents: 56617 },
      { label: "Sanction décidée : 30\u00a0% retenus", cents: -16985 },
    ]);
    expect(dec.explication).toContain(
      "Sanction décidée pour le manquement du 20 novembre 2026 : l'allocation de décembre 2026 est réduite de 30\u00a0%",
    );
    expect(dec.regleVersion).toBe(
      "cej.allocation.montants@2026-04-01;cej.allocation.degressivite@2022-03-01;smic.brut_mensuel@2026-01-01;cej.sanctions.bareme@2025-06-01",
    );
    expect(ok(await preview(cej("2027-01"))).montantCents).toBe(56617 - 16985);
    // Outside the two months: untouched.
    expect(ok(await preview(cej("2027-03"))).montantCents).toBe(56617);
    // A proposed (not decided) sanction has no effect.
    await t.db.update(sanctions).set({ statut: "proposee" }).where(eq(sanctions.id, s!.id));
    expect(ok(await preview(cej("2026-12"))).montantCents).toBe(56617);
    await t.db.delete(sanctions).where(eq(sanctions.id, s!.id));
  });

  it("a reduction setting that cannot be computed is refused with a message, nothing guessed", async () => {
    ok(
      await runAction(
        createSetting,
        {
          key: "cej.allocation.degressivite",
          effectiveFrom: "2027-04-01",
          value: JSON.stringify({ abattementCents: 30000, partSmicPourcent: 10 }),
          source: "Valeur incohérente (test)",
        },
        await as(ADMIN),
      ),
    );
    const result = await preview(cej("2027-04"));
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(!result.ok && result.message).toContain("la part du SMIC ne dépasse pas l'abattement");
    expect(ok(await preview(cej("2027-03"))).montantCents).toBe(56617);
  });

  describe("PACEA", () => {
    const pacea = (mois: string, montantDemande: string) => ({ jeuneId: tom.id, mois, montantDemande });

    it("checks the rolling 12-month ceiling against previous current decisions, with the rule's refusal", async () => {
      ok((await record(pacea("2026-05", "2000"), july2026)).result);
      ok((await record(pacea("2026-06", "1500"), july2026)).result);
      const refused = await preview(pacea("2026-07", "500"), july2026);
      expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
      expect(!refused.ok && refused.fieldErrors.montantDemande?.[0]).toBe(
        "Le montant demandé (500,00\u00a0€) dépasse le plafond de l'allocation PACEA : 3\u202f500,00\u00a0€ déjà versés entre août 2025 et juillet 2026, sur 3\u202f910,14\u00a0€ possibles en 12 mois glissants. Vous pouvez demander au plus 410,14\u00a0€ pour juillet 2026.",
      );
      const { result, preview: p } = await record(pacea("2026-07", "410,14"), july2026);
      expect(ok(result).montantCents).toBe(41014);
      expect(p.regleVersion).toBe("pacea.allocation.plafond@2021-01-01;rsa.montant_personne_seule@2026-04-01");
      expect(p.dispositif).toBe("PACEA");
      const [row] = await t.db
        .select()
        .from(allocationDecisions)
        .where(eq(allocationDecisions.id, ok(result).id));
      expect(row!.entrees).toMatchObject({
        montantDemandeCents: 41014,
        rsaCents: 65169,
        multiplicateurRsa: 6,
        plafondCents: 391014,
        dejaVerseCents: 350000,
      });
    });

    it("superseding a month does not count the replaced amount twice", async () => {
      // May 2 000 € + July 410,14 € leave exactly 1 500 € for June, the amount being replaced.
      const p = ok(await preview(pacea("2026-06", "1500"), july2026));
      expect(p.montantCents).toBe(150000);
      expect(p.remplace?.montantCents).toBe(150000);
      expect(await preview(pacea("2026-06", "1500,01"), july2026)).toMatchObject({ ok: false, code: "invalid_input" });
    });

    it("asks for the requested amount", async () => {
      expect(await preview(pacea("2026-07", ""), july2026)).toMatchObject({
        ok: false,
        fieldErrors: { montantDemande: ["Saisissez le montant demandé pour le mois, en euros."] },
      });
    });
  });

  describe("authorisation", () => {
    it("a Marseille counsellor cannot read or write a Lyon young person's allowance", async () => {
      expect(await preview(cej("2027-01"), march2027, INES)).toMatchObject({ ok: false, code: "not_found" });
      expect(await runAction(march2027.record, { ...cej("2027-01"), apercuCents: "56617" }, await as(INES))).toMatchObject({
        ok: false,
        code: "not_found",
      });
    });

    it("the DPO and the admin cannot decide (no parcours.write); the director can", async () => {
      expect(await preview(cej("2027-01"), march2027, DPO)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await preview(cej("2027-01"), march2027, ADMIN)).toMatchObject({ ok: false, code: "forbidden" });
      expect(ok(await preview(cej("2027-01"), march2027, DIRECTRICE)).montantCents).toBe(56617);
    });
  });
});
