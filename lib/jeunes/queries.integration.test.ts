import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { antennes, jeunes, structures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { openDossier } from "@/lib/dossier/gate";
import type { SessionUser } from "@/lib/auth/session-user";
import { useTestDatabase } from "@/test/db";
import { sessionUserFor } from "@/test/session";
import { assignmentOptionsForNewDossier, getJeuneEditRow } from "./queries";

describe("the dossier forms' reads", () => {
  const t = useTestDatabase();
  let camille: SessionUser;
  let leaId: string;
  let lyonId: string;
  let marseilleId: string;

  beforeAll(async () => {
    await seedDemo(t.db, { today: "2026-11-25", jeunesPerStructure: 2 });
    camille = await sessionUserFor(t.db, "conseillere.lyon@sillage.demo");
    const [lea] = await t.db.select().from(jeunes).where(eq(jeunes.email, "lea.dupont@exemple.fr"));
    leaId = lea!.id;
    lyonId = lea!.structureId;
    const [marseille] = await t.db.select().from(structures).where(eq(structures.name, "Mission locale de Marseille"));
    marseilleId = marseille!.id;
    await t.db.update(jeunes).set({ sante: "Suivi au CMP", situationJustice: "Mesure éducative" }).where(eq(jeunes.id, leaId));
  });

  it("offers a new dossier the antennes and active counsellors of the caller's structure only", async () => {
    const options = await assignmentOptionsForNewDossier(camille);
    const lyonAntennes = await t.db.select({ id: antennes.id }).from(antennes).where(eq(antennes.structureId, lyonId));
    expect(options!.antennes.map((a) => a.value).sort()).toEqual(lyonAntennes.map((a) => a.id).sort());
    const marseilleUsers = await t.db.select({ id: users.id }).from(users).where(eq(users.structureId, marseilleId));
    expect(options!.conseillers.length).toBeGreaterThan(0);
    expect(options!.conseillers.some((c) => marseilleUsers.some((u) => u.id === c.value))).toBe(false);
  });

  it("offers nothing to a caller without a structure", async () => {
    expect(await assignmentOptionsForNewDossier(await sessionUserFor(t.db, "admin@sillage.demo"))).toBeNull();
  });

  it("adds the health and justice texts to the gate's row, in the structure the gate opened it in", async () => {
    const result = await openDossier(t.db, camille, leaId, "page", { onglet: "modification" });
    if (!result.ok) throw new Error(`gate refused: ${result.refusal}`);
    const opened = { ...result.dossier, db: t.db, jeuneId: leaId };
    expect(opened.jeune).not.toHaveProperty("sante");
    const row = await getJeuneEditRow(opened);
    expect(row).toMatchObject({ id: leaId, prenoms: "Léa", sante: "Suivi au CMP", situationJustice: "Mesure éducative" });
    expect(await getJeuneEditRow({ ...opened, structureId: marseilleId })).toBeNull();
  });
});
