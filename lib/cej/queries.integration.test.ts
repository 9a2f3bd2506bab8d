import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { actionsJeune, allocationDecisions, contrats, jeunes, sanctions, structures } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { listActionsForDossier } from "@/lib/actions-jeune/queries";
import { listDecisionsForDossier } from "@/lib/allocation/queries";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { listContratsForDossier } from "@/lib/parcours/queries";
import { listSanctionsForDossier } from "@/lib/sanctions/queries";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { cejWeekForDossier } from "./queries";

describe("the dossier's Parcours and Actions loaders", () => {
  const t = useTestDatabase();
  const today = todayInParis(new Date());
  const week = isoWeekOf(today);
  let camille: SessionUser;
  let ines: SessionUser;
  let admin: SessionUser;
  let cejJeuneId: string;
  let withoutContractId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today, extras: true });
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    ines = await sessionUserFor(t.db, "conseillere.marseille@sillage.demo");
    admin = await sessionUserFor(t.db, "admin@sillage.demo");
    const [lyon] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Lyon"));
    const [cej] = await t.db
      .select({ jeuneId: contrats.jeuneId })
      .from(contrats)
      .where(and(eq(contrats.structureId, lyon!.id), eq(contrats.type, "CEJ"), isNull(contrats.finReelle)))
      .limit(1);
    cejJeuneId = cej!.jeuneId;
    const [none] = await t.db
      .insert(jeunes)
      .values({
        structureId: lyon!.id,
        nomNaissance: "SANSCONTRAT",
        prenoms: "Test",
        dateNaissance: "2005-05-05",
        sexe: "F",
        searchText: "sanscontrat test",
      })
      .returning({ id: jeunes.id });
    withoutContractId = none!.id;
  });

  it("counts the week of a CEJ in force in the caller's structure, and says so when there is none", async () => {
    const mine = await cejWeekForDossier(camille, cejJeuneId, week);
    expect(mine.kind).toBe("gauge");
    if (mine.kind === "gauge") expect(mine.gauge.week).toEqual(week);
    expect((await cejWeekForDossier(admin, cejJeuneId, week)).kind).toBe("gauge");
    expect(await cejWeekForDossier(camille, withoutContractId, week)).toEqual({ kind: "no_contract" });
  });

  it("gives another structure's caller no CEJ, no contract, no decision, no sanction, no action", async () => {
    expect(await cejWeekForDossier(ines, cejJeuneId, week)).toEqual({ kind: "no_contract" });
    expect(await listContratsForDossier(ines, cejJeuneId)).toEqual([]);
    expect(await listDecisionsForDossier(ines, cejJeuneId, 1)).toEqual({ rows: [], total: 0 });
    expect(await listSanctionsForDossier(ines, cejJeuneId)).toEqual([]);
    const actions = await listActionsForDossier(ines, cejJeuneId, {
      page: 1,
      filtre: { statut: null, categorie: null },
      withToQualify: true,
    });
    expect(actions.list.total).toBe(0);
    expect(actions.toQualify).toEqual([]);
  });

  it("gives the file's own structure every row of it", async () => {
    const ids = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((r) => r.id).sort();
    const stored = {
      contrats: await ids(t.db.select({ id: contrats.id }).from(contrats).where(eq(contrats.jeuneId, cejJeuneId))),
      decisions: await ids(
        t.db.select({ id: allocationDecisions.id }).from(allocationDecisions).where(eq(allocationDecisions.jeuneId, cejJeuneId)),
      ),
      sanctions: await ids(t.db.select({ id: sanctions.id }).from(sanctions).where(eq(sanctions.jeuneId, cejJeuneId))),
      actions: await ids(t.db.select({ id: actionsJeune.id }).from(actionsJeune).where(eq(actionsJeune.jeuneId, cejJeuneId))),
    };
    expect(stored.contrats.length).toBeGreaterThan(0);
    expect((await listContratsForDossier(camille, cejJeuneId)).map((c) => c.id).sort()).toEqual(stored.contrats);
    const decisions = await listDecisionsForDossier(camille, cejJeuneId, 1);
    expect(decisions.total).toBe(stored.decisions.length);
    expect((await listSanctionsForDossier(camille, cejJeuneId)).map((s) => s.id).sort()).toEqual(stored.sanctions);
    const actions = await listActionsForDossier(camille, cejJeuneId, {
      page: 1,
      filtre: { statut: null, categorie: null },
      withToQualify: false,
    });
    expect(actions.list.total).toBe(stored.actions.length);
    expect(actions.toQualify).toEqual([]);
  });
});
