import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  allocationDecisions,
  contrats,
  jeunes,
  settings,
  structures,
  transmissionLedger,
  transmissions,
  type AllocationDecision,
  type Contrat,
} from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { onAllocationDecision, onContratEvent, opensC2s } from "./triggers";

describe("transfers triggered by pathway events", () => {
  const t = useTestDatabase();
  let structureId: string;
  let n = 0;

  beforeAll(async () => {
    const [s] = await t.db
      .insert(structures)
      .values({ name: "Mission locale de test", siret: "12345678900011", departement: "69", commune: "Lyon", dpoEmail: "dpo@test.example" })
      .returning();
    structureId = s!.id;
    await t.db
      .insert(settings)
      .values({ key: "c2s.presomption.date_debut", effectiveFrom: "2026-07-01", value: { date: "2026-07-01" }, source: "test" });
  });

  const newJeune = async (extra: Partial<typeof jeunes.$inferInsert> = {}) => {
    n += 1;
    const [j] = await t.db
      .insert(jeunes)
      .values({
        structureId,
        nomNaissance: `Test${n}`,
        prenoms: "Léa",
        dateNaissance: "2005-03-14",
        sexe: "F",
        email: `lea${n}@example.org`,
        sante: "asthme sévère",
        commentaire: "Très motivée",
        searchText: `test${n} lea`,
        ...extra,
      })
      .returning();
    return j!;
  };

  const newContrat = async (jeuneId: string, values: Partial<typeof contrats.$inferInsert> = {}): Promise<Contrat> => {
    const [c] = await t.db
      .insert(contrats)
      .values({ structureId, jeuneId, type: "CEJ", signeLe: "2026-09-01", debut: "2026-09-01", finPrevue: "2027-08-31", ...values })
      .returning();
    return c!;
  };

  const transfersOf = (jeuneId: string) =>
    t.db
      .select()
      .from(transmissions)
      .where(eq(transmissions.jeuneId, jeuneId))
      .orderBy(asc(transmissions.createdAt), asc(transmissions.kind));

  it("a CEJ signature registers the young person with France Travail, with the contract and only the allowed fields", async () => {
    const jeune = await newJeune();
    const contrat = await newContrat(jeune.id);
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "signature", contrat }));
    const [sent, ...rest] = await transfersOf(jeune.id);
    expect(rest).toHaveLength(0);
    expect(sent).toMatchObject({ recipient: "franceTravail", finality: "cej", kind: "inscription", status: "a_envoyer" });
    expect(sent!.payload).toMatchObject({
      nomNaissance: jeune.nomNaissance,
      contratType: "CEJ",
      contratDateDebut: "2026-09-01",
      contratDateFin: "2027-08-31",
      dispositif: "CEJ",
    });
    expect(sent!.payload).not.toHaveProperty("sante");
    expect(sent!.payload).not.toHaveProperty("commentaire");
    const ledger = await t.db.select().from(transmissionLedger).where(eq(transmissionLedger.transmissionId, sent!.id));
    expect(ledger.map((l) => l.event)).toEqual(["creee"]);

    // Replaying the same event sends nothing more.
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "signature", contrat }));
    expect(await transfersOf(jeune.id)).toHaveLength(1);
  });

  it("a PACEA goes to the PACEA finality; an extension is an update; a change France Travail does not hold sends nothing", async () => {
    const jeune = await newJeune();
    const contrat = await newContrat(jeune.id, { type: "PACEA", finPrevue: "2028-08-31" });
    const extended = { ...contrat, finPrevue: "2028-08-31", version: 2, prolongationMotif: "Formation longue" };
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "modification", contrat: extended, before: contrat }));
    expect(await transfersOf(jeune.id)).toHaveLength(0);

    const shorter = { ...contrat, finPrevue: "2027-12-31", version: 3 };
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "prolongation", contrat: shorter, before: contrat }));
    const [update] = await transfersOf(jeune.id);
    expect(update).toMatchObject({ recipient: "franceTravail", finality: "pacea", kind: "mise_a_jour" });
    expect(update!.payload).toMatchObject({ contratDateFin: "2027-12-31" });
  });

  it("an exit sends the exit motive; a switch sends the end of one contract and the start of the other", async () => {
    const jeune = await newJeune();
    const pacea = await newContrat(jeune.id, { type: "PACEA", finPrevue: "2028-08-31", finReelle: "2026-10-31", motifSortie: "bascule" });
    const cej = await newContrat(jeune.id, {
      type: "CEJ",
      debut: "2026-11-01",
      signeLe: "2026-11-01",
      finPrevue: "2027-10-31",
      precedentContratId: pacea.id,
      basculeMotif: "Projet plus intensif",
    });
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "bascule", from: pacea, to: cej }));
    const sent = await transfersOf(jeune.id);
    expect(sent.map((s) => `${s.finality}:${s.kind}`).sort()).toEqual(["cej:inscription", "pacea:sortie"]);
    const exit = sent.find((s) => s.kind === "sortie")!;
    expect(exit.payload).toMatchObject({ motifSortie: "bascule", contratDateFin: "2026-10-31", dispositif: "aucun" });
  });

  it("nothing leaves for an anonymised dossier; a limited one is held", async () => {
    const gone = await newJeune({ anonymisedAt: new Date() });
    const goneContrat = await newContrat(gone.id);
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "signature", contrat: goneContrat }));
    expect(await transfersOf(gone.id)).toHaveLength(0);

    const limited = await newJeune({ limitationDepuis: new Date() });
    const limitedContrat = await newContrat(limited.id);
    await t.db.transaction((tx) => onContratEvent(tx, { kind: "signature", contrat: limitedContrat }));
    const [held] = await transfersOf(limited.id);
    expect(held?.status).toBe("retenue");
  });

  describe("allowance decisions", () => {
    const decide = async (
      contrat: Contrat,
      mois: string,
      montantCents: number,
      foyer: string,
      extra: Partial<typeof allocationDecisions.$inferInsert> = {},
    ): Promise<AllocationDecision> => {
      const [d] = await t.db
        .insert(allocationDecisions)
        .values({
          structureId,
          jeuneId: contrat.jeuneId,
          contratId: contrat.id,
          dispositif: contrat.type,
          mois,
          montantCents,
          entrees: { foyer },
          regleVersion: "test",
          explication: "test",
          ...extra,
        })
        .returning();
      await t.db.transaction((tx) => onAllocationDecision(tx, d!));
      return d!;
    };

    it("each month with an amount is a payment to the ASP; a zero month is not", async () => {
      const jeune = await newJeune();
      const contrat = await newContrat(jeune.id);
      await decide(contrat, "2026-05", 56168, "premiere_tranche");
      await decide(contrat, "2026-06", 0, "autre");
      const sent = await transfersOf(jeune.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ recipient: "asp", finality: "allocation", kind: "paiement" });
      expect(sent[0]!.payload).toMatchObject({ allocationMontant: 56168, allocationPeriode: "2026-05", dispositif: "CEJ" });
    });

    it("CPAM hears of the C2S when a CEJ allowance starts in a non-taxable household, from the configured date, and when it stops", async () => {
      const jeune = await newJeune();
      const contrat = await newContrat(jeune.id, { debut: "2026-05-01", signeLe: "2026-05-01", finPrevue: "2027-04-30" });
      await decide(contrat, "2026-06", 56168, "non_imposable"); // before 1 July 2026: no C2S presumption yet
      expect((await transfersOf(jeune.id)).filter((s) => s.recipient === "cnamCpam")).toHaveLength(0);

      await decide(contrat, "2026-07", 56168, "non_imposable");
      await decide(contrat, "2026-08", 56168, "non_imposable"); // still open: nothing new
      const c2s = (await transfersOf(jeune.id)).filter((s) => s.recipient === "cnamCpam");
      expect(c2s).toHaveLength(1);
      expect(c2s[0]!.payload).toMatchObject({ allocationPeriode: "2026-07", foyerImposable: false });
      expect(c2s[0]!.payload).not.toHaveProperty("allocationMontant");

      await decide(contrat, "2026-09", 33700, "premiere_tranche"); // taxable household: the presumption ends
      const after = (await transfersOf(jeune.id)).filter((s) => s.recipient === "cnamCpam");
      expect(after).toHaveLength(2);
      expect(after[1]!.payload).toMatchObject({ allocationPeriode: "2026-09", foyerImposable: true });
    });

    it("a PACEA allowance never goes to CPAM", async () => {
      const jeune = await newJeune();
      const contrat = await newContrat(jeune.id, { type: "PACEA", finPrevue: "2028-08-31" });
      await decide(contrat, "2026-09", 30000, "non_imposable");
      expect((await transfersOf(jeune.id)).map((s) => s.recipient)).toEqual(["asp"]);
      expect(opensC2s({ dispositif: "PACEA", montantCents: 30000, entrees: { foyer: "non_imposable" } })).toBe(false);
    });
  });
});
